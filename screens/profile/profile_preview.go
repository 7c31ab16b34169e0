package profile

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/screens/kit"
	"github.com/parley-app/parley/widgets"
)

// profilePreviewWidth is the width of the WhatsApp-style preview column.
const profilePreviewWidth = 330

// Icons of the preview's detail rows.
var (
	previewPlaceIcon = kit.ThemedSVG("place.svg", `<path d="M12 2C8.13 2 5 5.13 5 9c0 5.25 7 13 7 13s7-7.75 7-13c0-3.87-3.13-7-7-7zm0 9.5a2.5 2.5 0 0 1 0-5 2.5 2.5 0 0 1 0 5z"/>`)
	previewMailIcon  = kit.ThemedSVG("mail.svg", `<path d="M20 4H4c-1.1 0-1.99.9-1.99 2L2 18c0 1.1.9 2 2 2h16c1.1 0 2-.9 2-2V6c0-1.1-.9-2-2-2zm0 4-8 5-8-5V6l8 5 8-5v2z"/>`)
	previewWebIcon   = kit.ThemedSVG("web.svg", `<path d="M3.9 12c0-1.71 1.39-3.1 3.1-3.1h4V7H7c-2.76 0-5 2.24-5 5s2.24 5 5 5h4v-1.9H7c-1.71 0-3.1-1.39-3.1-3.1zM8 13h8v-2H8v2zm9-6h-4v1.9h4c1.71 0 3.1 1.39 3.1 3.1s-1.39 3.1-3.1 3.1h-4V17h4c2.76 0 5-2.24 5-5s-2.24-5-5-5z"/>`)
	previewInfoIcon  = kit.ThemedSVG("about.svg", `<path d="M11 7h2v2h-2zm0 4h2v6h-2zm1-9C6.48 2 2 6.48 2 12s4.48 10 10 10 10-4.48 10-10S17.52 2 12 2zm0 18c-4.41 0-8-3.59-8-8s3.59-8 8-8 8 3.59 8 8-3.59 8-8 8z"/>`)
)

// profilePreview shows the profile roughly as a customer sees it when
// they open the business's info on WhatsApp, updated as the owner types.
type profilePreview struct {
	photo    []byte          // the photo on show, to redraw only on change
	frame    *fyne.Container // holds the round photo
	about    *widget.RichText
	rows     []*previewRow // description, industry, address, email, websites
	details  fyne.CanvasObject
	aboutBox fyne.CanvasObject
	content  fyne.CanvasObject
}

// previewRow is one line of the preview: an icon (or caption) and text,
// hidden while the text is empty.
type previewRow struct {
	label   *widget.RichText
	content fyne.CanvasObject
}

func newPreviewRow(icon fyne.Resource, link bool) *previewRow {
	r := &previewRow{label: previewText("", widgets.ColorNameWhatsAppText, theme.SizeNameText, fyne.TextAlignLeading)}
	r.label.Wrapping = fyne.TextWrapWord
	if link {
		previewSegment(r.label).Style.ColorName = widgets.ColorNameWhatsAppGreen
		r.label.Wrapping = fyne.TextWrapOff
		r.label.Truncation = fyne.TextTruncateEllipsis
	}
	img := canvas.NewImageFromResource(theme.NewColoredResource(icon, widgets.ColorNameWhatsAppSecondary))
	img.FillMode = canvas.ImageFillContain
	img.SetMinSize(fyne.NewSquareSize(theme.IconInlineSize()))
	r.content = container.NewBorder(nil, nil, container.NewVBox(container.NewPadded(img)), nil, r.label)
	r.content.Hide()
	return r
}

// set shows text, or hides the row without it. It reports whether the
// row appeared or disappeared.
func (r *previewRow) set(text string) bool {
	setPreviewText(r.label, text)
	return setVisible(r.content, text != "")
}

// previewText is text in one of WhatsApp's colours, drawn without a theme
// override: Fyne 2.7 keeps a copy of every font per override for good.
func previewText(text string, colour fyne.ThemeColorName, size fyne.ThemeSizeName, align fyne.TextAlign) *widget.RichText {
	return widget.NewRichText(&widget.TextSegment{Text: text, Style: widget.RichTextStyle{
		Alignment: align, ColorName: colour, SizeName: size,
	}})
}

// previewSegment is the one segment of a previewText.
func previewSegment(t *widget.RichText) *widget.TextSegment {
	return t.Segments[0].(*widget.TextSegment)
}

// setPreviewText changes the text of a previewText, if it changed.
func setPreviewText(t *widget.RichText, text string) {
	if seg := previewSegment(t); seg.Text != text {
		seg.Text = text
		t.Refresh()
	}
}

// setVisible shows or hides o and reports whether that changed anything.
func setVisible(o fyne.CanvasObject, visible bool) bool {
	if o.Visible() == visible {
		return false
	}
	if visible {
		o.Show()
	} else {
		o.Hide()
	}
	return true
}

