package builder

import (
	"testing"

	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/screens/screentest"
)

// coreWorld is screentest's world, with this package's pages built on
// its core.
type coreWorld struct{ *screentest.World }

// newCoreWorld is a world whose Nav.Back leaves the builder for a
// stand-in of the page it was opened from.
func newCoreWorld(t *testing.T) *coreWorld {
	cw := &coreWorld{screentest.NewWorld(t)}
	cw.Nav.OnBack = func() { cw.Nav.Show(widget.NewLabel("Templates")) }
	return cw
}

// env is what this package's pages are built with in the world.
func (cw *coreWorld) env() env { return env{Env: cw.Env(), core: cw.Core} }
