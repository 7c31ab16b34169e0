package app

import (
	"context"
	"errors"
	"fmt"
	"time"
)

// LabelStore keeps the owner's labels and what they put on conversations:
// labels, pins, archiving and the unread mark.
//
// Every change of the label names a conversation carries (a label set or
// unset, renamed or deleted) runs through one point in the store's
// transaction, persistence's labelNamesChanged, for whatever indexes
// them (search).
type LabelStore interface {
	// Labels returns every label, by name.
	Labels(ctx context.Context) ([]Label, error)
	// CreateLabel stores a new label and returns it with its ID; a name
	// taken (ignoring case) returns ErrLabelExists.
	CreateLabel(ctx context.Context, l Label, at time.Time) (Label, error)
	// UpdateLabel renames or recolours a label; ErrLabelExists as above.
	UpdateLabel(ctx context.Context, l Label) error
	// DeleteLabel removes a label from every conversation and deletes it.
	DeleteLabel(ctx context.Context, id int64) error
	// SetConversationLabel puts the label on the conversation (on) or
	// takes it off; doing what is already done is no error.
	SetConversationLabel(ctx context.Context, conversationID, labelID int64, on bool) error
	// PinConversation pins the conversation at at, or unpins it (zero).
	PinConversation(ctx context.Context, conversationID int64, at time.Time) error
	// ArchiveConversation archives the conversation at at, or brings it
	// back (zero). Storing a customer's message brings it back too.
	ArchiveConversation(ctx context.Context, conversationID int64, at time.Time) error
	// MarkConversationUnread gives a read conversation an unread count
	// of one; one with unread messages keeps its count.
	MarkConversationUnread(ctx context.Context, conversationID int64) error
}

// LabelUseCases are the use cases of sorting conversations: the owner's
// labels and putting them on conversations, pinning, archiving and
// marking a conversation unread again.
type LabelUseCases struct {
	*ports
}

// Labels returns every label, by name.
func (c *LabelUseCases) Labels(ctx context.Context) ([]Label, error) {
	ls, err := c.store.Labels(ctx)
	if err != nil {
		return nil, fmt.Errorf("list labels: %w", err)
	}
	return ls, nil
}

// CreateLabel adds a label; a bad or taken name is a ValidationErrors
// (ErrLabelExists for a name taken).
func (c *LabelUseCases) CreateLabel(ctx context.Context, name string, color LabelColor) (Label, error) {
	l, err := checkLabel(Label{Name: name, Color: color})
	if err != nil {
		return Label{}, err
	}
	saved, err := c.store.CreateLabel(ctx, l, c.clock.Now())
	if errors.Is(err, ErrLabelExists) {
		return Label{}, labelExists(l.Name)
	}
	if err != nil {
		return Label{}, fmt.Errorf("add label %q: %w", l.Name, err)
	}
	c.bus.Publish(Event{Kind: EventLabelsChanged})
	return saved, nil
}

// UpdateLabel renames or recolours a label, checked like CreateLabel.
func (c *LabelUseCases) UpdateLabel(ctx context.Context, l Label) error {
	l, err := checkLabel(l)
	if err != nil {
		return err
	}
	err = c.store.UpdateLabel(ctx, l)
	if errors.Is(err, ErrLabelExists) {
		return labelExists(l.Name)
	}
	if err != nil {
		return fmt.Errorf("change label %q: %w", l.Name, err)
	}
	c.bus.Publish(Event{Kind: EventLabelsChanged})
	return nil
}

// DeleteLabel takes the label off every conversation and deletes it.
func (c *LabelUseCases) DeleteLabel(ctx context.Context, id int64) error {
	if err := c.store.DeleteLabel(ctx, id); err != nil {
		return fmt.Errorf("delete label: %w", err)
	}
	c.bus.Publish(Event{Kind: EventLabelsChanged})
	return nil
}

// SetConversationLabel puts a label on a conversation (on) or takes it
// off.
func (c *LabelUseCases) SetConversationLabel(ctx context.Context, conversationID, labelID int64, on bool) error {
	if err := c.store.SetConversationLabel(ctx, conversationID, labelID, on); err != nil {
		return fmt.Errorf("label conversation: %w", err)
	}
	c.conversationsChanged(conversationID)
	return nil
}

// PinConversation keeps a conversation at the top of the list (pinned)
// or lets it go back to its place.
func (c *LabelUseCases) PinConversation(ctx context.Context, conversationID int64, pinned bool) error {
	var at time.Time
	if pinned {
		at = c.clock.Now()
	}
	if err := c.store.PinConversation(ctx, conversationID, at); err != nil {
		return fmt.Errorf("pin conversation: %w", err)
	}
	c.conversationsChanged(conversationID)
	return nil
}

// ArchiveConversation hides a conversation from the list until the
// customer writes again (archived), or brings it back.
func (c *LabelUseCases) ArchiveConversation(ctx context.Context, conversationID int64, archived bool) error {
	var at time.Time
	if archived {
		at = c.clock.Now()
	}
	if err := c.store.ArchiveConversation(ctx, conversationID, at); err != nil {
		return fmt.Errorf("archive conversation: %w", err)
	}
	c.conversationsChanged(conversationID)
	return nil
}

// MarkConversationUnread shows a conversation as unread again, as a
// reminder to come back to it; opening it reads it as usual. No receipt
// is taken back: the customer still sees the blue ticks.
func (c *LabelUseCases) MarkConversationUnread(ctx context.Context, conversationID int64) error {
	if err := c.store.MarkConversationUnread(ctx, conversationID); err != nil {
		return fmt.Errorf("mark conversation unread: %w", err)
	}
	c.bus.Publish(Event{Kind: EventUnreadChanged, ConversationIDs: []int64{conversationID}})
	return nil
}

// conversationsChanged tells subscribers that the conversations' labels,
// pin or archive changed.
func (c *LabelUseCases) conversationsChanged(ids ...int64) {
	c.bus.Publish(Event{Kind: EventConversationsChanged, ConversationIDs: ids})
}
