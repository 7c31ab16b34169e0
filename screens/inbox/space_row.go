package inbox

import (
	"image/color"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/screens/kit"
)

// conversationRow is one conversation in the Space's list: avatar, name,
// time of the last message, its preview, the unread count and the state
// of the 24-hour window.
type conversationRow struct {
	widget.BaseWidget

	avatar  *kit.Avatar
	name    *widget.Label
	when    *canvas.Text
	preview *widget.RichText
	window  *canvas.Text
	badge   *fyne.Container
	count   *canvas.Text
	chips   *labelChips
	pin     *canvas.Image
	top     *fyne.Container // name, chips, pin and time
	root    fyne.CanvasObject
	shown   rowLook // what the row shows now
	// index is the list item the row shows; onMenu opens the row's
	// context menu at a position in the window.
	index  int
	onMenu func(index int, at fyne.Position)
	// onTap opens the list item the row shows.
	onTap func(index int)
}

// The row takes right clicks for its menu; the window then hands it the
// left clicks too (the innermost object that takes any tap gets them),
// so it must open its conversation itself.
var (
	_ fyne.SecondaryTappable = (*conversationRow)(nil)
	_ fyne.Tappable          = (*conversationRow)(nil)
)

func newConversationRow() *conversationRow {
	r := &conversationRow{
		avatar:  kit.NewAvatar(44),
		name:    &widget.Label{TextStyle: fyne.TextStyle{Bold: true}, Truncation: fyne.TextTruncateEllipsis},
		when:    canvas.NewText("", theme.Color(theme.ColorNamePlaceHolder)),
		preview: kit.NewMutedText("", fyne.TextAlignLeading, theme.SizeNameText),
		window:  canvas.NewText("", theme.Color(theme.ColorNamePlaceHolder)),
		count:   canvas.NewText("", color.White),
		chips:   newLabelChips(2),
		pin:     canvas.NewImageFromResource(pinIcon),
	}
	r.pin.SetMinSize(fyne.NewSize(14, 14))
	r.pin.Hide()
	r.preview.Truncation = fyne.TextTruncateEllipsis
	r.when.TextSize = theme.CaptionTextSize()
	r.window.TextSize = theme.CaptionTextSize()
	r.count.TextSize = theme.CaptionTextSize()
	r.count.TextStyle = fyne.TextStyle{Bold: true}
	pill := canvas.NewRectangle(theme.Color(theme.ColorNameSuccess))
	pill.CornerRadius = 9
	pill.SetMinSize(fyne.NewSize(20, 18))
	r.badge = container.NewStack(pill, container.New(layout.NewCustomPaddedLayout(0, 0, 5, 5), container.NewCenter(r.count)))
	r.badge.Hide()

	r.top = container.NewBorder(nil, nil, nil, container.NewHBox(r.chips.content, container.NewCenter(r.pin), container.NewCenter(r.when)), r.name)
	bottom := container.NewBorder(nil, nil, nil, container.NewHBox(container.NewCenter(r.window), container.NewCenter(r.badge)), r.preview)
	text := container.New(layout.NewCustomPaddedLayout(-4, -4, 0, 0), container.NewVBox(r.top,
		container.New(layout.NewCustomPaddedLayout(-10, 0, 0, 0), bottom)))
	r.root = container.New(layout.NewCustomPaddedLayout(4, 4, 6, 6),
		container.NewBorder(nil, nil, container.NewCenter(r.avatar.Content), nil, text))
	r.ExtendBaseWidget(r)
	return r
}

// Tapped opens the row's conversation (a left click).
func (r *conversationRow) Tapped(*fyne.PointEvent) {
	if r.onTap != nil {
		r.onTap(r.index)
	}
}

// TappedSecondary opens the row's context menu (a right click, or a
// long press on a touch screen).
func (r *conversationRow) TappedSecondary(e *fyne.PointEvent) {
	if r.onMenu != nil {
		r.onMenu(r.index, e.AbsolutePosition)
	}
}

// set shows cv, with its labels, as it stands at now.
func (r *conversationRow) set(cv app.Conversation, labels []app.Label, now time.Time) {
	name := conversationName(cv)
	text, open := windowMarker(cv, now)
	look := rowLook{name: name, waID: cv.WAID, preview: strings.Join(strings.Fields(cv.LastPreview), " "),
		when: kit.ListTime(cv.LastMessageAt, now), window: text, open: open, unread: cv.Unread,
		variant: fyne.CurrentApp().Settings().ThemeVariant(), labels: labelsKey(labels), pinned: cv.Pinned()}
	if look == r.shown {
		return // the list was refreshed but this row did not change: nothing to lay out again
	}
	relayout := look.labels != r.shown.labels || look.pinned != r.shown.pinned
	r.shown = look
	r.chips.set(labels)
	if look.pinned {
		r.pin.Show()
	} else {
		r.pin.Hide()
	}
	if relayout {
		r.top.Refresh() // chips or the pin came or went: the name makes room
	}
	r.avatar.Set(name, cv.WAID)
	r.name.SetText(name)
	r.preview.Segments[0].(*widget.TextSegment).Text = look.preview
	r.preview.Refresh()
	r.when.Text = look.when
	r.when.Color = theme.Color(theme.ColorNamePlaceHolder)
	r.window.Text = text
	r.window.Color = theme.Color(theme.ColorNamePlaceHolder)
	if open {
		r.window.Color = theme.Color(theme.ColorNameSuccess)
	}
	if cv.Unread > 0 {
		r.count.Text = strconv.Itoa(cv.Unread)
		if cv.Unread > 99 {
			r.count.Text = "99+"
		}
		r.when.Color = theme.Color(theme.ColorNameSuccess)
		r.badge.Show()
	} else {
		r.badge.Hide()
	}
	r.when.Refresh()
	r.window.Refresh()
	r.count.Refresh()
	r.badge.Refresh()
}

// rowLook is everything a row shows, to skip rows that did not change.
type rowLook struct {
	name, waID, preview, when, window string
	labels                            string // labelsKey
	open, pinned                      bool
	unread                            int
	variant                           fyne.ThemeVariant // the colours follow the theme
}

// CreateRenderer implements fyne.Widget.
func (r *conversationRow) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(r.root)
}

// labelsKey sums up labels as they show, to see whether a row changed.
func labelsKey(labels []app.Label) string {
	var b strings.Builder
	for _, l := range labels {
		b.WriteString(l.Name)
		b.WriteByte(0)
		b.WriteString(string(l.Color))
		b.WriteByte(0)
	}
	return b.String()
}
