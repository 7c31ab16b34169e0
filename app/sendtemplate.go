package app

import (
	"context"
	"fmt"
	"strings"

	"github.com/parley-app/parley/app/waformat"
)

// TemplateValues are the parameter values of a template about to be sent.
type TemplateValues struct {
	Body       []string // value of body parameter n at index n-1
	HeaderText string   // value of {{1}} in a text header
	URLParam   string   // value of {{1}} at the end of the URL button
	// HeaderFile is the file sent in a photo, video or document header:
	// the path of the file the owner chose, or the Path LastHeaderFile
	// offered. Such a template is never sent with its review sample.
	HeaderFile string
}

// DefaultTemplateValues pre-fills every parameter for a conversation:
// from the parameter's dynamic variable (the contact's name or number, a
// fixed text) where one is bound, otherwise from the sample value. The
// owner sees and may change them before sending.
func DefaultTemplateValues(t Template, cv Conversation) TemplateValues {
	params := waformat.Params(t.Body)
	v := TemplateValues{Body: make([]string, len(params))}
	for i := range params {
		var bound Variable
		if i < len(t.Variables) {
			bound = t.Variables[i]
		}
		v.Body[i] = bound.valueFor(cv)
		if v.Body[i] == "" && i < len(t.BodyExamples) {
			v.Body[i] = t.BodyExamples[i]
		}
	}
	if len(waformat.Params(t.Header.Text)) > 0 {
		v.HeaderText = t.Header.Example
	}
	for _, b := range t.Buttons {
		if b.Type == ButtonURL && strings.Contains(b.URL, "{{1}}") {
			v.URLParam = b.Example
		}
	}
	return v
}

// valueFor is the variable's value in the conversation: the contact's
// name or number, or the fixed text; "" when it has none (a customer
// without a profile name, a typed parameter). Templates and quick
// replies fill their variables through it.
func (v Variable) valueFor(cv Conversation) string {
	switch v.Source {
	case VarContactName:
		return cv.ContactName
	case VarContactPhone:
		if cv.WAID == "" {
			return ""
		}
		return FormatPhone("+" + cv.WAID)
	case VarFixed:
		return v.Value
	}
	return ""
}

// templateSend checks the values and builds what the provider sends.
func templateSend(t Template, v TemplateValues) (TemplateSend, error) {
	if t.Status != TemplateApproved {
		return TemplateSend{}, ValidationErrors{{Field: FieldForm, Message: fmt.Sprintf(
			"Template %q is %s; only approved templates can be sent. Sync templates to see the latest status.", t.Name, strings.ToLower(StatusLabel(t.Status)))}}
	}
	var errs ValidationErrors
	params := waformat.Params(t.Body)
	if len(v.Body) != len(params) {
		errs = append(errs, FieldError{Field: FieldForm, Message: fmt.Sprintf("This template needs %d values, %d were given.", len(params), len(v.Body))})
	}
	for i, val := range v.Body {
		if strings.TrimSpace(val) == "" {
			errs = append(errs, FieldError{Field: fmt.Sprintf("%s.%d", FieldTemplateParam, i+1), Message: fmt.Sprintf("Fill in a value for {{%d}}.", i+1)})
		}
	}
	send := TemplateSend{Name: t.Name, Language: t.Language, Category: t.Category, BodyParams: v.Body}
	if len(waformat.Params(t.Header.Text)) > 0 {
		if strings.TrimSpace(v.HeaderText) == "" {
			errs = append(errs, FieldError{Field: FieldTemplateParam + ".header", Message: "Fill in a value for the header's {{1}}."})
		}
		send.HeaderText = v.HeaderText
	}
	if _, ok := mediaRules[t.Header.Format]; ok {
		// The file goes with the queued message; the outbox uploads it.
		send.HeaderMediaFormat = t.Header.Format
		if strings.TrimSpace(v.HeaderFile) == "" {
			errs = append(errs, FieldError{Field: FieldTemplateHeaderFile, Message: fmt.Sprintf(
				"Choose the %s to send in the header.", headerFileNoun(t.Header.Format))})
		}
	}
	for i, b := range t.Buttons {
		if b.Type == ButtonURL && strings.Contains(b.URL, "{{1}}") {
			if strings.TrimSpace(v.URLParam) == "" {
				errs = append(errs, FieldError{Field: FieldTemplateParam + ".url", Message: "Fill in the end of the button's link."})
			}
			send.URLButtonParam, send.URLButtonIndex = v.URLParam, i
		}
	}
	return send, errs.OrNil()
}

// SendTemplateMessage queues an approved template to a conversation; it
// is allowed whether or not the 24-hour window is open.
func (c *InboxUseCases) SendTemplateMessage(ctx context.Context, conversationID int64, t Template, v TemplateValues) (Message, error) {
	send, err := templateSend(t, v)
	if err != nil {
		return Message{}, err
	}
	cv, err := c.store.Conversation(ctx, conversationID)
	if err != nil {
		return Message{}, fmt.Errorf("send template: %w", err)
	}
	if err := refuseOptedOut(cv, t.Category); err != nil {
		return Message{}, err
	}
	var media *Media
	if send.HeaderMediaFormat != "" {
		if media, err = c.keepHeaderFile(ctx, cv.ChannelID, t, v.HeaderFile); err != nil {
			return Message{}, err
		}
	}
	text := waformat.Plain(waformat.Substitute(waformat.Parse(t.Body), waformat.SamplesFromList(v.Body)))
	m, err := c.enqueue(ctx, Message{ChannelID: cv.ChannelID, ConversationID: cv.ID, Type: MsgTemplate, Text: text, Template: &send, Media: media})
	if err == nil && media != nil {
		last := HeaderFile{Path: media.LocalPath, Name: media.Filename}
		if err := c.store.SetTemplateHeaderFile(ctx, cv.ChannelID, t.Name, t.Language, last); err != nil {
			c.log.Warn("remember the header file", "template", t.Name, "err", err)
		}
	}
	return m, err
}

// StartConversation sends an approved template to a number that may never
// have written, creating the conversation.
func (c *InboxUseCases) StartConversation(ctx context.Context, id ChannelID, number string, t Template, v TemplateValues) (Message, error) {
	e164, err := NormalizePhone(number)
	if err != nil {
		return Message{}, ValidationErrors{{Field: FieldNumber, Message: err.Error()}}
	}
	send, err := templateSend(t, v)
	if err != nil {
		return Message{}, err
	}
	if send.HeaderMediaFormat != "" {
		// A file WhatsApp would refuse starts no conversation.
		if _, err := c.checkHeaderFile(t.Header.Format, v.HeaderFile); err != nil {
			return Message{}, err
		}
	}
	cv, err := c.store.ConversationFor(ctx, id, WAIDFromPhone(e164), "")
	if err != nil {
		return Message{}, fmt.Errorf("start conversation: %w", err)
	}
	return c.SendTemplateMessage(ctx, cv.ID, t, v)
}
