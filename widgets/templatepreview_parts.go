package widgets

import (
	"bytes"
	"fmt"
	"path"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/app"
)

// Header sizes.
const (
	imageHeaderHeight float32 = 170
	mediaBoxHeight    float32 = 140
	documentHeight    float32 = 58
	placeholderIcon   float32 = 44
)

// headerObject builds the header of the bubble, or nil without one.
func (r *previewRenderer) headerObject(h app.TemplateHeader) fyne.CanvasObject {
	switch h.Format {
	case app.HeaderText:
		if strings.TrimSpace(h.Text) == "" {
			return nil
		}
		segs := inPreviewStyle(RichTextFromWhatsApp(h.Text, map[int]string{1: h.Example}), sizeNameChatHeader)
		for _, s := range segs {
			if ts, ok := s.(*widget.TextSegment); ok {
				ts.Style.TextStyle.Bold = true
			}
		}
		return wrapped(segs)
	case app.HeaderImage:
		if img := r.thumb.image(h.Media, h.MediaName); img != nil {
			return img
		}
		return mediaBox(theme.FileImageIcon(), mediaLabel(h, "Image"))
	case app.HeaderVideo:
		return videoBox(mediaLabel(h, "Video"))
	case app.HeaderDocument:
		return documentCard(h)
	}
	return nil
}

// mediaLabel is the file name of a header's sample, or noun without one.
func mediaLabel(h app.TemplateHeader, noun string) string {
	if h.MediaName != "" {
		return h.MediaName
	}
	return noun
}

// mediaBox is a grey placeholder for an image or video header: a large
// icon with the file name under it.
func mediaBox(icon fyne.Resource, label string) fyne.CanvasObject {
	bg := canvas.NewRectangle(waMediaBox)
	bg.CornerRadius = bubbleRadius - mediaMargin
	bg.SetMinSize(fyne.NewSize(0, mediaBoxHeight))
	img := canvas.NewImageFromResource(theme.NewColoredResource(icon, colorNamePreviewSecondary))
	img.FillMode = canvas.ImageFillContain
	img.SetMinSize(fyne.NewSquareSize(placeholderIcon))
	name := canvas.NewText(label, waSecondary)
	name.TextSize = waCaptionSize
	name.Alignment = fyne.TextAlignCenter
	return container.NewStack(bg, container.NewCenter(container.NewVBox(img, name)))
}

// videoBox is the placeholder for a video header: a dark frame with
// WhatsApp's round play button and the file name.
func videoBox(label string) fyne.CanvasObject {
	bg := canvas.NewRectangle(waVideoBox)
	bg.CornerRadius = bubbleRadius - mediaMargin
	bg.SetMinSize(fyne.NewSize(0, mediaBoxHeight))
	circle := canvas.NewCircle(waPlayCircle)
	play := canvas.NewImageFromResource(theme.NewColoredResource(theme.MediaPlayIcon(), colorNameChatOnMedia))
	play.FillMode = canvas.ImageFillContain
	play.SetMinSize(fyne.NewSquareSize(placeholderIcon - 12))
	button := container.NewStack(circle, container.NewCenter(play))
	button = container.NewGridWrap(fyne.NewSquareSize(placeholderIcon+4), button)
	name := canvas.NewText(label, waBubble)
	name.TextSize = waCaptionSize
	name.Alignment = fyne.TextAlignCenter
	return container.NewStack(bg, container.NewCenter(container.NewVBox(container.NewCenter(button), name)))
}

// documentCard shows a document header like WhatsApp: an icon, the file
// name and its type and size.
func documentCard(h app.TemplateHeader) fyne.CanvasObject {
	bg := canvas.NewRectangle(waMediaBox)
	bg.CornerRadius = bubbleRadius - mediaMargin
	bg.SetMinSize(fyne.NewSize(0, documentHeight))
	icon := canvas.NewImageFromResource(theme.NewColoredResource(theme.DocumentIcon(), colorNameChatFailed))
	icon.FillMode = canvas.ImageFillContain
	icon.SetMinSize(fyne.NewSquareSize(32))
	name := canvas.NewText(mediaLabel(h, "Document"), waText)
	name.TextSize = waTextSize
	details := canvas.NewText(documentDetails(h), waSecondary)
	details.TextSize = waCaptionSize
	text := container.NewVBox(layout.NewSpacer(), name, details, layout.NewSpacer())
	return container.NewStack(bg, container.NewBorder(nil, nil,
		container.NewCenter(container.NewPadded(icon)), nil, text))
}

// documentDetails is the grey line under a document's name: "PDF · 1.2 MB".
func documentDetails(h app.TemplateHeader) string {
	kind := "PDF"
	if ext := strings.TrimPrefix(path.Ext(h.MediaName), "."); ext != "" {
		kind = strings.ToUpper(ext)
	}
	if len(h.Media) == 0 {
		return kind
	}
	return kind + " · " + fileSize(len(h.Media))
}

// fileSize formats a byte count the way WhatsApp does: "245 kB", "1.2 MB".
func fileSize(n int) string {
	switch {
	case n < 1000:
		return fmt.Sprintf("%d B", n)
	case n < 1000*1000:
		return fmt.Sprintf("%d kB", (n+500)/1000)
	default:
		return fmt.Sprintf("%.1f MB", float64(n)/1e6)
	}
}

// newButtonRow is one template button under the bubble: a white row with
// the button's icon and text in WhatsApp's link colour.
func newButtonRow(b app.TemplateButton) fyne.CanvasObject {
	bg := canvas.NewRectangle(waBubble)
	bg.CornerRadius = bubbleRadius
	bg.SetMinSize(fyne.NewSize(0, buttonHeight))
	icon := canvas.NewImageFromResource(buttonIcon(b.Type))
	icon.FillMode = canvas.ImageFillContain
	icon.SetMinSize(fyne.NewSquareSize(18))
	text := canvas.NewText(b.Text, waLink)
	text.TextSize = waTextSize
	row := container.NewHBox(icon, text)
	return container.NewStack(bg, container.NewCenter(row))
}

func buttonIcon(kind string) fyne.Resource {
	switch kind {
	case app.ButtonURL:
		return iconLink
	case app.ButtonPhone:
		return iconPhone
	}
	return iconReply
}

// headerImagePixels is the box a header image is decoded into: the
// preview shows it at most about 330×170, so this is sharp on a
// high-density screen too.
const headerImagePixels = 640

// thumbnailCache keeps the decoded header image while the sample file
// stays the same, so typing in the builder does not decode it again.
type thumbnailCache struct {
	data []byte
	name string
	img  *canvas.Image // nil when the sample cannot be shown
}

// image returns the header image for data, or nil when there is none or
// it cannot be shown. The sample goes through app.DecodeBounded: a
// picture over app.MaxImagePixels is refused from its header, and Fyne
// gets a small picture rather than the file to decode whole.
func (c *thumbnailCache) image(data []byte, name string) *canvas.Image {
	if len(data) == 0 {
		return nil
	}
	if name == c.name && len(data) == len(c.data) && &data[0] == &c.data[0] {
		return c.img
	}
	c.data, c.name, c.img = data, name, nil
	pic, err := app.DecodeBounded(bytes.NewReader(data), headerImagePixels, headerImagePixels)
	if err != nil {
		return nil // not an image we can show: the placeholder stands in
	}
	img := canvas.NewImageFromImage(pic)
	img.FillMode = canvas.ImageFillCover
	img.ScaleMode = canvas.ImageScaleSmooth
	img.SetMinSize(fyne.NewSize(0, imageHeaderHeight))
	c.img = img
	return img
}
