package inbox

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/screens/kit"
	"github.com/parley-app/parley/widgets"
)

// Explanations, shortly, of why only a template can be sent.
const (
	textWindowClosed = "The customer last wrote more than 24 hours ago, so WhatsApp only allows an approved template. " +
		"Once they answer, you can write freely again."
	textNeverWrote = "This customer has not written to you yet, so WhatsApp only allows an approved template. " +
		"Once they answer, you can write freely."
)

// composer is the bottom of a conversation. While the 24-hour window is
// open it is a text field with Send (Enter or Ctrl+Enter sends, Shift+Enter adds a
// line), a preview of WhatsApp formatting, and the message being replied
// to; when the window is closed it explains why and offers "Send a
// template".
type composer struct {
	onSend     func()
	onTemplate func()
	onAttach   func()

	entry       *composerEntry
	quick       *quickPicker // the "/" list; nil until the conversation sets it up
	send        *widget.Button
	template    *widget.Button
	attach      *widget.Button
	emoji       *widget.Button
	emojiPicker *emojiPicker // built when first opened
	problem     *widget.Label
	preview     *widgets.WrappingText
	previewBox  fyne.CanvasObject
	replyID     string // WhatsApp id of the message being answered
	replyAuthor *widget.Label
	replyText   *widget.Label
	replyBox    fyne.CanvasObject
	explain     *widget.Label
	open        fyne.CanvasObject
	closed      fyne.CanvasObject
	content     fyne.CanvasObject
}

func newComposer(onSend, onTemplate, onAttach func()) *composer {
	c := &composer{onSend: onSend, onTemplate: onTemplate, onAttach: onAttach}
	c.entry = newComposerEntry(c.onEnter)
	c.entry.OnChanged = c.onChanged
	c.send = &widget.Button{Text: "Send", Icon: theme.MailSendIcon(), Importance: widget.HighImportance, OnTapped: c.onEnter}
	c.template = &widget.Button{Text: "Template", Icon: kit.TemplatesIcon, Importance: widget.LowImportance, OnTapped: c.onTemplateTapped}
	c.attach = &widget.Button{Icon: theme.MailAttachmentIcon(), Importance: widget.LowImportance, OnTapped: func() {
		if c.onAttach != nil {
			c.onAttach()
		}
	}}
	c.emoji = c.newEmojiButton()
	c.problem = &widget.Label{Wrapping: fyne.TextWrapWord, Importance: widget.DangerImportance}
	c.problem.Hide()

	c.preview = widgets.NewWrappingText()
	previewLabel := kit.NewMutedText("Preview", fyne.TextAlignLeading, theme.SizeNameCaptionText)
	c.previewBox = container.NewBorder(nil, nil, container.NewVBox(previewLabel), nil, c.preview)
	c.previewBox.Hide()

	c.replyAuthor = &widget.Label{TextStyle: fyne.TextStyle{Bold: true}, SizeName: theme.SizeNameCaptionText}
	c.replyText = &widget.Label{Truncation: fyne.TextTruncateEllipsis}
	bar := canvas.NewRectangle(theme.Color(theme.ColorNamePrimary))
	bar.SetMinSize(fyne.NewSize(4, 0))
	cancel := &widget.Button{Icon: theme.CancelIcon(), Importance: widget.LowImportance, OnTapped: c.cancelReply}
	replyBg := canvas.NewRectangle(theme.Color(theme.ColorNameSelection))
	replyBg.CornerRadius = 6
	c.replyBox = container.NewStack(replyBg, container.NewBorder(nil, nil, bar, container.NewCenter(cancel),
		container.New(layout.NewCustomPaddedLayout(-4, -4, 4, 0), container.NewVBox(
			container.NewHBox(widget.NewIcon(theme.MailReplyIcon()), c.replyAuthor),
			container.New(layout.NewCustomPaddedLayout(-10, 0, 0, 0), c.replyText)))))
	c.replyBox.Hide()

	row := container.NewBorder(nil, nil, container.NewVBox(layout.NewSpacer(), container.NewHBox(c.template, c.attach, c.emoji)),
		container.NewVBox(layout.NewSpacer(), c.send), c.entry)
	c.open = container.NewVBox(c.replyBox, c.previewBox, c.problem, row)

	c.explain = &widget.Label{Text: textWindowClosed, Wrapping: fyne.TextWrapWord}
	sendTemplate := &widget.Button{Text: "Send a template", Icon: kit.TemplatesIcon, Importance: widget.HighImportance, OnTapped: c.onTemplateTapped}
	c.closed = container.NewBorder(nil, nil, container.NewCenter(widget.NewIcon(theme.InfoIcon())),
		container.NewCenter(sendTemplate), c.explain)
	c.closed.Hide()

	bg := canvas.NewRectangle(theme.Color(kit.ColorNameSidebar))
	c.content = container.NewBorder(widget.NewSeparator(), nil, nil, nil, container.NewStack(bg,
		container.New(layout.NewCustomPaddedLayout(6, 8, 10, 10), container.NewStack(c.open, c.closed))))
	return c
}

// setWindow switches between the text field and "Send a template";
// neverWrote tells why the window is closed.
func (c *composer) setWindow(open, neverWrote bool) {
	text := textWindowClosed
	if neverWrote {
		text = textNeverWrote
	}
	if c.explain.Text != text {
		c.explain.SetText(text)
	}
	if open {
		c.closed.Hide()
		c.open.Show()
		return
	}
	c.open.Hide()
	c.closed.Show()
}

func (c *composer) onEnter() {
	if strings.TrimSpace(c.entry.Text) == "" || c.send.Disabled() {
		return
	}
	c.onSend()
}

func (c *composer) onTemplateTapped() {
	if c.onTemplate != nil {
		c.onTemplate()
	}
}

// onChanged grows the field, clears an old problem and previews
// formatting.
func (c *composer) onChanged(text string) {
	c.entry.fitRows()
	c.problem.Hide()
	if c.quick != nil {
		c.quick.update()
	}
	if hasFormatting(text) {
		c.preview.SetSegments(widgets.RichTextFromWhatsApp(text, nil))
		c.previewBox.Show()
	} else {
		c.previewBox.Hide()
	}
}

// hasFormatting reports whether text uses WhatsApp's formatting marks.
func hasFormatting(text string) bool {
	return strings.ContainsAny(text, "*_~") || strings.Contains(text, "```")
}

// setBusy disables Send and attaching while a message is being queued.
func (c *composer) setBusy(busy bool) {
	for _, b := range []*widget.Button{c.send, c.attach} {
		if busy {
			b.Disable()
		} else {
			b.Enable()
		}
	}
}

// showProblem says, under the field, why the message was not queued.
func (c *composer) showProblem(text string) {
	c.problem.SetText(text)
	c.problem.Show()
}

// showReply shows which message the next one answers.
func (c *composer) showReply(waMessageID, author, snippet string) {
	c.replyID = waMessageID
	c.replyAuthor.SetText("Replying to " + author)
	c.replyText.SetText(snippet)
	c.replyBox.Show()
}

// cancelReply makes the next message a plain one again.
func (c *composer) cancelReply() {
	c.replyID = ""
	c.replyBox.Hide()
}
