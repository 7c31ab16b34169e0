package widgets

import (
	"image"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/app"
)

// BubbleOptions are what a ChatBubble shows besides the message itself,
// and what happens when the owner acts on it. Nil callbacks hide their
// action.
type BubbleOptions struct {
	// Quote is the message this one replies to, when it is loaded;
	// QuoteAuthor names its sender ("You" or the customer's name).
	Quote       *app.Message
	QuoteAuthor string
	// Reactions are the emoji the message was reacted with.
	Reactions []string
	// Tail draws the bubble's point, on the first message of a group.
	Tail bool
	// Thumbnail is the decoded preview of an image or sticker; nil while
	// it is being fetched.
	Thumbnail image.Image
	// PhotoSize is the size in pixels of a thumbnail shown before and
	// dropped to save memory, while it is decoded again: the bubble keeps
	// the photo's shape, so nothing around it moves.
	PhotoSize image.Point
	// MediaNote is shown on an attachment while it loads or after loading
	// failed ("Downloading…"); MediaFailed offers OnDownload to try again.
	MediaNote   string
	MediaFailed bool
	// NoPreview marks a photo that is on this computer but is not shown
	// (too large, or not readable); OnOpen is offered instead.
	NoPreview bool
	// SaveOnly marks an attachment Parley will not open, only save (a
	// program, an archive, a file of unknown type): its button says
	// "Save…" instead of "Open".
	SaveOnly bool

	OnReply func() // the owner wants to answer this message
	// OnReact sends the owner's reaction to the message ("" takes it
	// back); OnReactMore lets the owner choose any emoji. MyReaction is
	// the owner's reaction now, which the menu offers to take back.
	OnReact     func(emoji string)
	OnReactMore func()
	MyReaction  string
	OnRetry     func() // a failed message: Retry; unknown: Send again
	OnOpen      func() // open the attachment, or the photo in full
	OnDownload  func() // fetch an attachment that failed to download
}

// ChatBubble shows one WhatsApp message the way WhatsApp does: inbound on
// the left in white, outbound on the right in green, with the time,
// delivery ticks, a quote of the message it replies to, reactions and
// the content of its type (formatted text, photo, file, location,
// contact cards, button replies). A failed outbound message shows its
// reason and Retry. It fills the width it is given and draws its bubble
// at the proper side.
type ChatBubble struct {
	widget.BaseWidget

	msg     app.Message
	opts    BubbleOptions
	hovered bool
}

var (
	_ fyne.Widget            = (*ChatBubble)(nil)
	_ desktop.Hoverable      = (*ChatBubble)(nil)
	_ fyne.SecondaryTappable = (*ChatBubble)(nil)
)

// NewChatBubble returns a bubble showing m.
func NewChatBubble(m app.Message, o BubbleOptions) *ChatBubble {
	b := &ChatBubble{msg: m, opts: o}
	b.ExtendBaseWidget(b)
	return b
}

// Message returns the message shown.
func (b *ChatBubble) Message() app.Message { return b.msg }

// CreateRenderer implements fyne.Widget.
func (b *ChatBubble) CreateRenderer() fyne.WidgetRenderer {
	l := newBubbleLayout(b)
	stage := container.New(l, l.objects()...)
	return &chatBubbleRenderer{layout: l, stage: stage}
}

// MouseIn shows the Reply action while the pointer is over the bubble.
func (b *ChatBubble) MouseIn(*desktop.MouseEvent) { b.setHovered(true) }

// MouseMoved implements desktop.Hoverable.
func (b *ChatBubble) MouseMoved(*desktop.MouseEvent) {}

// MouseOut hides the Reply action again.
func (b *ChatBubble) MouseOut() { b.setHovered(false) }

func (b *ChatBubble) setHovered(on bool) {
	if b.hovered == on {
		return
	}
	b.hovered = on
	b.Refresh()
}

// TappedSecondary opens the message's menu (see Menu).
func (b *ChatBubble) TappedSecondary(e *fyne.PointEvent) {
	menu := b.Menu()
	c := fyne.CurrentApp().Driver().CanvasForObject(b)
	if menu == nil || c == nil {
		return
	}
	widget.ShowPopUpMenuAtPosition(menu, c, e.AbsolutePosition)
}

// Menu is what a right click on the bubble offers: Reply, React ▸ (a
// few emoji, More…, and taking the owner's reaction back), Copy text;
// nil when there is nothing to offer.
func (b *ChatBubble) Menu() *fyne.Menu {
	var items []*fyne.MenuItem
	if b.opts.OnReply != nil {
		items = append(items, fyne.NewMenuItem("Reply", b.opts.OnReply))
	}
	if b.opts.OnReact != nil {
		react := fyne.NewMenuItem("React", nil)
		react.ChildMenu = b.reactMenu()
		items = append(items, react)
	}
	if text := b.msg.Text; text != "" {
		items = append(items, fyne.NewMenuItem("Copy text", func() {
			fyne.CurrentApp().Clipboard().SetContent(text)
		}))
	}
	if len(items) == 0 {
		return nil
	}
	return fyne.NewMenu("", items...)
}

// QuickReactions are the emoji the React menu offers at once, as in
// WhatsApp.
var QuickReactions = []string{"👍", "❤️", "😂", "😮", "😢", "🙏"}

// reactMenu is the React submenu. Choosing the owner's current reaction
// again takes it back, as in WhatsApp.
func (b *ChatBubble) reactMenu() *fyne.Menu {
	var items []*fyne.MenuItem
	for _, e := range QuickReactions {
		item := fyne.NewMenuItem(e, func() { b.react(e) })
		item.Checked = e == b.opts.MyReaction
		items = append(items, item)
	}
	if b.opts.OnReactMore != nil {
		items = append(items, fyne.NewMenuItem("More…", b.opts.OnReactMore))
	}
	if mine := b.opts.MyReaction; mine != "" {
		items = append(items, fyne.NewMenuItemSeparator(),
			fyne.NewMenuItem("Remove my reaction "+mine, func() { b.opts.OnReact("") }))
	}
	return fyne.NewMenu("", items...)
}

// react sends emoji, or takes the reaction back when it is the owner's
// reaction already.
func (b *ChatBubble) react(emoji string) {
	if emoji == b.opts.MyReaction {
		emoji = ""
	}
	b.opts.OnReact(emoji)
}

// chatBubbleRenderer draws a ChatBubble: its layout's objects, in the
// chat's colour and size names (no theme override: see chatnames.go).
type chatBubbleRenderer struct {
	layout *bubbleLayout
	stage  *fyne.Container
}

func (r *chatBubbleRenderer) Destroy() {}

func (r *chatBubbleRenderer) Layout(size fyne.Size) { r.stage.Resize(size) }

func (r *chatBubbleRenderer) MinSize() fyne.Size { return r.stage.MinSize() }

func (r *chatBubbleRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.stage}
}

// Refresh shows or hides Reply; after the theme turned dark or light
// the bubble is built again in the new palette.
func (r *chatBubbleRenderer) Refresh() {
	if look := chatLook(); look != r.layout.look {
		r.layout = newBubbleLayout(r.layout.bubble)
		r.stage.Layout = r.layout
		r.stage.Objects = r.layout.objects()
		r.stage.Refresh()
	}
	r.layout.showReply(r.layout.bubble.hovered)
}
