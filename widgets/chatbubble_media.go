package widgets

import (
	"mime"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"

	"github.com/parley-app/parley/app"
)

// photoSection shows an image or sticker: the thumbnail once it is
// loaded (a click opens the photo), before that a grey box saying what is
// happening, with "Try again" after a failed download; a thumbnail being
// decoded again is a plain box of its size.
func photoSection(b *ChatBubble) section {
	sticker := b.msg.Type == app.MsgSticker
	if img := b.opts.Thumbnail; img != nil {
		w, h := photoSize(float32(img.Bounds().Dx()), float32(img.Bounds().Dy()), sticker)
		pic := canvas.NewImageFromImage(img)
		pic.FillMode = canvas.ImageFillCover
		pic.ScaleMode = canvas.ImageScaleSmooth
		pic.CornerRadius = bubbleRadius - mediaMargin
		pic.SetMinSize(fyne.NewSize(0, h))
		return section{obj: newTapArea(pic, b.opts.OnOpen), natural: w, edge: true}
	}
	if size := b.opts.PhotoSize; size.X > 0 && size.Y > 0 && !b.opts.MediaFailed && !b.opts.NoPreview {
		w, h := photoSize(float32(size.X), float32(size.Y), sticker)
		bg := canvas.NewRectangle(chatLook().mediaBox)
		bg.CornerRadius = bubbleRadius - mediaMargin
		bg.SetMinSize(fyne.NewSize(0, h))
		return section{obj: bg, natural: w, edge: true}
	}
	note := b.opts.MediaNote
	if note == "" {
		note = "Photo"
		if sticker {
			note = "Sticker"
		}
	}
	bg := canvas.NewRectangle(chatLook().mediaBox)
	bg.CornerRadius = bubbleRadius - mediaMargin
	h := float32(170)
	if sticker {
		h = stickerSize
	}
	bg.SetMinSize(fyne.NewSize(0, h))
	w := float32(240)
	if sticker {
		w = stickerSize
	}
	lines := container.New(layout.NewCustomPaddedVBoxLayout(0))
	for _, line := range wrapLines(note, waCaptionSize+1, w-24) {
		label := canvas.NewText(line, chatLook().secondary)
		label.TextSize = waCaptionSize + 1
		label.Alignment = fyne.TextAlignCenter
		lines.Add(label)
	}
	items := container.NewVBox(layout.NewSpacer(), container.NewCenter(iconImage(iconPhoto, 40)), lines)
	switch {
	case b.opts.MediaFailed && b.opts.OnDownload != nil:
		items.Add(container.NewCenter(newSmallButton("Try again", theme.ViewRefreshIcon(), b.opts.OnDownload)))
	case b.opts.NoPreview && b.opts.OnOpen != nil:
		items.Add(container.NewCenter(newSmallButton("Open", nil, b.opts.OnOpen)))
	}
	items.Add(layout.NewSpacer())
	return section{obj: container.NewStack(bg, container.NewPadded(items)), natural: w, edge: true}
}

// wrapLines breaks text at spaces into lines at most width wide at the
// given text size; a word longer than that is broken where it must.
func wrapLines(text string, size, width float32) []string {
	var lines []string
	line := ""
	for _, word := range splitLongWords(strings.Fields(text), size, width) {
		next := word
		if line != "" {
			next = line + " " + word
		}
		if line != "" && fyne.MeasureText(next, size, fyne.TextStyle{}).Width > width {
			lines = append(lines, line)
			next = word
		}
		line = next
	}
	return append(lines, line)
}

// splitLongWords breaks every word wider than width into pieces that fit.
func splitLongWords(words []string, size, width float32) []string {
	out := make([]string, 0, len(words))
	for _, w := range words {
		for fyne.MeasureText(w, size, fyne.TextStyle{}).Width > width {
			r := []rune(w)
			if len(r) < 2 {
				break
			}
			n := len(r) - 1
			for n > 1 && fyne.MeasureText(string(r[:n]), size, fyne.TextStyle{}).Width > width {
				n--
			}
			out = append(out, string(r[:n]))
			w = string(r[n:])
		}
		out = append(out, w)
	}
	return out
}

// photoSize fits a picture of w×h pixels into a bubble, keeping its
// shape within WhatsApp's limits.
func photoSize(w, h float32, sticker bool) (float32, float32) {
	if w <= 0 || h <= 0 {
		return 240, 170
	}
	if sticker {
		return stickerSize, stickerSize
	}
	dw := min(photoMaxWidth, max(w, 200))
	dh := dw * h / w
	if dh > photoMaxHeight {
		dh = photoMaxHeight
		dw = max(200, min(photoMaxWidth, dh*w/h))
	}
	return dw, max(photoMinHeight, dh)
}

