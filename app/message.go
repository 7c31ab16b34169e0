package app

import "time"

// Direction says whether a message came from the customer or the business.
type Direction string

// Message directions.
const (
	Inbound  Direction = "in"
	Outbound Direction = "out"
)

// MessageType is the WhatsApp message type.
type MessageType string

// Message types Parley understands. Anything else is stored as
// MsgUnsupported with its original type name in Message.RawType.
const (
	MsgText        MessageType = "text"
	MsgImage       MessageType = "image"
	MsgVideo       MessageType = "video"
	MsgAudio       MessageType = "audio"
	MsgVoice       MessageType = "voice" // audio with Media.Voice set by some senders
	MsgDocument    MessageType = "document"
	MsgSticker     MessageType = "sticker"
	MsgLocation    MessageType = "location"
	MsgContacts    MessageType = "contacts"
	MsgButtonReply MessageType = "button_reply" // interactive button, list or template quick reply
	MsgReaction    MessageType = "reaction"
	MsgTemplate    MessageType = "template" // outbound template
	MsgOrder       MessageType = "order"
	MsgSystem      MessageType = "system"
	MsgUnsupported MessageType = "unsupported"
)

// DeliveryState is the state of an outbound message.
type DeliveryState string

// Delivery states, in order of progress.
const (
	StateQueued    DeliveryState = "queued"
	StateSending   DeliveryState = "sending" // handed to the network; outcome unknown until recorded
	StateSent      DeliveryState = "sent"
	StateDelivered DeliveryState = "delivered"
	StateRead      DeliveryState = "read"
	StateFailed    DeliveryState = "failed"
	// StateUnknown marks a message whose send may have reached WhatsApp
	// before a crash: the owner must check before resending.
	StateUnknown  DeliveryState = "unknown"
	StateReceived DeliveryState = "received" // inbound messages
	// StateHeld and StatePaused are what WhatsApp may answer a send with
	// instead of accepting it: the message is held back for a quality
	// check, or its template was paused for low quality. A later status
	// (sent, delivered, failed) moves the message on.
	StateHeld   DeliveryState = "held"
	StatePaused DeliveryState = "paused"
	// StateWaiting is a broadcast's message not yet handed to the outbox
	// (the messaging limit, a pause or the start time keeps it back);
	// the outbox ignores it until the broadcast runner releases it.
	StateWaiting DeliveryState = "waiting"
	// StateCancelled is a broadcast's message that was never sent
	// because the owner cancelled the broadcast.
	StateCancelled DeliveryState = "cancelled"
)

// StateText says in plain words what the held, paused, waiting and
// cancelled states mean; "" for the other states.
func StateText(s DeliveryState) string {
	switch s {
	case StateHeld:
		return "Held by WhatsApp for a quality check"
	case StatePaused:
		return "Paused by WhatsApp"
	case StateWaiting:
		return "Waiting to be sent with a broadcast"
	case StateCancelled:
		return "Not sent: the broadcast was cancelled"
	}
	return ""
}

// Media describes an attachment.
type Media struct {
	ID        string // provider media id
	MIMEType  string
	SHA256    string
	Filename  string
	Caption   string
	Size      int64
	URL       string // direct link, when the payload carries one
	LocalPath string // cached copy in the data dir, empty until downloaded
	Voice     bool
	Animated  bool
	// Lost says why a customer's attachment could not be saved on this
	// computer; empty while it is saved or still waiting to be.
	Lost MediaLost
}

// Location is a shared or chosen location.
type Location struct {
	Latitude  float64
	Longitude float64
	Name      string
	Address   string
	URL       string
}

// SharedContact is one contact card sent by a customer. Phones, emails,
// addresses and URLs are one line each, labelled with their kind when the
// card names it ("Home: 1 Main St, Springfield").
type SharedContact struct {
	Name         string
	Phones       []string
	Emails       []string
	Organization string // company, department and title, joined
	Birthday     string // as sent, usually YYYY-MM-DD
	Addresses    []string
	URLs         []string
}

// AdReferral is the click-to-WhatsApp ad or post a customer tapped to
// start the conversation. Every field is as WhatsApp sent it: untrusted.
type AdReferral struct {
	SourceURL    string // the ad or post on Facebook or Instagram
	SourceID     string
	SourceType   string // "ad" or "post"
	Headline     string
	Body         string
	MediaType    string // "image" or "video"
	ImageURL     string
	VideoURL     string
	ThumbnailURL string
	ClickID      string // ctwa_clid: the click, for the ads manager
}

// ReferredProduct is the catalogue product a customer's message asks
// about (they tapped "Message business" on it).
type ReferredProduct struct {
	CatalogID         string
	ProductRetailerID string
}

