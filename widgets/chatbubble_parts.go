package widgets

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"
)

// bubbleTailOut is the point at the top right of an outgoing bubble.
var bubbleTailOut = fyne.NewStaticResource("wa-tail-out.svg", []byte(
	`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 13" width="8" height="13">`+
		`<path fill="#d9fdd3" d="M0 0h6.5c1.3 0 1.9 1.5 1 2.5L0 11z"/></svg>`))

// iconImage is icon drawn at size×size.
func iconImage(icon fyne.Resource, size float32) *canvas.Image {
	img := canvas.NewImageFromResource(icon)
	img.FillMode = canvas.ImageFillContain
	img.SetMinSize(fyne.NewSquareSize(size))
	return img
}

// newIconLine puts a small icon before obj.
func newIconLine(icon fyne.Resource, obj fyne.CanvasObject, size float32) fyne.CanvasObject {
	img := container.New(layout.NewCustomPaddedLayout(1, 0, 0, 4), container.NewVBox(iconImage(icon, size)))
	return container.NewBorder(nil, nil, img, nil, obj)
}

// newTag is a small grey pill naming the kind of a message.
func newTag(label string) fyne.CanvasObject {
	look := chatLook()
	bg := canvas.NewRectangle(look.tagBg)
	bg.CornerRadius = 6
	text := canvas.NewText(label, look.secondary)
	text.TextSize = waCaptionSize
	text.TextStyle = fyne.TextStyle{Bold: true}
	pill := container.NewStack(bg, container.New(layout.NewCustomPaddedLayout(2, 2, 7, 7), text))
	return container.NewHBox(pill)
}

// newQuote is the box quoting the message a reply answers.
func newQuote(author, snippet string, quotedIsYou, inOutbound bool) fyne.CanvasObject {
	fill := chatLook().quoteIn
	if inOutbound {
		fill = chatLook().quoteOut
	}
	barColour := chatBarThem
	if quotedIsYou {
		barColour = chatBarYou
	}
	bg := canvas.NewRectangle(fill)
	bg.CornerRadius = 6
	bar := canvas.NewRectangle(barColour)
	bar.SetMinSize(fyne.NewSize(4, 0))
	name := canvas.NewText(author, barColour)
	name.TextSize = waCaptionSize + 1
	name.TextStyle = fyne.TextStyle{Bold: true}
	text := chatLine(snippet, colorNameChatText, sizeNameQuote, fyne.TextStyle{})
	lines := container.New(layout.NewCustomPaddedLayout(5, 6, 8, 8), container.NewVBox(name, text))
	return container.NewStack(bg, container.NewBorder(nil, nil, bar, nil, lines))
}

// newCard is a tinted box with a large icon on the left and lines of
// text on the right, as for a location.
func newCard(icon fyne.Resource, lines []fyne.CanvasObject) fyne.CanvasObject {
	bg := canvas.NewRectangle(chatLook().quoteIn)
	bg.CornerRadius = 6
	img := container.New(layout.NewCustomPaddedLayout(8, 8, 8, 6), container.NewVBox(iconImage(icon, 32)))
	text := container.New(layout.NewCustomPaddedLayout(8, 8, 0, 8), container.NewVBox(lines...))
	return container.NewStack(bg, container.NewBorder(nil, nil, img, nil, text))
}

// newAvatarCard is one shared contact: a grey round avatar and the
// contact's name, numbers and emails.
func newAvatarCard(lines []fyne.CanvasObject) fyne.CanvasObject {
	circle := canvas.NewCircle(color.NRGBA{R: 0xc4, G: 0xcb, B: 0xd0, A: 0xff})
	avatar := container.NewGridWrap(fyne.NewSquareSize(38), container.NewStack(circle,
		container.New(layout.NewCustomPaddedLayout(7, 7, 7, 7), iconImage(iconPerson, 24))))
	left := container.New(layout.NewCustomPaddedLayout(6, 6, 6, 8), container.NewVBox(avatar))
	text := container.New(layout.NewCustomPaddedLayout(6, 6, 0, 6), container.NewVBox(lines...))
	bg := canvas.NewRectangle(chatLook().quoteIn)
	bg.CornerRadius = 6
	return container.NewStack(bg, container.NewBorder(nil, nil, left, nil, text))
}

// newActionPill is a small white pill with an icon and a word beside a
// bubble, shown while the pointer is over the bubble. It is not a button
// on purpose: a button would take the hover from the bubble, which then
// hides the pill before it can be clicked.
func newActionPill(label string, icon fyne.Resource, tapped func()) fyne.CanvasObject {
	look := chatLook()
	bg := canvas.NewRectangle(look.chipBg)
	bg.CornerRadius = 13
	bg.StrokeColor = look.chipBorder
	bg.StrokeWidth = 1
	text := canvas.NewText(label, look.secondary)
	text.TextSize = 12
	text.TextStyle = fyne.TextStyle{Bold: true}
	row := container.NewHBox(iconImage(icon, 15), text)
	pill := container.NewStack(bg, container.New(layout.NewCustomPaddedLayout(4, 4, 9, 11), row))
	return newTapArea(pill, tapped)
}

// newStack puts cards one under the other.
func newStack(objs []fyne.CanvasObject) fyne.CanvasObject {
	return container.NewVBox(objs...)
}

// tapArea makes its content clickable, with a hand cursor.
type tapArea struct {
	widget.BaseWidget
	content fyne.CanvasObject
	onTap   func()
}

var (
	_ fyne.Tappable      = (*tapArea)(nil)
	_ desktop.Cursorable = (*tapArea)(nil)
)

func newTapArea(content fyne.CanvasObject, onTap func()) *tapArea {
	t := &tapArea{content: content, onTap: onTap}
	t.ExtendBaseWidget(t)
	return t
}

// Tapped calls the tap handler.
func (t *tapArea) Tapped(*fyne.PointEvent) {
	if t.onTap != nil {
		t.onTap()
	}
}

// Cursor shows a hand when the area does something.
func (t *tapArea) Cursor() desktop.Cursor {
	if t.onTap == nil {
		return desktop.DefaultCursor
	}
	return desktop.PointerCursor
}

// CreateRenderer implements fyne.Widget.
func (t *tapArea) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(t.content)
}
