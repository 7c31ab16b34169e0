package broadcasts

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/screens/kit"
)

// recipientRow is one recipient in the results: name and number, the
// outcome, WhatsApp's reason in plain words, whether they replied, and
// the way to their conversation.
type recipientRow struct {
	name    *widget.Label
	outcome *widget.RichText
	reason  *widget.Label
	replied *widget.Label
	chat    *widget.Button
	id      widget.ListItemID
}

func (p *resultsPage) newRecipientRow() fyne.CanvasObject {
	r := &recipientRow{
		name:    &widget.Label{Truncation: fyne.TextTruncateEllipsis},
		outcome: widget.NewRichText(&widget.TextSegment{Style: widget.RichTextStyle{TextStyle: fyne.TextStyle{Bold: true}}}),
		reason:  &widget.Label{Truncation: fyne.TextTruncateEllipsis, SizeName: theme.SizeNameCaptionText},
		replied: &widget.Label{Text: "Replied", Importance: widget.SuccessImportance},
	}
	r.outcome.Truncation = fyne.TextTruncateEllipsis
	r.chat = &widget.Button{Icon: kit.ChatIcon, Importance: widget.LowImportance, OnTapped: func() { p.openChat(r.id) }}
	if p.env.openChat == nil {
		r.chat.Hide()
	}
	right := container.NewHBox(container.NewGridWrap(fyne.NewSize(80, r.replied.MinSize().Height), r.replied), r.chat)
	// The reason has a line of its own under the name and the outcome:
	// it is the longest and says what to do.
	top := container.NewBorder(nil, nil, withWidth(r.name, 280), nil, r.outcome)
	lines := container.NewVBox(top, container.New(layout.NewCustomPaddedLayout(-theme.Padding()*2, 0, 0, 0), r.reason))
	// Top-aligned: the chat button and "Replied" sit on the name's line.
	return newRowBox(container.NewBorder(nil, nil, nil, container.NewVBox(right), lines), r)
}

func (p *resultsPage) updateRecipientRow(id widget.ListItemID, o fyne.CanvasObject) {
	if id >= len(p.shown) {
		return
	}
	res, r := p.shown[id], o.(*rowBox).row.(*recipientRow)
	r.id = id
	// A live update redraws the visible rows each time: only what
	// changed is set, since shaping text is what costs.
	setText(r.name, recipientName(app.Recipient{WAID: res.WAID, Name: res.Name}))
	seg := r.outcome.Segments[0].(*widget.TextSegment)
	text, colour := outcomeLabel(res.Outcome), outcomeColor(res.Outcome)
	if res.Outcome == app.OutcomeFailed && res.Retryable {
		text = "Failed — can retry"
	}
	if seg.Text != text || seg.Style.ColorName != colour {
		seg.Text, seg.Style.ColorName = text, colour
		r.outcome.Refresh()
	}
	setText(r.reason, res.Reason)
	if res.Replied {
		r.replied.Show()
	} else {
		r.replied.Hide()
	}
	if p.env.openChat != nil && res.ConversationID != 0 {
		r.chat.Show()
	} else {
		r.chat.Hide()
	}
}

// openChat opens the conversation of the recipient in row id.
func (p *resultsPage) openChat(id widget.ListItemID) {
	if id < len(p.shown) && p.shown[id].ConversationID != 0 && p.env.openChat != nil {
		p.env.openChat(p.shown[id].ConversationID)
	}
}

// showRecipient shows a recipient's outcome with the whole reason.
func (p *resultsPage) showRecipient(id widget.ListItemID) {
	if id >= len(p.shown) {
		return
	}
	r := p.shown[id]
	text := outcomeLabel(r.Outcome)
	if r.Reason != "" {
		text += "\n\n" + r.Reason
	}
	if r.Replied {
		text += "\n\nThey replied: their answer is in their conversation in the Space."
	}
	label := &widget.Label{Text: text, Wrapping: fyne.TextWrapWord}
	d := dialog.NewCustom(recipientName(app.Recipient{WAID: r.WAID, Name: r.Name}), "Close",
		container.New(kit.WrapWidthLayout{Width: 420}, label), p.env.Window)
	d.Show()
}

// setText shows text on l unless it shows it already.
func setText(l *widget.Label, text string) {
	if l.Text != text {
		l.SetText(text)
	}
}
