package inbox

import (
	"context"
	"errors"
	"log/slog"
	"strings"

	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/screens/kit"
)

// onChosen fills the form and the preview for the chosen template.
func (p *templatePicker) onChosen(id widget.ListItemID) {
	if id >= len(p.shown) {
		return
	}
	t := p.shown[id]
	if p.chosen != nil && p.chosen.Name == t.Name && p.chosen.Language == t.Language {
		return
	}
	p.chosen = &t
	cv := p.recipient()
	p.form.set(t, app.DefaultTemplateValues(t, cv), cv)
	p.offerLastHeaderFile(t)
	p.problem.Hide()
	p.preview.Show()
	p.onValuesChanged()
	if refusal := optOutRefusal(cv, t); refusal != "" {
		p.problem.SetText(refusal)
		p.problem.Show()
	}
}

// recipient is the conversation the template goes to; for a new one,
// just the number typed so far.
func (p *templatePicker) recipient() app.Conversation {
	if p.target.conv != nil {
		return *p.target.conv
	}
	cv := app.Conversation{ChannelID: p.target.channelID}
	if e164, err := app.NormalizePhone(p.number.Text); err == nil {
		cv.WAID = app.WAIDFromPhone(e164)
	}
	return cv
}

// onValuesChanged updates the preview and Send.
func (p *templatePicker) onValuesChanged() {
	if p.chosen != nil {
		p.preview.SetTemplate(filledTemplate(*p.chosen, p.form.values()))
	}
	p.updateSend()
}

// updateSend enables Send only when nothing is missing.
func (p *templatePicker) updateSend() {
	if p.number != nil && p.chosen != nil {
		p.form.refreshNumber(p.recipient())
	}
	ok := p.chosen != nil && p.form.complete() && optOutRefusal(p.recipient(), *p.chosen) == ""
	if p.number != nil && strings.TrimSpace(p.number.Text) == "" {
		ok = false
	}
	if ok {
		p.send.Enable()
	} else {
		p.send.Disable()
	}
}

// onSend queues the template; the dialog closes once it is stored.
func (p *templatePicker) onSend() {
	if p.chosen == nil {
		return
	}
	t, values := *p.chosen, p.form.values()
	core, target := p.env.core, p.target
	number := ""
	if p.number != nil {
		number = p.number.Text
	}
	p.send.Disable()
	p.problem.Hide()
	kit.Load(p.env.Run, context.Background(), func(ctx context.Context) (app.Message, error) {
		if target.conv != nil {
			return core.SendTemplateMessage(ctx, target.conv.ID, t, values)
		}
		return core.StartConversation(ctx, target.channelID, number, t, values)
	}, p.sent)
}

// sent closes the dialog, or explains what is wrong next to it.
func (p *templatePicker) sent(m app.Message, err error) {
	p.updateSend()
	if err == nil {
		p.close()
		if p.onSent != nil {
			p.onSent(m)
		}
		return
	}
	slog.Warn("send template", "err", err)
	var ve app.ValidationErrors
	if !errors.As(err, &ve) {
		p.problem.SetText("Not sent: " + app.Explain(err))
		p.problem.Show()
		return
	}
	if msg := ve.For(app.FieldNumber); msg != "" && p.number != nil {
		p.number.SetValidationError(errors.New(msg))
		p.problem.SetText(msg)
		p.problem.Show()
		return
	}
	if rest := p.form.showErrors(ve); len(rest) > 0 {
		p.problem.SetText(strings.Join(rest, " "))
		p.problem.Show()
	}
}

// openStartConversation opens the picker for a number that may never
// have written.
func openStartConversation(e env, channels []app.Channel, onSent func(app.Message)) *templatePicker {
	if len(channels) == 0 {
		return nil
	}
	return openTemplatePicker(e, pickerTarget{channelID: channels[0].ID, channels: channels}, onSent)
}
