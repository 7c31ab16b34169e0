package screentest

import (
	"context"

	"fyne.io/fyne/v2"

	"github.com/parley-app/parley/screens/kit"
)

// Nav is a kit.Nav for tests. Show puts a page on Stage, the test
// window's content; Push and Back are recorded, and do more when OnPush
// and OnBack say what.
type Nav struct {
	Stage  *fyne.Container
	Pushed []kit.Route // every Push, in order
	Backs  int         // how many times Back was called
	OnPush func(kit.Route)
	OnBack func()

	endPage func() // ends the context of the page shown
}

var _ kit.Nav = (*Nav)(nil)

// Show puts page on the stage in place of the page shown, whose context
// ends.
func (n *Nav) Show(page fyne.CanvasObject) context.Context {
	if n.endPage != nil {
		n.endPage()
	}
	n.Stage.Objects = []fyne.CanvasObject{page}
	n.Stage.Refresh()
	ctx, cancel := context.WithCancel(context.Background())
	n.endPage = cancel
	return ctx
}

// Push records r and calls OnPush when set.
func (n *Nav) Push(r kit.Route) {
	n.Pushed = append(n.Pushed, r)
	if n.OnPush != nil {
		n.OnPush(r)
	}
}

// Back counts the call and calls OnBack when set.
func (n *Nav) Back() {
	n.Backs++
	if n.OnBack != nil {
		n.OnBack()
	}
}

// Shown is the page on the stage, or nil.
func (n *Nav) Shown() fyne.CanvasObject {
	if len(n.Stage.Objects) == 0 {
		return nil
	}
	return n.Stage.Objects[0]
}
