package demo

import (
	"encoding/json"
	"fmt"
	"strconv"
	"time"

	"github.com/parley-app/parley/app"
)

// said is something a customer sends: text, a photo, a document, a
// location, or a tap on a template's quick-reply button.
type said struct {
	kind     app.MessageType // MsgText, MsgImage, MsgDocument, MsgLocation or MsgButtonReply
	text     string          // body, caption or button text
	file     *attachment     // image or document
	location *app.Location
	replyTo  string // wamid of the template a button belongs to
}

// attachment is a file a customer sends.
type attachment struct {
	name, mime string
	data       func() []byte
}

// Shorthands for the scripts.
func text(s string) said { return said{kind: app.MsgText, text: s} }

func photo(caption, name string, data func() []byte) said {
	return said{kind: app.MsgImage, text: caption, file: &attachment{name: name, mime: "image/jpeg", data: data}}
}

func document(caption, name string, data func() []byte) said {
	return said{kind: app.MsgDocument, text: caption, file: &attachment{name: name, mime: "application/pdf", data: data}}
}

func place(lat, lng float64, name, address string) said {
	return said{kind: app.MsgLocation, location: &app.Location{Latitude: lat, Longitude: lng, Name: name, Address: address}}
}

func tap(button string) said { return said{kind: app.MsgButtonReply, text: button} }

// webhookBody is the Cloud API webhook 360dialog posts when customer c
// sends s: message id wamid, at time at, to the business number with
// phone number id phoneID. mediaID names the file of an image or document.
func webhookBody(phoneID string, c customer, wamid string, at time.Time, s said, mediaID string) ([]byte, error) {
	msg := map[string]any{"from": c.waID(), "id": wamid, "timestamp": strconv.FormatInt(at.Unix(), 10)}
	switch s.kind {
	case app.MsgText:
		msg["type"], msg["text"] = "text", map[string]string{"body": s.text}
	case app.MsgImage, app.MsgDocument:
		typ := string(s.kind)
		m := map[string]string{"id": mediaID, "mime_type": s.file.mime}
		if s.text != "" {
			m["caption"] = s.text
		}
		if s.kind == app.MsgDocument {
			m["filename"] = s.file.name
		}
		msg["type"], msg[typ] = typ, m
	case app.MsgLocation:
		l := s.location
		msg["type"], msg["location"] = "location", map[string]any{
			"latitude": l.Latitude, "longitude": l.Longitude, "name": l.Name, "address": l.Address}
	case app.MsgButtonReply:
		msg["type"], msg["button"] = "button", map[string]string{"text": s.text, "payload": s.text}
		if s.replyTo != "" {
			msg["context"] = map[string]string{"from": businessWAID(), "id": s.replyTo}
		}
	default:
		return nil, fmt.Errorf("demo message of type %q", s.kind)
	}
	value := map[string]any{
		"messaging_product": "whatsapp",
		"metadata":          map[string]string{"display_phone_number": businessWAID(), "phone_number_id": phoneID},
		"contacts":          []any{map[string]any{"profile": map[string]string{"name": c.Name}, "wa_id": c.waID()}},
		"messages":          []any{msg},
	}
	body, err := json.Marshal(map[string]any{
		"object": "whatsapp_business_account",
		"entry": []any{map[string]any{
			"id":      "demo-waba",
			"changes": []any{map[string]any{"field": "messages", "value": value}},
		}},
	})
	if err != nil {
		return nil, fmt.Errorf("build webhook: %w", err)
	}
	return body, nil
}

// businessWAID is the business number's digits.
func businessWAID() string { return BusinessNumber[1:] }
