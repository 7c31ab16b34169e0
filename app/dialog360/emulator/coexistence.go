package emulator

import (
	"fmt"
	"time"

	"github.com/parley-app/parley/app"
)

// The WhatsApp Business app on the owner's phone, on a number connected
// to the API as well (coexistence, Meta's "onboard WhatsApp Business app
// users"): what the owner types on the phone reaches the API's webhook
// as an smb_message_echoes change, and the app's contacts as
// smb_app_state_sync. Both go through the same webhook delivery as every
// other event.

// PhoneSends simulates the owner typing text in the WhatsApp Business
// app to customer to (digits or E.164) of the number with apiKey: an
// smb_message_echoes webhook is queued, then delivered and read statuses
// of the same wamid, statusDelay apart (as for messages sent through the
// API). It does not touch the 24-hour window, which only the customer
// opens. It returns the message's wamid.
func (e *Emulator) PhoneSends(apiKey, to, text string) (string, error) {
	return e.phoneSends(apiKey, to, map[string]any{"type": "text", "text": map[string]string{"body": text}})
}

// PhoneSendsMedia is PhoneSends for a file of kind (image, video, audio,
// document or sticker), stored like an upload so the client can fetch it
// by the media id in the echo.
func (e *Emulator) PhoneSendsMedia(apiKey, to string, kind app.MessageType, fileName, mimeType string, data []byte, caption string) (string, error) {
	e.mu.Lock()
	a := e.accounts[apiKey]
	var id string
	if a != nil {
		id = e.storeMediaLocked(a, fileName, mimeType, data)
	}
	e.mu.Unlock()
	if a == nil {
		return "", fmt.Errorf("phone sends media: unknown API key")
	}
	return e.phoneSends(apiKey, to, mediaContent(kind, id, fileName, mimeType, data, caption))
}

// phoneSends queues the echo of a message sent from the phone and plans
// its statuses.
func (e *Emulator) phoneSends(apiKey, to string, content map[string]any) (string, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	a := e.accounts[apiKey]
	if a == nil {
		return "", fmt.Errorf("phone sends: unknown API key")
	}
	waID := digits(to)
	if waID == "" {
		return "", fmt.Errorf("phone sends: %q is not a phone number", to)
	}
	e.advanceLocked()
	now := e.now()
	id := e.wamidLocked()
	msg := map[string]any{"from": digits(a.phone), "to": waID, "id": id, "timestamp": unixString(now)}
	for k, v := range content {
		msg[k] = v
	}
	value := e.valueLocked(a)
	value["message_echoes"] = []any{msg}
	e.enqueueLocked(a, envelope(a, "smb_message_echoes", value, time.Time{}))
	s := &SentMessage{ID: id, To: waID, Status: "sent", At: now}
	for i, st := range []string{"delivered", "read"} {
		e.scheduleLocked(now.Add(time.Duration(i+1)*e.statusDelay), func(at time.Time) {
			s.Status = st
			e.statusWebhookLocked(a, s, st, at, 0)
		})
	}
	return id, nil
}

// PhoneContact is one change to the contacts of the WhatsApp Business
// app on the owner's phone, for PhoneContactSync.
type PhoneContact struct {
	Number    string // digits or E.164
	FullName  string
	FirstName string
	Removed   bool
}

// PhoneContactSync simulates the owner adding, editing or removing
// contacts in the WhatsApp Business app of the number with apiKey (or
// the first sync after connecting): one smb_app_state_sync webhook
// carrying every change is queued.
func (e *Emulator) PhoneContactSync(apiKey string, changes ...PhoneContact) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	a := e.accounts[apiKey]
	if a == nil {
		return fmt.Errorf("phone contact sync: unknown API key")
	}
	e.advanceLocked()
	now := e.now()
	items := make([]any, 0, len(changes))
	for _, c := range changes {
		contact := map[string]string{"phone_number": digits(c.Number)}
		action := "add"
		if c.Removed {
			action = "remove"
		} else {
			if c.FullName != "" {
				contact["full_name"] = c.FullName
			}
			if c.FirstName != "" {
				contact["first_name"] = c.FirstName
			}
		}
		items = append(items, map[string]any{"type": "contact", "contact": contact, "action": action,
			"metadata": map[string]string{"timestamp": unixString(now)}})
	}
	value := e.valueLocked(a)
	value["state_sync"] = items
	e.enqueueLocked(a, envelope(a, "smb_app_state_sync", value, time.Time{}))
	return nil
}