// Pricing is what WhatsApp says an outgoing message costs: whether it is
// billable and in which category (marketing, utility, authentication,
// service, ...). Model is the pricing model (CBP per conversation, PMP
// per message); Type the v23 pricing type (regular, free_customer_service,
// free_entry_point), when sent.
type Pricing struct {
	Billable bool
	Category string
	Model    string
	Type     string
}

// Message is one WhatsApp message in a conversation.
type Message struct {
	ID             int64
	ChannelID      ChannelID
	ConversationID int64
	WAMessageID    string // "wamid...."; empty while queued
	Direction      Direction
	Type           MessageType
	RawType        string // the type name as WhatsApp sent it
	From           string // wa_id of the sender (inbound)
	To             string // wa_id of the customer of an echo (see InboundBatch.Echoes); not stored
	Text           string // body, caption, button text, reaction emoji
	Payload        string // button payload / list row id
	Media          *Media
	Location       *Location
	Contacts       []SharedContact
	ReplyTo        string           // wamid of the message this replies or reacts to
	Referral       *AdReferral      // inbound: the ad the customer came from
	Product        *ReferredProduct // inbound: the product the customer asks about
	Pricing        *Pricing         // outbound: what WhatsApp charges, from its statuses
	Forwarded      bool
	FromPhone      bool // typed by the owner in the WhatsApp Business app on their phone (see InboundBatch.Echoes)
	Timestamp      time.Time
	State          DeliveryState
	ErrorCode      int
	ErrorText      string // plain-language failure reason
	Template       *TemplateSend
}

// Contact is a customer who wrote to (or was written by) a channel.
type Contact struct {
	ChannelID     ChannelID
	WAID          string // WhatsApp id (digits), the conversation key
	Name          string // WhatsApp profile name
	LastInboundAt time.Time
}

// Conversation is the thread with one contact on one channel.
//
// PhoneName is the name the owner saved for the customer in the contacts
// of the WhatsApp Business app on their phone, or "". Where Parley names a
// customer to the owner it wins over ContactName; it is never sent to the
// customer (a template's contact name is ContactName).
type Conversation struct {
	ID            int64
	ChannelID     ChannelID
	WAID          string
	ContactName   string // the customer's WhatsApp profile name
	PhoneName     string // the name the owner saved on their phone (see above)
	LastMessageAt time.Time
	LastPreview   string
	Unread        int
	// LastInboundAt is the time of the customer's latest message, which
	// opens the 24-hour window. Only the customer's messages count: what
	// the business sends, from Parley or from the phone, opens none.
	LastInboundAt time.Time
	// OptOut says whether the customer asked not to receive marketing
	// templates; its zero value means they did not.
	OptOut OptOut
	// Labels are the IDs of the owner's labels on the conversation, by
	// ID; the list of labels (Core.Labels) gives their names and order.
	Labels []int64
	// PinnedAt is when the owner pinned the conversation to the top of
	// the list; zero when not pinned.
	PinnedAt time.Time
	// ArchivedAt is when the owner archived the conversation; zero when
	// it is not archived. The customer's next message clears it.
	ArchivedAt time.Time
	// CustomName is the owner's own name for the customer, saved in
	// Parley (ContactFields.CustomName), or ""; it wins over PhoneName
	// (see CustomerName).
	CustomName string
}

// Pinned reports whether the conversation stays at the top of the list.
func (c Conversation) Pinned() bool { return !c.PinnedAt.IsZero() }

// Archived reports whether the conversation is archived.
func (c Conversation) Archived() bool { return !c.ArchivedAt.IsZero() }

// WaitingForReply reports whether the customer wrote last: their latest
// message is the conversation's latest.
func (c Conversation) WaitingForReply() bool {
	return !c.LastInboundAt.IsZero() && !c.LastInboundAt.Before(c.LastMessageAt)
}

// WindowDuration is WhatsApp's customer service window.
const WindowDuration = 24 * time.Hour

// WindowOpen reports whether a free-form reply is allowed at now, and how
// long the window stays open.
//
// Only the customer opens the window: "When a WhatsApp user messages you
// or calls you, a 24-hour timer called a customer service window starts"
// (Meta, Service messages, developers.facebook.com/documentation/
// business-messaging/whatsapp/messages/send-messages). A message the owner
// sends from the WhatsApp Business app (an echo) does not open or extend
// it: the app and the API share the number but not the window state
// (Telnyx, developers.telnyx.com/docs/messaging/whatsapp/coexistence).
func (c Conversation) WindowOpen(now time.Time) (bool, time.Duration) {
	if c.LastInboundAt.IsZero() {
		return false, 0
	}
	left := c.LastInboundAt.Add(WindowDuration).Sub(now)
	if left <= 0 {
		return false, 0
	}
	return true, left
}
