package widgets

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/app"
)

// TemplatePreview shows a message template the way a customer sees it on
// WhatsApp: a white bubble on the chat background with the header (text,
// image, video or document), the formatted body with sample values in
// place of parameters, the footer and a time stamp, and the template's
// buttons as rows under the bubble.
type TemplatePreview struct {
	widget.BaseWidget

	// Now returns the time stamp shown when the template has no
	// ModifiedAt; nil means time.Now.
	Now func() time.Time

	template app.Template
	version  int // counts SetTemplate calls, so the renderer rebuilds only then
}

var _ fyne.Widget = (*TemplatePreview)(nil)

// NewTemplatePreview returns a preview of t.
func NewTemplatePreview(t app.Template) *TemplatePreview {
	p := &TemplatePreview{template: t}
	p.ExtendBaseWidget(p)
	return p
}

// SetTemplate shows t instead of the current template. Call it on the UI
// goroutine (from a background goroutine, inside fyne.Do).
func (p *TemplatePreview) SetTemplate(t app.Template) {
	p.template = t
	p.version++
	p.Refresh()
}

// Template returns the template shown.
func (p *TemplatePreview) Template() app.Template { return p.template }

// CreateRenderer implements fyne.Widget.
func (p *TemplatePreview) CreateRenderer() fyne.WidgetRenderer {
	r := &previewRenderer{preview: p, stage: container.New(&chatLayout{})}
	r.rebuild()
	return r
}

// stamp is the time shown in the bubble.
func (p *TemplatePreview) stamp() string {
	t := p.template.ModifiedAt
	if t.IsZero() {
		if p.Now != nil {
			t = p.Now()
		} else {
			t = time.Now()
		}
	}
	return t.Local().Format("15:04")
}

// previewRenderer draws a TemplatePreview. Its objects are rebuilt when
// the template changes; a header image is decoded once and kept while the
// template's media stays the same.
type previewRenderer struct {
	preview *TemplatePreview
	stage   *fyne.Container // laid out by chatLayout
	thumb   thumbnailCache
	version int // the preview's version the objects show
}

func (r *previewRenderer) rebuild() {
	r.version = r.preview.version
	t := r.preview.template
	bubble := newBubble(r.headerObject(t.Header), t, r.preview.stamp())
	objs := []fyne.CanvasObject{
		canvas.NewRectangle(waChatBackground),
		canvas.NewImageFromResource(bubbleTail),
		bubble,
	}
	for _, b := range t.Buttons {
		objs = append(objs, newButtonRow(b))
	}
	r.stage.Objects = objs
}

func (r *previewRenderer) Destroy() {}

func (r *previewRenderer) Layout(size fyne.Size) { r.stage.Resize(size) }

func (r *previewRenderer) MinSize() fyne.Size { return r.stage.MinSize() }

func (r *previewRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.stage}
}

func (r *previewRenderer) Refresh() {
	if r.version != r.preview.version {
		r.rebuild()
	}
	r.stage.Refresh()
}

// Layout of the chat stage.
const (
	chatMargin    float32 = 12  // around the bubble
	tailWidth     float32 = 8   // the bubble's point
	tailHeight    float32 = 13  //
	maxBubble     float32 = 340 // WhatsApp's template bubbles are about this wide
	minBubble     float32 = 120
	buttonGap     float32 = 2
	buttonHeight  float32 = 38
	bubbleRadius  float32 = 8
	bubblePadding float32 = 8
)

// chatLayout places the stage's objects: background, tail, bubble, then
// one row per button under the bubble, all as wide as the bubble.
type chatLayout struct{}

func (l *chatLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	if len(objs) < 3 {
		return
	}
	objs[0].Resize(size)
	objs[0].Move(fyne.NewPos(0, 0))
	objs[1].Resize(fyne.NewSize(tailWidth, tailHeight))
	objs[1].Move(fyne.NewPos(chatMargin, chatMargin))

	x := chatMargin + tailWidth
	w := bubbleWidth(objs[2], size.Width-x-chatMargin, len(objs) > 3)
	y := chatMargin
	for _, o := range objs[2:] {
		o.Resize(fyne.NewSize(w, o.MinSize().Height))
		h := o.MinSize().Height // wrapped text knows its height once it has a width
		o.Resize(fyne.NewSize(w, h))
		o.Move(fyne.NewPos(x, y))
		y += h + buttonGap
	}
}

func (l *chatLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	if len(objs) < 3 {
		return fyne.NewSize(0, 0)
	}
	h := 2 * chatMargin
	for i, o := range objs[2:] {
		if i > 0 {
			h += buttonGap
		}
		h += o.MinSize().Height
	}
	return fyne.NewSize(minBubble+tailWidth+2*chatMargin, h)
}

// bubbleWidth is the width of the bubble: as wide as its content needs,
// between minBubble and maxBubble, and never wider than avail. A bubble
// with buttons under it takes the full width, as on WhatsApp.
func bubbleWidth(bubble fyne.CanvasObject, avail float32, hasButtons bool) float32 {
	w := maxBubble
	if b, ok := bubble.(*bubbleBox); ok && !hasButtons {
		w = max(minBubble, min(b.naturalWidth(), maxBubble))
	}
	return max(0, min(w, avail))
}
