package dialog360

import (
	"context"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/parley-app/parley/app"
)

// messagesPath sends messages and marks them read (360dialog-api.md §1).
const messagesPath = "messages"

// sendAnswer is the answer to a send.
type sendAnswer struct {
	Contacts []struct {
		Input string `json:"input"`
		WAID  string `json:"wa_id"`
	} `json:"contacts"`
	Messages []struct {
		ID string `json:"id"`
		// MessageStatus is "accepted", or "held_for_quality_assessment"
		// or "paused" when WhatsApp holds the message back.
		MessageStatus string `json:"message_status"`
	} `json:"messages"`
}

// heldState maps the message_status of a send's answer onto the state of
// a message WhatsApp held back, or "" when it accepted the message.
func heldState(status string) app.DeliveryState {
	switch strings.ToLower(strings.TrimSpace(status)) {
	case "held_for_quality_assessment":
		return app.StateHeld
	case "paused":
		return app.StatePaused
	}
	return ""
}

// outMessage is the common part of every send.
type outMessage struct {
	Product       string         `json:"messaging_product"`
	RecipientType string         `json:"recipient_type"`
	To            string         `json:"to"`
	Type          string         `json:"type"`
	Context       *replyContext  `json:"context,omitempty"`
	Text          *textBody      `json:"text,omitempty"`
	Template      *templateBody  `json:"template,omitempty"`
	Reaction      *reactionBody  `json:"reaction,omitempty"`
	Media         map[string]any `json:"-"`
}

type replyContext struct {
	MessageID string `json:"message_id"`
}

// reactionBody is a reaction; the emoji is always sent, empty to remove.
type reactionBody struct {
	MessageID string `json:"message_id"`
	Emoji     string `json:"emoji"`
}

type textBody struct {
	Body       string `json:"body"`
	PreviewURL bool   `json:"preview_url"`
}

type templateBody struct {
	Name       string          `json:"name"`
	Language   templateLang    `json:"language"`
	Components []sendComponent `json:"components,omitempty"`
}

type templateLang struct {
	Policy string `json:"policy"`
	Code   string `json:"code"`
}

type sendComponent struct {
	Type       string      `json:"type"`
	SubType    string      `json:"sub_type,omitempty"`
	Index      string      `json:"index,omitempty"`
	Parameters []sendParam `json:"parameters"`
}

type sendParam struct {
	Type     string    `json:"type"`
	Text     string    `json:"text,omitempty"`
	Image    *mediaRef `json:"image,omitempty"`
	Video    *mediaRef `json:"video,omitempty"`
	Document *mediaRef `json:"document,omitempty"`
}

type mediaRef struct {
	ID       string `json:"id,omitempty"`
	Link     string `json:"link,omitempty"`
	Caption  string `json:"caption,omitempty"`
	Filename string `json:"filename,omitempty"`
}

func newOut(to, typ, replyTo string) outMessage {
	m := outMessage{Product: "whatsapp", RecipientType: "individual", To: toWAID(to), Type: typ}
	if replyTo != "" {
		m.Context = &replyContext{MessageID: replyTo}
	}
	return m
}

// SendText sends a free-form text, as a reply to replyTo when it is set.
// It only succeeds inside the 24-hour window. Links get a preview.
func (c *Client) SendText(ctx context.Context, to, body, replyTo string) (app.SendResult, error) {
	m := newOut(to, "text", replyTo)
	m.Text = &textBody{Body: body, PreviewURL: strings.Contains(body, "https://") || strings.Contains(body, "http://")}
	return c.send(ctx, "send text", m)
}

// SendTemplate sends an approved template with every parameter filled:
// header text or media, body parameters in order, and the URL button's
// suffix with the button's index as a string.
func (c *Client) SendTemplate(ctx context.Context, to string, t app.TemplateSend) (app.SendResult, error) {
	m := newOut(to, "template", "")
	tb := &templateBody{Name: t.Name, Language: templateLang{Policy: "deterministic", Code: t.Language}}
	if t.HeaderText != "" {
		tb.Components = append(tb.Components, sendComponent{Type: "header", Parameters: []sendParam{{Type: "text", Text: t.HeaderText}}})
	}
	if t.HeaderMediaID != "" || t.HeaderMediaLink != "" {
		ref := &mediaRef{ID: t.HeaderMediaID}
		if ref.ID == "" {
			ref.Link = t.HeaderMediaLink
		}
		if strings.EqualFold(t.HeaderMediaFormat, app.HeaderDocument) {
			ref.Filename = t.HeaderMediaFilename
		}
		p := sendParam{Type: strings.ToLower(t.HeaderMediaFormat)}
		switch p.Type {
		case "video":
			p.Video = ref
		case "document":
			p.Document = ref
		default:
			p.Type, p.Image = "image", ref
		}
		tb.Components = append(tb.Components, sendComponent{Type: "header", Parameters: []sendParam{p}})
	}
	if len(t.BodyParams) > 0 {
		ps := make([]sendParam, len(t.BodyParams))
		for i, v := range t.BodyParams {
			ps[i] = sendParam{Type: "text", Text: v}
		}
		tb.Components = append(tb.Components, sendComponent{Type: "body", Parameters: ps})
	}
	if t.URLButtonParam != "" {
		tb.Components = append(tb.Components, sendComponent{
			Type: "button", SubType: "url", Index: strconv.Itoa(t.URLButtonIndex),
			Parameters: []sendParam{{Type: "text", Text: t.URLButtonParam}},
		})
	}
	m.Template = tb
	return c.send(ctx, "send template", m)
}