// fileSection shows a document, video or audio file as a card: icon,
// name, type and size, and an Open button.
func fileSection(b *ChatBubble) section {
	m := b.msg
	icon, name := fileLook(m)
	details := FileDetails(m)
	if b.opts.MediaNote != "" {
		details = b.opts.MediaNote
	}
	title := chatLine(name, colorNameChatText, sizeNameChatText, fyne.TextStyle{Bold: true})
	sub := chatLine(details, colorNameChatSecondary, sizeNameChatCaption, fyne.TextStyle{})
	if b.opts.MediaFailed {
		sub = mutedText(details, sizeNameChatCaption, fyne.TextStyle{}) // why, in full, on as many lines as it takes
	}
	text := container.New(layout.NewCustomPaddedLayout(12, 12, 4, 10), container.NewVBox(title, sub))
	img := container.New(layout.NewCustomPaddedLayout(8, 8, 8, 8), container.NewCenter(iconImage(icon, 30)))
	var action fyne.CanvasObject
	if b.opts.OnOpen != nil {
		label := "Open"
		if b.opts.SaveOnly {
			label = "Save…"
		}
		action = container.New(layout.NewCustomPaddedLayout(0, 0, 0, 8), container.NewCenter(
			newSmallButton(label, nil, b.opts.OnOpen)))
	}
	bg := canvas.NewRectangle(chatLook().quoteIn)
	bg.CornerRadius = 6
	card := container.NewStack(bg, container.NewBorder(nil, nil, img, action, text))
	return section{obj: card, natural: fileCardWidth}
}

// fileLook is the icon and the name shown for an attachment.
func fileLook(m app.Message) (fyne.Resource, string) {
	name := ""
	if m.Media != nil {
		name = app.DisplayName(m.Media.Filename)
	}
	voice := m.Type == app.MsgVoice || (m.Media != nil && m.Media.Voice)
	switch {
	case voice:
		return iconVoice, orText(name, "Voice message")
	case m.Type == app.MsgAudio:
		return iconAudio, orText(name, "Audio")
	case m.Type == app.MsgVideo:
		return iconVideo, orText(name, "Video")
	case strings.EqualFold(filepath.Ext(name), ".pdf") || (m.Media != nil && strings.Contains(m.Media.MIMEType, "pdf")):
		return iconPDF, orText(name, "Document")
	}
	return iconDocument, orText(name, "Document")
}

// FileDetails is the grey line under an attachment's name: its kind and
// size, "PDF · 48 kB".
func FileDetails(m app.Message) string {
	if m.Media == nil {
		return ""
	}
	kind := strings.ToUpper(strings.TrimPrefix(filepath.Ext(app.DisplayName(m.Media.Filename)), "."))
	if kind == "" {
		if base, _, err := mime.ParseMediaType(m.Media.MIMEType); err == nil {
			if i := strings.IndexByte(base, '/'); i >= 0 {
				kind = strings.ToUpper(base[i+1:])
			}
		}
	}
	if kind == "" {
		kind = "File"
	}
	if m.Media.Size > 0 {
		return kind + " · " + fileSize(int(m.Media.Size))
	}
	return kind
}

func orText(s, fallback string) string {
	if s == "" {
		return fallback
	}
	return s
}

// problemSections explain a failed message, or one whose outcome is
// unknown, in plain words with the action that helps; a message WhatsApp
// held back or paused gets its plain sentence and no action.
func problemSections(b *ChatBubble) []section {
	m := b.msg
	if m.Direction != app.Outbound {
		return nil
	}
	var text, action string
	var colour fyne.ThemeColorName
	var icon fyne.Resource
	switch m.State {
	case app.StateFailed:
		text, action, colour, icon = "Not sent. "+orText(m.ErrorText, "WhatsApp did not accept this message."), "Retry", colorNameChatFailed, iconFailedRed
	case app.StateUnknown:
		text, action, colour, icon = orText(m.ErrorText, app.UnknownStateMessage), "Send again", colorNameChatUnknown, iconUnknown
	default:
		return heldSection(m)
	}
	rt := chatText(text, colour, sizeNameChatCaption, fyne.TextStyle{})
	width := min(fyne.MeasureText(text, waCaptionSize, fyne.TextStyle{}).Width+24, 300)
	out := []section{{obj: newIconLine(icon, rt, 14), natural: width}}
	if b.opts.OnRetry != nil {
		btn := newSmallButton(action, theme.ViewRefreshIcon(), b.opts.OnRetry)
		out = append(out, section{obj: container.NewHBox(btn), natural: btn.MinSize().Width})
	}
	return out
}
