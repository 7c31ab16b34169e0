package dialog360

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"time"

	"github.com/parley-app/parley/app"
)

// whMessage is one inbound message in either webhook format.
type whMessage struct {
	ID        string       `json:"id"`
	From      string       `json:"from"`
	To        string       `json:"to"` // echoes: the customer
	Timestamp whFlexString `json:"timestamp"`
	Type      string       `json:"type"`
	Context   *struct {
		ID                  string             `json:"id"`
		Forwarded           bool               `json:"forwarded"`
		FrequentlyForwarded bool               `json:"frequently_forwarded"`
		ReferredProduct     *whReferredProduct `json:"referred_product"`
	} `json:"context"`
	Referral *whReferral  `json:"referral"`
	Errors   []whAPIError `json:"errors"`

	Text *struct {
		Body string `json:"body"`
	} `json:"text"`
	Image    *whMedia `json:"image"`
	Video    *whMedia `json:"video"`
	Audio    *whMedia `json:"audio"`
	Voice    *whMedia `json:"voice"` // flat v1 voice notes
	Document *whMedia `json:"document"`
	Sticker  *whMedia `json:"sticker"`
	Location *struct {
		Latitude  float64 `json:"latitude"`
		Longitude float64 `json:"longitude"`
		Name      string  `json:"name"`
		Address   string  `json:"address"`
		URL       string  `json:"url"`
	} `json:"location"`
	Contacts    []whSharedContact `json:"contacts"`
	Interactive *struct {
		ButtonReply *whReply `json:"button_reply"`
		ListReply   *whReply `json:"list_reply"`
		NfmReply    *struct {
			Name         string `json:"name"`
			Body         string `json:"body"`
			ResponseJSON string `json:"response_json"`
		} `json:"nfm_reply"`
	} `json:"interactive"`
	Button *struct {
		Text    string `json:"text"`
		Payload string `json:"payload"`
	} `json:"button"`
	Reaction *struct {
		MessageID string `json:"message_id"`
		Emoji     string `json:"emoji"`
	} `json:"reaction"`
	Order       *whOrder  `json:"order"`
	System      *whSystem `json:"system"`
	Unsupported *struct {
		Type string `json:"type"`
	} `json:"unsupported"`
	Revoke *struct {
		OriginalMessageID string `json:"original_message_id"`
	} `json:"revoke"`
	Edit *struct {
		OriginalMessageID string     `json:"original_message_id"`
		Message           *whMessage `json:"message"`
	} `json:"edit"`
}

type whMedia struct {
	ID       string       `json:"id"`
	MIMEType string       `json:"mime_type"`
	SHA256   string       `json:"sha256"`
	Caption  string       `json:"caption"`
	Filename string       `json:"filename"`
	URL      string       `json:"url"`
	FileSize whFlexString `json:"file_size"`
	Voice    bool         `json:"voice"`
	Animated bool         `json:"animated"`
}

// whReferral is the click-to-WhatsApp ad or post a message came from.
type whReferral struct {
	SourceURL    string `json:"source_url"`
	SourceID     string `json:"source_id"`
	SourceType   string `json:"source_type"`
	Headline     string `json:"headline"`
	Body         string `json:"body"`
	MediaType    string `json:"media_type"`
	ImageURL     string `json:"image_url"`
	VideoURL     string `json:"video_url"`
	ThumbnailURL string `json:"thumbnail_url"`
	ClickID      string `json:"ctwa_clid"`
}

// whReferredProduct is the catalogue product a message asks about.
type whReferredProduct struct {
	CatalogID         string `json:"catalog_id"`
	ProductRetailerID string `json:"product_retailer_id"`
}

type whReply struct {
	ID    string `json:"id"`
	Title string `json:"title"`
}

// whMapMessage turns a wire message into an inbound app.Message. It never
// fails: content it cannot read becomes MsgUnsupported. The caller fills
// in a missing sender or id.
func whMapMessage(w *whMessage, fallback time.Time) app.Message {
	m := app.Message{
		WAMessageID: w.ID,
		Direction:   app.Inbound,
		State:       app.StateReceived,
		RawType:     w.Type,
		From:        w.From,
		Timestamp:   whTime(w.Timestamp, fallback),
	}
	if c := w.Context; c != nil {
		m.ReplyTo = c.ID
		m.Forwarded = c.Forwarded || c.FrequentlyForwarded
		if p := c.ReferredProduct; p != nil && (p.CatalogID != "" || p.ProductRetailerID != "") {
			m.Product = &app.ReferredProduct{CatalogID: p.CatalogID, ProductRetailerID: p.ProductRetailerID}
		}
	}
	if r := w.Referral; r != nil && *r != (whReferral{}) {
		m.Referral = &app.AdReferral{SourceURL: r.SourceURL, SourceID: r.SourceID, SourceType: r.SourceType,
			Headline: r.Headline, Body: r.Body, MediaType: r.MediaType, ImageURL: r.ImageURL, VideoURL: r.VideoURL,
			ThumbnailURL: r.ThumbnailURL, ClickID: r.ClickID}
	}
	if len(w.Errors) > 0 {
		m.ErrorCode = w.Errors[0].code()
		m.ErrorText = w.Errors[0].text()
	}
	whFillContent(&m, w, 0)
	return m
}

