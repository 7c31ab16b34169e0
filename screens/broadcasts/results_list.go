package broadcasts

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
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
		reason:  &widget.Label{Truncation: fyne.TextTruncateEllipsis},
		replied: &widget.Label{Text: "Replied", Importance: widget.SuccessImportance},
	}
	r.outcome.Truncation = fyne.TextTruncateEllipsis
	r.chat = &widget.Button{Icon: kit.ChatIcon, Importance: widget.LowImportance, OnTapped: func() { p.openChat(r.id) }}
	if p.env.openChat == nil {
		r.chat.Hide()
	}
	right := container.NewHBox(container.NewGridWrap(fyne.NewSize(80, r.replied.MinSize().Height), r.replied), r.chat)
	// The reason gets what the name and the outcome leave: it is the
	// longest and says what to do.
	left := container.NewHBox(withWidth(r.name, 250), withWidth(r.outcome, 170))
	return newRowBox(container.NewBorder(nil, nil, left, right, r.reason), r)
}

func (p *resultsPage) updateRecipientRow(id widget.ListItemID, o fyne.CanvasObject) {
	if id >= len(p.shown) {
		return
	}
	res, r := p.shown[id], o.(*rowBox).row.(*recipientRow)
	r.id = id
	r.name.SetText(recipientName(app.Recipient{WAID: res.WAID, Name: res.Name}))
	seg := r.outcome.Segments[0].(*widget.TextSegment)
	seg.Text, seg.Style.ColorName = outcomeLabel(res.Outcome), outcomeColor(res.Outcome)
	if res.Outcome == app.OutcomeFailed && res.Retryable {
		seg.Text = "Failed — can retry"
	}
	r.outcome.Refresh()
	r.reason.SetText(res.Reason)
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
