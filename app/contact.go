package app

import (
	"context"
	"fmt"
	"time"
)

// ContactFields are what the owner keeps about a customer in Parley,
// beside the names WhatsApp and the owner's phone give them: the owner's
// own name for the customer (which wins wherever Parley names them, see
// CustomerName), free notes, an email address, a birthday and a postal
// address. Every field may be empty.
type ContactFields struct {
	CustomName string
	Notes      string // free text, several lines
	Email      string
	// Birthday is a date (midnight UTC; only the day counts), zero when
	// not known.
	Birthday time.Time
	Address  string // several lines
}

// ContactCard is one customer as the contact panel and the contacts
// export show them.
type ContactCard struct {
	ConversationID int64
	ChannelID      ChannelID
	WAID           string // the number, digits only
	ProfileName    string // WhatsApp's profile name, as the customer set it
	PhoneName      string // the name saved on the owner's phone, or ""
	ContactFields
	// UpdatedAt is when the owner last saved the fields; zero if never.
	UpdatedAt time.Time
	// FirstContact and LastContact are the times of the conversation's
	// first and last message; zero when it has none.
	FirstContact, LastContact time.Time
	// OptOut says whether the customer asked not to receive marketing.
	OptOut OptOut
}

// Name is how Parley names the customer of the card (see CustomerName).
func (c ContactCard) Name() string {
	return CustomerName(Conversation{WAID: c.WAID, ContactName: c.ProfileName, PhoneName: c.PhoneName, CustomName: c.CustomName})
}

// ContactStore keeps what the owner saved about customers.
type ContactStore interface {
	// ContactCard returns the customer of the conversation with the
	// times of its first and last message, or ErrNotFound.
	ContactCard(ctx context.Context, conversationID int64) (ContactCard, error)
	// ContactCards returns the customers of every conversation of every
	// channel, ordered by channel and number.
	ContactCards(ctx context.Context) ([]ContactCard, error)
	// SaveContactFields replaces the owner's fields of the customer of
	// the conversation, recording at as their UpdatedAt. It changes the
	// columns custom_name, notes, email, birthday, address and updated_at
	// of the contacts row, and only those: a search index over contacts
	// can follow them with a trigger on UPDATE OF those columns.
	SaveContactFields(ctx context.Context, conversationID int64, f ContactFields, at time.Time) error
}

// ContactUseCases are the use cases of the contact panel: reading and
// saving what the owner keeps about a customer.
type ContactUseCases struct {
	*ports
}

// Contact returns the customer of the conversation, with the times of
// their first and last message.
func (c *ContactUseCases) Contact(ctx context.Context, conversationID int64) (ContactCard, error) {
	card, err := c.store.ContactCard(ctx, conversationID)
	if err != nil {
		return ContactCard{}, fmt.Errorf("read contact of conversation %d: %w", conversationID, err)
	}
	return card, nil
}

// SaveContact checks the fields (see ValidateContact) and saves them at
// once, on this computer only; nothing is sent to WhatsApp. Problems come
// back as ValidationErrors keyed by the ContactField names, and nothing
// is saved then. A saved change publishes EventContactsChanged naming the
// conversation, so the list and the header show the new name.
func (c *ContactUseCases) SaveContact(ctx context.Context, conversationID int64, f ContactFields) (ContactFields, error) {
	f, verrs := ValidateContact(f, c.clock.Now())
	if err := verrs.OrNil(); err != nil {
		return f, err
	}
	cv, err := c.store.Conversation(ctx, conversationID)
	if err != nil {
		return f, fmt.Errorf("save contact of conversation %d: %w", conversationID, err)
	}
	if err := c.store.SaveContactFields(ctx, conversationID, f, c.clock.Now()); err != nil {
		return f, fmt.Errorf("save contact of conversation %d: %w", conversationID, err)
	}
	c.bus.Publish(Event{Kind: EventContactsChanged, ChannelID: cv.ChannelID, ConversationIDs: []int64{conversationID}})
	return f, nil
}

// BackupStore copies the database for a backup.
type BackupStore interface {
	// BackupDatabase writes a consistent copy of the whole database to
	// the new file dst (SQLite's online backup), while writes go on.
	BackupDatabase(ctx context.Context, dst string) error
	// SchemaVersion is the database's schema number: the newest this
	// Parley knows.
	SchemaVersion(ctx context.Context) (int, error)
}