func newProfilePreview(ch app.Channel) *profilePreview {
	pv := &profilePreview{frame: container.NewCenter(previewPhoto(nil, 96))}
	name := previewText(ch.Name, widgets.ColorNameWhatsAppText, theme.SizeNameSubHeadingText, fyne.TextAlignCenter)
	previewSegment(name).Style.TextStyle.Bold = true
	name.Truncation = fyne.TextTruncateEllipsis
	head := previewSection(container.NewVBox(
		pv.frame,
		name,
		container.New(layout.NewCustomPaddedLayout(-theme.Padding()*2, 0, 0, 0),
			previewText(app.FormatPhone(ch.PhoneNumber)+"\nBusiness account", widgets.ColorNameWhatsAppSecondary, theme.SizeNameText, fyne.TextAlignCenter)),
	))
	pv.about = previewText("", widgets.ColorNameWhatsAppText, theme.SizeNameText, fyne.TextAlignLeading)
	pv.about.Wrapping = fyne.TextWrapWord
	pv.aboutBox = previewSection(container.NewVBox(
		previewText("About", widgets.ColorNameWhatsAppSecondary, theme.SizeNameCaptionText, fyne.TextAlignLeading),
		container.New(layout.NewCustomPaddedLayout(-theme.Padding()*2, 0, 0, 0), pv.about)))
	pv.rows = []*previewRow{
		newPreviewRow(previewInfoIcon, false), newPreviewRow(kit.ProfileIcon, false), newPreviewRow(previewPlaceIcon, false),
		newPreviewRow(previewMailIcon, false), newPreviewRow(previewWebIcon, true), newPreviewRow(previewWebIcon, true),
	}
	rows := container.NewVBox()
	for _, r := range pv.rows {
		rows.Add(r.content)
	}
	pv.details = previewSection(rows)
	screen := &canvas.Rectangle{
		FillColor:    color.NRGBA{R: 0xf0, G: 0xf2, B: 0xf5, A: 0xff},
		StrokeColor:  color.NRGBA{R: 0xd1, G: 0xd7, B: 0xdb, A: 0xff},
		StrokeWidth:  1,
		CornerRadius: 18,
	}
	phone := container.NewStack(screen, container.New(layout.NewCustomPaddedLayout(14, 14, 10, 10),
		container.NewVBox(head, pv.aboutBox, pv.details)))
	caption := kit.NewMutedText("How customers see it on WhatsApp", fyne.TextAlignLeading, theme.SizeNameText)
	caption.Segments[0].(*widget.TextSegment).Style.TextStyle.Bold = true
	width := canvas.NewRectangle(color.Transparent)
	width.SetMinSize(fyne.NewSize(profilePreviewWidth, 0))
	pv.content = container.NewStack(width, container.NewVBox(caption,
		phone))
	return pv
}

// show renders p with photo (nil for the placeholder avatar), touching
// only what changed so typing stays quick.
func (pv *profilePreview) show(p app.Profile, photo []byte) {
	if !kit.SameImageData(photo, pv.photo) {
		pv.photo = photo
		pv.frame.Objects = []fyne.CanvasObject{previewPhoto(photo, 96)}
		pv.frame.Refresh()
	}
	setPreviewText(pv.about, p.About)
	moved := setVisible(pv.aboutBox, p.About != "")
	industry := ""
	if p.Vertical != "" && p.Vertical != "UNDEFINED" {
		industry = app.VerticalName(p.Vertical)
	}
	texts := []string{p.Description, industry, p.Address, p.Email, websiteAt(p.Websites, 0), websiteAt(p.Websites, 1)}
	empty := true
	for i, r := range pv.rows {
		moved = r.set(texts[i]) || moved
		empty = empty && texts[i] == ""
	}
	moved = setVisible(pv.details, !empty) || moved
	if moved {
		pv.content.Refresh()
	}
}

// previewSection is a white section of WhatsApp's info screen.
func previewSection(content fyne.CanvasObject) fyne.CanvasObject {
	bg := &canvas.Rectangle{FillColor: color.White, CornerRadius: 10}
	return container.New(layout.NewCustomPaddedLayout(0, 6, 0, 0),
		container.NewStack(bg, container.New(layout.NewCustomPaddedLayout(4, 4, 6, 6), content)))
}

// previewPhoto is the photo cut to a circle, as WhatsApp shows it.
func previewPhoto(data []byte, side float32) fyne.CanvasObject {
	img := kit.PhotoPicture(data)
	if img == nil {
		return kit.NewBadge(theme.AccountIcon(), widgets.ColorNameWhatsAppSecondary, side)
	}
	img.FillMode = canvas.ImageFillCover
	img.CornerRadius = side / 2
	img.SetMinSize(fyne.NewSquareSize(side))
	return container.NewGridWrap(fyne.NewSquareSize(side), img)
}
