package inbox

import (
	"context"
	"log/slog"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/screens/kit"
)

// olderThreshold is how close to the top scrolling loads older messages.
const olderThreshold = 80

// onScrolled loads older messages when the owner scrolls near the top,
// and newer ones near the bottom while the newest are not loaded.
func (v *conversationView) onScrolled(p fyne.Position) {
	v.followView()
	if p.Y < olderThreshold {
		v.loadOlder()
	}
	if v.hasNewer && v.nearLoadedEnd() {
		v.loadNewer()
	}
}

// loadOlder loads the page of messages before the oldest one shown.
func (v *conversationView) loadOlder() {
	if v.loadingOlder || !v.hasOlder || len(v.msgs) == 0 {
		return
	}
	v.loadingOlder = true
	v.older.Show()
	core, id, before := v.env.core, v.conv.ID, v.msgs[0].ID
	kit.Load(v.env.Run, v.ctx, func(ctx context.Context) ([]app.Message, error) {
		return core.Messages(ctx, id, before, pageSize)
	}, v.olderLoaded)
}

// olderLoaded puts an older page above the messages shown without moving
// what the owner is looking at.
func (v *conversationView) olderLoaded(page []app.Message, err error) {
	v.loadingOlder = false
	v.older.Hide()
	if err != nil {
		slog.Error("load older messages", "conversation", v.conv.ID, "err", err)
		return
	}
	v.hasOlder = len(page) == pageSize
	slices.Reverse(page)
	before := v.column.MinSize().Height
	v.msgs = append(page, v.msgs...)
	v.render()
	grown := v.column.MinSize().Height - before
	v.scroll.Refresh()
	v.scroll.ScrollToOffset(fyne.NewPos(0, v.scroll.Offset.Y+grown))
	v.followView()
}

// atBottom reports whether the newest message is in view (never while
// newer messages than those loaded exist).
func (v *conversationView) atBottom() bool {
	return !v.hasNewer && v.scroll.Offset.Y+v.scroll.Size().Height >= v.column.MinSize().Height-40
}

func (v *conversationView) scrollToBottom() {
	v.scroll.Refresh()
	v.scroll.ScrollToBottom()
	v.followView()
}

// stickyStack stacks the messages area's layers like container.NewStack,
// and keeps the newest message in view when the area changes size (the
// composer grows, the window is resized) while it was shown.
type stickyStack struct {
	view *conversationView
	last fyne.Size
}

// Layout fills size with every object.
func (l *stickyStack) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	follow := l.last != size && l.view.loaded && l.view.atBottom()
	changed := l.last != size
	l.last = size
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
	if changed && l.view.loaded {
		l.view.placeRows() // rows are measured at the new width; more or fewer are near the view
		l.view.column.Refresh()
	}
	if follow {
		l.view.scroll.ScrollToBottom()
		l.view.followView()
	}
}

// MinSize is the largest minimum size of the objects.
func (l *stickyStack) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objs {
		s = s.Max(o.MinSize())
	}
	return s
}

// newFloatingNote is a small pill floating over the messages.
func newFloatingNote(text string) fyne.CanvasObject {
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameOverlayBackground))
	bg.CornerRadius = 10
	label := &widget.Label{Text: text, SizeName: theme.SizeNameCaptionText}
	return container.New(layout.NewCustomPaddedLayout(8, 0, 0, 0),
		container.NewStack(bg, container.New(layout.NewCustomPaddedLayout(-4, -4, 6, 6), label)))
}
