package app

import (
	"context"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

// QuickReply is an answer the owner gives often, saved on this computer
// under a short title ("Opening hours"). Its text may hold variables
// such as {{name}} (see QuickReplyVariables), filled for the customer by
// FillQuickReply. WhatsApp never sees it until it is sent as a message.
type QuickReply struct {
	ID       int64
	Title    string
	Text     string
	Position int // 0 first
}

// Field keys of the quick-reply form.
const (
	FieldQuickReplyTitle = "quickreply.title"
	FieldQuickReplyText  = "quickreply.text"
)

// MaxQuickReplyTitleLen is the longest title, in characters: it is typed
// after "/" and read in a short list.
const MaxQuickReplyTitleLen = 60

// QuickReplyStore keeps the owner's quick replies, in their order.
type QuickReplyStore interface {
	// QuickReplies returns every quick reply, in order.
	QuickReplies(ctx context.Context) ([]QuickReply, error)
	// AddQuickReply stores r after the others and returns it with its ID
	// and position.
	AddQuickReply(ctx context.Context, r QuickReply, at time.Time) (QuickReply, error)
	// UpdateQuickReply changes the title and text of quick reply r.ID, or
	// returns ErrNotFound.
	UpdateQuickReply(ctx context.Context, r QuickReply, at time.Time) error
	// MoveQuickReply puts quick reply id at position to (clamped to the
	// list), shifting the ones between.
	MoveQuickReply(ctx context.Context, id int64, to int) error
	// DeleteQuickReply removes quick reply id and closes the gap.
	DeleteQuickReply(ctx context.Context, id int64) error
}

// QuickReplyUseCases are the use cases of quick replies: keeping the
// owner's list and filling one for a customer.
type QuickReplyUseCases struct {
	*ports
}

// QuickReplies returns the owner's quick replies, in their order.
func (c *QuickReplyUseCases) QuickReplies(ctx context.Context) ([]QuickReply, error) {
	rs, err := c.store.QuickReplies(ctx)
	if err != nil {
		return nil, fmt.Errorf("read quick replies: %w", err)
	}
	return rs, nil
}

// AddQuickReply checks r and saves it at the end of the list. A problem
// is a ValidationErrors naming FieldQuickReplyTitle or
// FieldQuickReplyText.
func (c *QuickReplyUseCases) AddQuickReply(ctx context.Context, r QuickReply) (QuickReply, error) {
	r, err := c.checkQuickReply(ctx, r)
	if err != nil {
		return QuickReply{}, err
	}
	saved, err := c.store.AddQuickReply(ctx, r, c.clock.Now())
	if err != nil {
		return QuickReply{}, fmt.Errorf("save quick reply %q: %w", r.Title, err)
	}
	c.bus.Publish(Event{Kind: EventQuickRepliesChanged})
	return saved, nil
}

// EditQuickReply checks r and saves its new title and text; its place
// in the list stays.
func (c *QuickReplyUseCases) EditQuickReply(ctx context.Context, r QuickReply) error {
	r, err := c.checkQuickReply(ctx, r)
	if err != nil {
		return err
	}
	if err := c.store.UpdateQuickReply(ctx, r, c.clock.Now()); err != nil {
		return fmt.Errorf("save quick reply %q: %w", r.Title, err)
	}
	c.bus.Publish(Event{Kind: EventQuickRepliesChanged})
	return nil
}

// MoveQuickReply puts quick reply id at position to (0 first; beyond
// the end means last): moving up is its position - 1.
func (c *QuickReplyUseCases) MoveQuickReply(ctx context.Context, id int64, to int) error {
	if err := c.store.MoveQuickReply(ctx, id, max(to, 0)); err != nil {
		return fmt.Errorf("move quick reply: %w", err)
	}
	c.bus.Publish(Event{Kind: EventQuickRepliesChanged})
	return nil
}

// DeleteQuickReply removes quick reply id.
func (c *QuickReplyUseCases) DeleteQuickReply(ctx context.Context, id int64) error {
	if err := c.store.DeleteQuickReply(ctx, id); err != nil {
		return fmt.Errorf("delete quick reply: %w", err)
	}
	c.bus.Publish(Event{Kind: EventQuickRepliesChanged})
	return nil
}

// checkQuickReply trims r and reports, in the owner's words at the
// field, an empty or taken title, an empty or too long text, and a
// variable Parley does not know.
func (c *QuickReplyUseCases) checkQuickReply(ctx context.Context, r QuickReply) (QuickReply, error) {
	r.Title = strings.TrimSpace(r.Title)
	r.Text = strings.TrimSpace(r.Text)
	var errs ValidationErrors
	switch n := utf8.RuneCountInString(r.Title); {
	case n == 0:
		errs = append(errs, FieldError{Field: FieldQuickReplyTitle, Message: "Give the quick reply a short title, such as “Opening hours”."})
	case n > MaxQuickReplyTitleLen:
		errs = append(errs, FieldError{Field: FieldQuickReplyTitle, Message: fmt.Sprintf(
			"The title can be at most %d characters (now %d).", MaxQuickReplyTitleLen, n)})
	}
	switch n := utf8.RuneCountInString(r.Text); {
	case n == 0:
		errs = append(errs, FieldError{Field: FieldQuickReplyText, Message: "Write the answer this quick reply puts in the chat."})
	case n > MaxTextLen:
		errs = append(errs, FieldError{Field: FieldQuickReplyText, Message: fmt.Sprintf(
			"WhatsApp allows at most %d characters in a message; this text has %d.", MaxTextLen, n)})
	}
	if v := unknownQuickReplyVariable(r.Text); v != "" {
		errs = append(errs, FieldError{Field: FieldQuickReplyText, Message: fmt.Sprintf(
			"Parley does not know %s. You can use %s.", v, quickReplyVariableList())})
	}
	if r.Title != "" {
		rs, err := c.store.QuickReplies(ctx)
		if err != nil {
			return r, fmt.Errorf("read quick replies: %w", err)
		}
		for _, o := range rs {
			if o.ID != r.ID && strings.EqualFold(o.Title, r.Title) {
				errs = append(errs, FieldError{Field: FieldQuickReplyTitle, Message: fmt.Sprintf(
					"You already have a quick reply called “%s”. Choose another title.", o.Title)})
				break
			}
		}
	}
	return r, errs.OrNil()
}
