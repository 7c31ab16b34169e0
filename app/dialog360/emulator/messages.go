package emulator

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/parley-app/parley/app"
)

// SentMessage is a message a client sent through the emulator.
type SentMessage struct {
	ID        string // wamid
	To        string // wa_id (digits)
	Type      string // text, template, image, …
	Text      string // text body, the template body with parameters filled, or a reaction's emoji ("" removes it)
	Caption   string
	Filename  string
	MediaID   string
	MediaLink string
	ReplyTo   string // context.message_id, or the message a reaction is for
	Template  *SentTemplate
	Status    string // latest delivery status: sent, delivered, read, failed
	At        time.Time
	Raw       json.RawMessage // the request body as sent
}

// SentTemplate is the template part of a sent message.
type SentTemplate struct {
	Name            string
	Language        string
	HeaderText      string // value of a text header parameter
	HeaderMediaID   string // media header given by id
	HeaderMediaLink string // media header given by link
	BodyParams      []string
	URLParams       map[string]string // button index → URL suffix
}

// sendRequest is the body of POST /messages.
type sendRequest struct {
	Product   string `json:"messaging_product"`
	Recipient string `json:"recipient_type"`
	To        string `json:"to"`
	Type      string `json:"type"`
	Status    string `json:"status"`
	MessageID string `json:"message_id"`
	Context   *struct {
		MessageID string `json:"message_id"`
	} `json:"context"`
	Text *struct {
		Body string `json:"body"`
	} `json:"text"`
	Template *sendTemplate `json:"template"`
	Reaction *struct {
		MessageID string  `json:"message_id"`
		Emoji     *string `json:"emoji"`
	} `json:"reaction"`
}

// mediaRef is a media object in a send.
type mediaRef struct {
	ID       string  `json:"id"`
	Link     string  `json:"link"`
	Caption  *string `json:"caption"`
	Filename *string `json:"filename"`
}

var mediaTypes = []string{"image", "video", "audio", "document", "sticker"}

// Sent returns the messages sent from the number with apiKey, oldest first.
func (e *Emulator) Sent(apiKey string) []SentMessage {
	e.mu.Lock()
	defer e.mu.Unlock()
	a := e.accounts[apiKey]
	if a == nil {
		return nil
	}
	out := make([]SentMessage, len(a.sent))
	for i, s := range a.sent {
		out[i] = *s
	}
	return out
}

// ReadMarks returns the inbound wamids the number with apiKey marked read.
func (e *Emulator) ReadMarks(apiKey string) []string {
	e.mu.Lock()
	defer e.mu.Unlock()
	if a := e.accounts[apiKey]; a != nil {
		return append([]string(nil), a.readMarks...)
	}
	return nil
}