// whFillContent sets Type and the type-specific fields of m from w.
// depth guards the recursion of edits: an edit inside an edit is not read.
func whFillContent(m *app.Message, w *whMessage, depth int) {
	switch w.Type {
	case "text":
		m.Type = app.MsgText
		if w.Text != nil {
			m.Text = w.Text.Body
		}
	case "image":
		whSetMedia(m, app.MsgImage, w.Image)
	case "video":
		whSetMedia(m, app.MsgVideo, w.Video)
	case "document":
		whSetMedia(m, app.MsgDocument, w.Document)
	case "sticker":
		whSetMedia(m, app.MsgSticker, w.Sticker)
	case "audio":
		if w.Audio != nil && w.Audio.Voice {
			whSetMedia(m, app.MsgVoice, w.Audio)
		} else {
			whSetMedia(m, app.MsgAudio, w.Audio)
		}
	case "voice":
		whSetMedia(m, app.MsgVoice, w.Voice)
		if m.Media != nil {
			m.Media.Voice = true
		}
	case "location":
		whSetLocation(m, w)
	case "contacts":
		whSetContacts(m, w.Contacts)
	case "interactive":
		whSetInteractive(m, w)
	case "button":
		if w.Button == nil {
			m.Type = app.MsgUnsupported
			return
		}
		m.Type, m.Text, m.Payload = app.MsgButtonReply, w.Button.Text, w.Button.Payload
	case "reaction":
		if w.Reaction == nil {
			m.Type = app.MsgUnsupported
			return
		}
		m.Type, m.Text, m.ReplyTo = app.MsgReaction, w.Reaction.Emoji, w.Reaction.MessageID
	case "order":
		whSetOrder(m, w.Order)
	case "system":
		whSetSystem(m, w.System)
	case "revoke":
		m.Type, m.Text = app.MsgSystem, "The customer deleted a message."
		if w.Revoke != nil {
			m.ReplyTo = w.Revoke.OriginalMessageID
		}
	case "edit":
		whSetEdit(m, w, depth)
	case "unsupported":
		m.Type = app.MsgUnsupported
		if w.Unsupported != nil && w.Unsupported.Type != "" {
			m.RawType = w.Unsupported.Type
		}
	default:
		m.Type = app.MsgUnsupported
	}
}

// whSetMedia fills an attachment; a media message without its media
// object cannot be shown and becomes MsgUnsupported.
func whSetMedia(m *app.Message, t app.MessageType, w *whMedia) {
	if w == nil {
		m.Type = app.MsgUnsupported
		return
	}
	m.Type = t
	m.Text = w.Caption
	m.Media = &app.Media{
		ID:       w.ID,
		MIMEType: w.MIMEType,
		SHA256:   w.SHA256,
		Filename: w.Filename,
		Caption:  w.Caption,
		Size:     whInt64(w.FileSize),
		URL:      w.URL,
		Voice:    w.Voice,
		Animated: w.Animated,
	}
}

func whSetLocation(m *app.Message, w *whMessage) {
	l := w.Location
	if l == nil {
		m.Type = app.MsgUnsupported
		return
	}
	m.Type = app.MsgLocation
	m.Location = &app.Location{
		Latitude:  l.Latitude,
		Longitude: l.Longitude,
		Name:      l.Name,
		Address:   l.Address,
		URL:       l.URL,
	}
}

// whSetInteractive maps a tap on an interactive button, a list row or a
// submitted WhatsApp Flow. The text is what the customer saw and tapped;
// the payload is the id the business attached to it.
func whSetInteractive(m *app.Message, w *whMessage) {
	i := w.Interactive
	switch {
	case i == nil:
		m.Type = app.MsgUnsupported
	case i.ButtonReply != nil:
		m.Type, m.Text, m.Payload = app.MsgButtonReply, i.ButtonReply.Title, i.ButtonReply.ID
	case i.ListReply != nil:
		m.Type, m.Text, m.Payload = app.MsgButtonReply, i.ListReply.Title, i.ListReply.ID
	case i.NfmReply != nil:
		m.Type, m.Text, m.Payload = app.MsgButtonReply, whFirst(i.NfmReply.Body, i.NfmReply.Name), i.NfmReply.ResponseJSON
	default:
		m.Type = app.MsgUnsupported
	}
}

// whSetEdit maps a customer's edit of an earlier message: the message
// gets the type and content of the new version, RawType "edit" and
// ReplyTo the id of the edited message.
func whSetEdit(m *app.Message, w *whMessage, depth int) {
	e := w.Edit
	if e != nil && e.Message != nil && depth == 0 {
		whFillContent(m, e.Message, depth+1)
	} else {
		m.Type, m.Text = app.MsgSystem, "The customer edited a message."
	}
	m.RawType = "edit"
	m.ReplyTo = ""
	if e != nil {
		m.ReplyTo = e.OriginalMessageID
	}
}

// whSyntheticID derives a stable id for a message that arrived without
// one, from a hash of everything Parley read from it, so a redelivered
// payload maps to the same id and is not stored twice.
func whSyntheticID(w *whMessage) string {
	b, err := json.Marshal(w)
	if err != nil { // not reachable for decoded JSON; keep the id stable anyway
		b = fmt.Appendf(nil, "%q|%q|%q", w.From, w.Timestamp, w.Type)
	}
	sum := sha256.Sum256(b)
	return SyntheticIDPrefix + hex.EncodeToString(sum[:16])
}
