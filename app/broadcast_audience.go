package app

import (
	"context"
	"fmt"
	"slices"
	"time"
)

// AudienceFromLabels is every customer of the channel whose conversation
// has any of the labels, opted-out customers left out and counted. No
// label is a FieldError on FieldBroadcastAudience.
func (c *BroadcastUseCases) AudienceFromLabels(ctx context.Context, id ChannelID, labelIDs []int64) (Audience, error) {
	if len(labelIDs) == 0 {
		return Audience{}, ValidationErrors{{Field: FieldBroadcastAudience, Message: "Choose at least one label."}}
	}
	return c.audienceOf(ctx, id, AudienceLabels, func(cv Conversation) bool {
		for _, l := range cv.Labels {
			if slices.Contains(labelIDs, l) {
				return true
			}
		}
		return false
	})
}

// AudienceRecent is every customer who wrote to the channel in the last
// days days (by the core's clock), opted-out customers left out and
// counted. Fewer than one day is a FieldError on FieldBroadcastAudience.
func (c *BroadcastUseCases) AudienceRecent(ctx context.Context, id ChannelID, days int) (Audience, error) {
	if days < 1 {
		return Audience{}, ValidationErrors{{Field: FieldBroadcastAudience, Message: "Choose at least one day."}}
	}
	since := c.clock.Now().Add(-time.Duration(days) * 24 * time.Hour)
	return c.audienceOf(ctx, id, AudienceRecent, func(cv Conversation) bool {
		return !cv.LastInboundAt.IsZero() && !cv.LastInboundAt.Before(since)
	})
}

// audienceOf is every customer of the channel whose conversation is in,
// in the order of the conversation list. An opted-out customer is
// counted instead; a conversation without a WhatsApp number (a customer
// known only by a username) is listed as invalid, with no row.
func (c *BroadcastUseCases) audienceOf(ctx context.Context, id ChannelID, source AudienceSource, in func(Conversation) bool) (Audience, error) {
	cvs, err := c.store.Conversations(ctx, id)
	if err != nil {
		return Audience{}, fmt.Errorf("read the customers of channel %d: %w", id, err)
	}
	a := Audience{Source: source}
	for _, cv := range cvs {
		if !in(cv) {
			continue
		}
		a.Rows++
		switch {
		case cv.OptOut.Active():
			a.OptedOut++
		case !plausibleWAID(cv.WAID):
			a.Invalid = append(a.Invalid, InvalidRow{Value: CustomerName(cv), Reason: "no phone number known"})
		default:
			a.Recipients = append(a.Recipients, Recipient{WAID: cv.WAID, Name: recipientName(cv), ConversationID: cv.ID})
		}
	}
	return a, nil
}

// recipientName is the name a broadcast may send a customer (see
// ValueContactName): the owner's own name for them, else their WhatsApp
// profile name, cleaned by DisplayName; "" when neither is known. The
// name saved on the owner's phone is never sent to the customer.
func recipientName(cv Conversation) string {
	if n := DisplayName(cv.CustomName); n != "" {
		return n
	}
	return DisplayName(cv.ContactName)
}

// plausibleWAID reports whether id can be a WhatsApp id: 7 to 15 digits,
// the first not 0.
func plausibleWAID(id string) bool {
	if len(id) < 7 || len(id) > 15 || id[0] == '0' {
		return false
	}
	return digits(id) == id
}
