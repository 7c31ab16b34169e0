package emulator

import (
	"encoding/json"
	"fmt"
	"strconv"
	"time"

	"github.com/parley-app/parley/app"
)

// Inbound simulates customer from (digits or E.164) with WhatsApp profile
// name writing text to the number with apiKey: the 24-hour window opens
// and a Cloud API webhook is queued for the registered URL. It returns
// the message's wamid.
func (e *Emulator) Inbound(apiKey, from, name, text string) (string, error) {
	return e.inbound(apiKey, from, name, map[string]any{"type": "text", "text": map[string]string{"body": text}})
}

// InboundMedia simulates a customer sending a file of kind (image, video,
// audio, document or sticker). The file is stored like an upload, so the
// client can fetch it by the media id in the webhook.
func (e *Emulator) InboundMedia(apiKey, from, name string, kind app.MessageType, fileName, mimeType string, data []byte, caption string) (string, error) {
	e.mu.Lock()
	a := e.accounts[apiKey]
	var id string
	if a != nil {
		id = e.storeMediaLocked(a, fileName, mimeType, data)
		e.media[id].expires = e.now().Add(e.mediaTTL)
	}
	e.mu.Unlock()
	if a == nil {
		return "", fmt.Errorf("inbound media: unknown API key")
	}
	return e.inbound(apiKey, from, name, mediaContent(kind, id, fileName, mimeType, data, caption))
}

// mediaContent is the message content of a file of kind stored under
// media id, as WhatsApp writes it in a webhook: a caption where the kind
// takes one, the file name of a document, a voice note as audio.
func mediaContent(kind app.MessageType, id, fileName, mimeType string, data []byte, caption string) map[string]any {
	m := map[string]any{"id": id, "mime_type": mimeType, "sha256": sha256Base64(data)}
	if caption != "" && kind != app.MsgAudio && kind != app.MsgSticker {
		m["caption"] = caption
	}
	if kind == app.MsgDocument && fileName != "" {
		m["filename"] = fileName
	}
	typ := string(kind)
	if kind == app.MsgVoice {
		typ, m["voice"] = "audio", true
	}
	return map[string]any{"type": typ, typ: m}
}

// inbound records a customer message and queues its webhook.
func (e *Emulator) inbound(apiKey, from, name string, content map[string]any) (string, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	a := e.accounts[apiKey]
	if a == nil {
		return "", fmt.Errorf("inbound: unknown API key")
	}
	waID := digits(from)
	if waID == "" {
		return "", fmt.Errorf("inbound: %q is not a phone number", from)
	}
	e.advanceLocked()
	now := e.now()
	id := e.wamidLocked()
	a.lastInbound[waID] = now
	a.inboundIDs[id] = true
	msg := map[string]any{"from": waID, "id": id, "timestamp": unixString(now)}
	for k, v := range content {
		msg[k] = v
	}
	value := e.valueLocked(a)
	value["contacts"] = []any{map[string]any{"profile": map[string]string{"name": name}, "wa_id": waID}}
	value["messages"] = []any{msg}
	e.enqueueLocked(a, envelope(a, "messages", value, time.Time{}))
	return id, nil
}

// valueLocked starts the "value" of a messages-field change.
func (e *Emulator) valueLocked(a *account) map[string]any {
	return map[string]any{
		"messaging_product": "whatsapp",
		"metadata": map[string]string{
			"display_phone_number": digits(a.phone),
			"phone_number_id":      a.phoneID,
		},
	}
}

// statusWebhookLocked queues a delivery status of a sent message.
func (e *Emulator) statusWebhookLocked(a *account, s *SentMessage, status string, at time.Time, errCode int) {
	st := map[string]any{
		"id":           s.ID,
		"status":       status,
		"timestamp":    unixString(at),
		"recipient_id": s.To,
	}
	if status != "failed" {
		st["conversation"] = map[string]any{"id": "conv" + s.ID[len("wamid."):], "origin": map[string]string{"type": "service"}}
		st["pricing"] = map[string]any{"billable": true, "pricing_model": "PMP", "category": "service"}
	} else {
		st["errors"] = []any{map[string]any{
			"code":       errCode,
			"title":      "Message undeliverable",
			"message":    "Message undeliverable",
			"error_data": map[string]string{"details": "Message Undeliverable."},
			"href":       "https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/",
		}}
	}
	value := e.valueLocked(a)
	value["statuses"] = []any{st}
	e.enqueueLocked(a, envelope(a, "messages", value, time.Time{}))
}

// templateWebhookLocked queues a message_template_status_update.
func (e *Emulator) templateWebhookLocked(a *account, t *template, at time.Time) {
	id, _ := strconv.ParseInt(t.ID, 10, 64)
	value := map[string]any{
		"event":                     upper(t.Status),
		"message_template_id":       id,
		"message_template_name":     t.Name,
		"message_template_language": t.Language,
		"reason":                    t.RejectedReason,
		"message_template_category": t.Category,
	}
	e.enqueueLocked(a, envelope(a, "message_template_status_update", value, at))
}

// envelope wraps one change in the Cloud API webhook envelope.
func envelope(a *account, field string, value any, at time.Time) []byte {
	entry := map[string]any{
		"id":      a.wabaID,
		"changes": []any{map[string]any{"value": value, "field": field}},
	}
	if !at.IsZero() {
		entry["time"] = at.Unix()
	}
	b, _ := json.Marshal(map[string]any{"object": "whatsapp_business_account", "entry": []any{entry}})
	return b
}

// wamidLocked makes a WhatsApp message id.
func (e *Emulator) wamidLocked() string {
	return fmt.Sprintf("wamid.HBgL%012dFQIAERgS%08X", e.nextLocked(), e.rnd.Uint32())
}

func unixString(t time.Time) string { return strconv.FormatInt(t.Unix(), 10) }