// SendMedia sends an image, video, audio, voice note, document or sticker
// by its uploaded media id (or by m.URL when there is no id). The caption
// goes only with images, videos and documents; the file name only with
// documents.
func (c *Client) SendMedia(ctx context.Context, to string, kind app.MessageType, m app.Media, replyTo string) (app.SendResult, error) {
	typ := string(kind)
	switch kind {
	case app.MsgImage, app.MsgVideo, app.MsgAudio, app.MsgDocument, app.MsgSticker:
	case app.MsgVoice:
		typ = string(app.MsgAudio)
	default:
		return app.SendResult{}, fmt.Errorf("send media: %q is not a media type", kind)
	}
	ref := map[string]any{}
	switch {
	case m.ID != "":
		ref["id"] = m.ID
	case m.URL != "":
		ref["link"] = m.URL
	default:
		return app.SendResult{}, fmt.Errorf("send media: no media id or link")
	}
	if m.Caption != "" && (typ == "image" || typ == "video" || typ == "document") {
		ref["caption"] = m.Caption
	}
	if m.Filename != "" && typ == "document" {
		ref["filename"] = m.Filename
	}
	out := newOut(to, typ, replyTo)
	out.Media = map[string]any{typ: ref}
	return c.send(ctx, "send "+typ, out)
}

// SendReaction reacts to the message waMessageID with emoji; an empty
// emoji takes the reaction back (360dialog-api.md §1: type "reaction").
func (c *Client) SendReaction(ctx context.Context, to, waMessageID, emoji string) (app.SendResult, error) {
	m := newOut(to, "reaction", "")
	m.Reaction = &reactionBody{MessageID: waMessageID, Emoji: emoji}
	return c.send(ctx, "send reaction", m)
}

// MarkRead marks an inbound message (and those before it) as read.
func (c *Client) MarkRead(ctx context.Context, waMessageID string) error {
	body := map[string]any{"messaging_product": "whatsapp", "status": "read", "message_id": waMessageID}
	req := request{op: "mark read", method: http.MethodPost, path: messagesPath, policy: retrySafe}
	return c.sendJSON(ctx, req, body, nil)
}

// send posts one message. It is retried only when it certainly did not
// reach 360dialog (see retryUnsent); a failure after the request may have
// arrived carries ProviderError.MaybeSent.
func (c *Client) send(ctx context.Context, op string, m outMessage) (app.SendResult, error) {
	var in any = m
	if m.Media != nil {
		in = flatten(m)
	}
	var ans sendAnswer
	req := request{op: op, method: http.MethodPost, path: messagesPath, policy: retryUnsent, send: true}
	if err := c.sendJSON(ctx, req, in, &ans); err != nil {
		return app.SendResult{}, err
	}
	if len(ans.Messages) == 0 || ans.Messages[0].ID == "" {
		pe := errorFor(app.KindUnknown, 200, 0, op+": the answer carries no message id")
		pe.MaybeSent = true
		pe.Plain = "360dialog accepted the message but did not confirm it. Check with the customer before sending it again."
		return app.SendResult{}, pe
	}
	res := app.SendResult{WAMessageID: ans.Messages[0].ID, WAID: m.To, State: heldState(ans.Messages[0].MessageStatus)}
	if len(ans.Contacts) > 0 && ans.Contacts[0].WAID != "" {
		res.WAID = ans.Contacts[0].WAID
	}
	return res, nil
}

// flatten turns a media message into a map with the media object under
// its type's key.
func flatten(m outMessage) map[string]any {
	out := map[string]any{
		"messaging_product": m.Product,
		"recipient_type":    m.RecipientType,
		"to":                m.To,
		"type":              m.Type,
	}
	if m.Context != nil {
		out["context"] = m.Context
	}
	for k, v := range m.Media {
		out[k] = v
	}
	return out
}
