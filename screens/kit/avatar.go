package kit

import (
	"hash/fnv"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
)

// avatarColours tint customers' avatars; each customer keeps one.
var avatarColours = []color.NRGBA{
	{R: 0x0e, G: 0x8a, B: 0x7e, A: 0xff}, {R: 0x53, G: 0x6d, B: 0xe2, A: 0xff},
	{R: 0xc2, G: 0x5b, B: 0x8f, A: 0xff}, {R: 0xd0, G: 0x7a, B: 0x1e, A: 0xff},
	{R: 0x5a, G: 0x8f, B: 0x29, A: 0xff}, {R: 0x8e, G: 0x5c, B: 0xc8, A: 0xff},
	{R: 0x1f, G: 0x86, B: 0xb8, A: 0xff}, {R: 0xb5, G: 0x4a, B: 0x3a, A: 0xff},
}

// Avatar is a customer's initials in a coloured circle.
type Avatar struct {
	circle  *canvas.Circle
	letters *canvas.Text
	Content fyne.CanvasObject // the avatar, to place in a layout
}

// NewAvatar returns an avatar size units wide.
func NewAvatar(size float32) *Avatar {
	a := &Avatar{circle: canvas.NewCircle(avatarColours[0]), letters: canvas.NewText("", color.White)}
	a.letters.TextStyle = fyne.TextStyle{Bold: true}
	a.letters.TextSize = size * 0.38
	a.letters.Alignment = fyne.TextAlignCenter
	a.Content = container.NewGridWrap(fyne.NewSquareSize(size), container.NewStack(a.circle, container.NewCenter(a.letters)))
	return a
}

// Set shows the customer with this name and WhatsApp id.
func (a *Avatar) Set(name, waID string) {
	h := fnv.New32a()
	h.Write([]byte(waID))
	a.circle.FillColor = avatarColours[h.Sum32()%uint32(len(avatarColours))]
	a.letters.Text = Initials(name)
	a.circle.Refresh()
	a.letters.Refresh()
}