// handleMessages answers POST /messages: sends and read marks.
func (e *Emulator) handleMessages(w http.ResponseWriter, r *http.Request, a *account) {
	var raw json.RawMessage
	if !decodeBody(w, r, &raw) {
		return
	}
	var req sendRequest
	if err := json.Unmarshal(raw, &req); err != nil {
		writeGraphError(w, http.StatusBadRequest, invalidParam("Invalid message: "+err.Error()))
		return
	}
	if req.Product != "whatsapp" {
		writeGraphError(w, http.StatusBadRequest, invalidParam("The parameter messaging_product is required."))
		return
	}
	if req.Status == "read" {
		e.markRead(w, a, req.MessageID)
		return
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	s, g, bad := e.checkSendLocked(a, req, raw)
	if bad {
		writeGraphError(w, http.StatusBadRequest, g)
		return
	}
	s.ID, s.At, s.Raw = e.wamidLocked(), e.now(), append(json.RawMessage(nil), raw...)
	a.sent = append(a.sent, s)
	e.scheduleStatusesLocked(a, s)
	out := map[string]any{
		"messaging_product": "whatsapp",
		"contacts":          []any{map[string]string{"input": req.To, "wa_id": s.To}},
	}
	msg := map[string]string{"id": s.ID}
	if s.Type == "template" {
		msg["message_status"] = "accepted"
	}
	out["messages"] = []any{msg}
	writeJSON(w, http.StatusOK, out)
	e.advanceLocked() // statuses due now are queued right after the answer
}

// checkSendLocked validates a send and returns the message to record.
func (e *Emulator) checkSendLocked(a *account, req sendRequest, raw json.RawMessage) (*SentMessage, graphErr, bool) {
	to := digits(req.To)
	if len(to) < 6 || len(to) > 15 {
		return nil, invalidParam("The parameter to must be a phone number in international format."), true
	}
	to = WhatsAppID(to)
	s := &SentMessage{To: to, Type: req.Type}
	if req.Context != nil {
		s.ReplyTo = req.Context.MessageID
	}
	if req.Type != "template" {
		last := a.lastInbound[to]
		if last.IsZero() || e.now().Sub(last) >= app.WindowDuration {
			return nil, graphErr{code: 131047, message: "Re-engagement message",
				details: "Message failed to send because more than 24 hours have passed since the customer last replied to this number."}, true
		}
	}
	switch {
	case req.Type == "text":
		if req.Text == nil || strings.TrimSpace(req.Text.Body) == "" {
			return nil, invalidParam("The parameter text['body'] is required."), true
		}
		if utf8.RuneCountInString(req.Text.Body) > 4096 {
			return nil, invalidParam("text['body'] may be at most 4096 characters."), true
		}
		s.Text = req.Text.Body
	case req.Type == "template":
		if g, bad := e.checkTemplateSendLocked(a, req.Template, s); bad {
			return nil, g, true
		}
	case contains(mediaTypes, req.Type):
		if g, bad := e.checkMediaSendLocked(a, req.Type, raw, s); bad {
			return nil, g, true
		}
	case req.Type == "reaction":
		if g, bad := checkReactionLocked(a, req, s); bad {
			return nil, g, true
		}
	case req.Type == "interactive", req.Type == "location", req.Type == "contacts":
	default:
		return nil, invalidParam(fmt.Sprintf("Unsupported message type %q.", req.Type)), true
	}
	return s, graphErr{}, false
}

// checkReactionLocked checks a reaction: to a message the customer sent
// this number, with an emoji given (empty takes the reaction back).
func checkReactionLocked(a *account, req sendRequest, s *SentMessage) (graphErr, bool) {
	r := req.Reaction
	if r == nil || r.MessageID == "" || r.Emoji == nil {
		return invalidParam("The parameters reaction['message_id'] and reaction['emoji'] are required."), true
	}
	if !a.inboundIDs[r.MessageID] {
		return invalidParam("reaction['message_id'] " + r.MessageID + " is not a message of this chat."), true
	}
	s.Text, s.ReplyTo = *r.Emoji, r.MessageID
	return graphErr{}, false
}

// checkMediaSendLocked checks an image, video, audio, document or sticker.
func (e *Emulator) checkMediaSendLocked(a *account, typ string, raw json.RawMessage, s *SentMessage) (graphErr, bool) {
	var body map[string]json.RawMessage
	_ = json.Unmarshal(raw, &body)
	var m mediaRef
	if err := json.Unmarshal(body[typ], &m); err != nil || (m.ID == "" && m.Link == "") {
		return invalidParam(fmt.Sprintf("The parameter %s['id'] or %s['link'] is required.", typ, typ)), true
	}
	if m.ID != "" {
		if obj := e.media[m.ID]; obj == nil || obj.key != a.key {
			return graphErr{code: 131053, message: "Media upload error", details: "Unknown media id " + m.ID + "."}, true
		}
	}
	if m.Caption != nil && (typ == "audio" || typ == "sticker") {
		return invalidParam(fmt.Sprintf("Param %s['caption'] is not a valid parameter.", typ)), true
	}
	if m.Filename != nil && typ != "document" {
		return invalidParam(fmt.Sprintf("Param %s['filename'] is not a valid parameter.", typ)), true
	}
	s.MediaID, s.MediaLink = m.ID, m.Link
	if m.Caption != nil {
		s.Caption = *m.Caption
	}
	if m.Filename != nil {
		s.Filename = *m.Filename
	}
	return graphErr{}, false
}

// markRead answers a read mark for an inbound message.
func (e *Emulator) markRead(w http.ResponseWriter, a *account, id string) {
	e.mu.Lock()
	known := a.inboundIDs[id]
	if known {
		a.readMarks = append(a.readMarks, id)
	}
	e.mu.Unlock()
	if !known {
		writeGraphError(w, http.StatusBadRequest, invalidParam("message_id "+id+" is not an incoming message of this number."))
		return
	}
	writeJSON(w, http.StatusOK, map[string]bool{"success": true})
}

// scheduleStatusesLocked plans the statuses of s: sent, delivered and
// read (or failed for an unreachable recipient or one FailRecipient
// names), statusDelay apart.
func (e *Emulator) scheduleStatusesLocked(a *account, s *SentMessage) {
	at := s.At
	code := e.failCodes[s.To]
	if e.unreachable[s.To] {
		code = 131026
	}
	if code != 0 {
		e.scheduleLocked(at, func(now time.Time) {
			s.Status = "failed"
			e.statusWebhookLocked(a, s, "failed", now, code)
		})
		return
	}
	for i, st := range []string{"sent", "delivered", "read"} {
		e.scheduleLocked(at.Add(time.Duration(i)*e.statusDelay), func(now time.Time) {
			s.Status = st
			e.statusWebhookLocked(a, s, st, now, 0)
		})
	}
}

func contains(list []string, s string) bool {
	for _, l := range list {
		if l == s {
			return true
		}
	}
	return false
}

// WhatsAppID is the WhatsApp id the emulator answers a send to the number
// digits with. Like WhatsApp for the many Brazilian mobiles registered
// before the ninth digit was added, it drops the 9 of a 13-digit +55
// mobile number (55 DD 9XXXX XXXX → 55 DD XXXX XXXX); other numbers keep
// their digits.
func WhatsAppID(digits string) string {
	if len(digits) == 13 && strings.HasPrefix(digits, "55") && digits[4] == '9' {
		return digits[:4] + digits[5:]
	}
	return digits
}
