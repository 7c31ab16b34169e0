package app

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"slices"
	"time"
)

// ErrBroadcastState marks a control that does not fit the broadcast's
// state: resuming one that is not paused, pausing one that is done.
var ErrBroadcastState = errors.New("the broadcast cannot do that now")

// explainBroadcast words the broadcasts' refusals for Explain.
func explainBroadcast(err error) (string, bool) {
	switch {
	case errors.Is(err, ErrOverDailyLimit):
		return "This broadcast reaches more customers than WhatsApp's messaging limit leaves for today. " +
			"Choose to spread it over the next days, or send it to fewer customers.", true
	case errors.Is(err, ErrBroadcastState):
		return "The broadcast has moved on meanwhile (it finished, or was paused or cancelled): see where it is now.", true
	}
	return "", false
}

// Broadcasts lists the channel's broadcasts, newest first, with totals.
func (c *BroadcastUseCases) Broadcasts(ctx context.Context, id ChannelID) ([]Broadcast, error) {
	bs, err := c.store.Broadcasts(ctx, id)
	if err != nil {
		return nil, fmt.Errorf("list broadcasts: %w", err)
	}
	for i := range bs {
		if err := c.limitWait(ctx, &bs[i]); err != nil {
			return nil, fmt.Errorf("list broadcasts: %w", err)
		}
	}
	return bs, nil
}

// Broadcast returns one broadcast with its totals.
func (c *BroadcastUseCases) Broadcast(ctx context.Context, broadcastID int64) (Broadcast, error) {
	b, err := c.store.Broadcast(ctx, broadcastID)
	if err != nil {
		return Broadcast{}, fmt.Errorf("read broadcast: %w", err)
	}
	if err := c.limitWait(ctx, &b); err != nil {
		return Broadcast{}, fmt.Errorf("read broadcast: %w", err)
	}
	return b, nil
}

// limitWait sets b.WaitsUntil when its waiting recipients wait for the
// channel's messaging limit.
func (c *BroadcastUseCases) limitWait(ctx context.Context, b *Broadcast) error {
	if b.State != BroadcastSending || b.Totals.Waiting == 0 {
		return nil
	}
	ch, err := c.store.Channel(ctx, b.ChannelID)
	if err != nil {
		return err
	}
	limit, _ := dailyLimit(ch.Health.Limit)
	used, oldest, err := c.store.TemplateCustomers(ctx, b.ChannelID, c.clock.Now().Add(-24*time.Hour))
	if err != nil {
		return err
	}
	if used >= limit && !oldest.IsZero() {
		b.WaitsUntil = oldest.Add(24 * time.Hour)
	}
	return nil
}

// BroadcastRecipients returns every recipient's result, in the order
// they were added: a failure's reason in plain words by WhatsApp's error
// code and whether a retry may pass; an unknown one's advice.
func (c *BroadcastUseCases) BroadcastRecipients(ctx context.Context, broadcastID int64) ([]RecipientResult, error) {
	rs, err := c.store.BroadcastRecipients(ctx, broadcastID)
	if err != nil {
		return nil, fmt.Errorf("read broadcast results: %w", err)
	}
	for i := range rs {
		r := &rs[i]
		switch r.Outcome {
		case OutcomeFailed:
			r.Reason, r.Retryable = failureReason(r.ErrorCode, r.Reason)
		case OutcomeUnknown:
			r.Reason = UnknownStateMessage
		default:
			r.Reason = ""
		}
	}
	return rs, nil
}

// timelinePoints is the most points BroadcastTimeline returns: enough
// for a chart, however many recipients.
const timelinePoints = 400

// BroadcastTimeline is the cumulative delivered and read counts over
// time, for the results chart: at most a few hundred points, the last
// one the current totals.
func (c *BroadcastUseCases) BroadcastTimeline(ctx context.Context, broadcastID int64) ([]BroadcastPoint, error) {
	ps, err := c.store.BroadcastTimeline(ctx, broadcastID)
	if err != nil {
		return nil, fmt.Errorf("read broadcast timeline: %w", err)
	}
	if len(ps) <= timelinePoints {
		return ps, nil
	}
	// Keep the last point of each equal step of time.
	from, to := ps[0].At, ps[len(ps)-1].At
	step := to.Sub(from) / timelinePoints
	out := make([]BroadcastPoint, 0, timelinePoints+1)
	for i, p := range ps {
		if i == len(ps)-1 || step <= 0 || ps[i+1].At.Sub(from)/step != p.At.Sub(from)/step {
			out = append(out, p)
		}
	}
	return out, nil
}

// PauseBroadcast stops releasing recipients; those already handed to the
// outbox but not yet sent wait again. What is being sent goes on.
func (c *BroadcastUseCases) PauseBroadcast(ctx context.Context, broadcastID int64) error {
	return c.moveBroadcast(ctx, broadcastID, BroadcastPaused, BroadcastScheduled, BroadcastSending)
}

// ResumeBroadcast continues a paused broadcast (a scheduled one whose
// time has not come waits for it).
func (c *BroadcastUseCases) ResumeBroadcast(ctx context.Context, broadcastID int64) error {
	b, err := c.store.Broadcast(ctx, broadcastID)
	if err != nil {
		return fmt.Errorf("resume broadcast: %w", err)
	}
	to := BroadcastSending
	if b.StartAt.After(c.clock.Now()) {
		to = BroadcastScheduled
	}
	return c.moveBroadcast(ctx, broadcastID, to, BroadcastPaused)
}

// CancelBroadcast cancels every recipient not yet handed to WhatsApp;
// what may have reached WhatsApp keeps its state.
func (c *BroadcastUseCases) CancelBroadcast(ctx context.Context, broadcastID int64) error {
	return c.moveBroadcast(ctx, broadcastID, BroadcastCancelled, BroadcastScheduled, BroadcastSending, BroadcastPaused)
}

// moveBroadcast sets the broadcast's state to to when it is in one of
// from, and tells subscribers (and the runner).
func (c *BroadcastUseCases) moveBroadcast(ctx context.Context, broadcastID int64, to BroadcastState, from ...BroadcastState) error {
	b, err := c.store.Broadcast(ctx, broadcastID)
	if err != nil {
		return fmt.Errorf("%s broadcast: %w", to, err)
	}
	if !slices.Contains(from, b.State) {
		return fmt.Errorf("broadcast %d is %s, cannot become %s: %w", broadcastID, b.State, to, ErrBroadcastState)
	}
	convs, err := c.store.SetBroadcastState(ctx, broadcastID, to)
	if err != nil {
		return fmt.Errorf("%s broadcast: %w", to, err)
	}
	c.log.Info("broadcast state", "broadcast", broadcastID, "state", to)
	if len(convs) > 0 {
		c.bus.Publish(Event{Kind: EventMessagesChanged, ChannelID: b.ChannelID, ConversationIDs: uniqueIDs(convs)})
	}
	c.publishBroadcast(b.ChannelID, broadcastID)
	c.wakeBroadcasts()
	return nil
}

// uniqueIDs returns ids without repeats, in their first order.
func uniqueIDs(ids []int64) []int64 {
	seen := make(map[int64]bool, len(ids))
	out := ids[:0:0]
	for _, id := range ids {
		if !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out
}

// RetryBroadcastFailed sends again to the recipients whose failure may
// pass another time (RecipientResult.Retryable) and returns how many;
// they wait for the runner like the rest, within the messaging limit.
// Unknown recipients are never included: the owner resends them one by
// one from their conversation after checking.
func (c *BroadcastUseCases) RetryBroadcastFailed(ctx context.Context, broadcastID int64) (int, error) {
	b, err := c.store.Broadcast(ctx, broadcastID)
	if err != nil {
		return 0, fmt.Errorf("retry broadcast: %w", err)
	}
	if b.State == BroadcastCancelled {
		return 0, fmt.Errorf("retry broadcast %d: it was cancelled: %w", broadcastID, ErrBroadcastState)
	}
	rs, err := c.BroadcastRecipients(ctx, broadcastID)
	if err != nil {
		return 0, err
	}
	var ids []int64
	for _, r := range rs {
		if r.Outcome == OutcomeFailed && r.Retryable && r.MessageID != 0 {
			ids = append(ids, r.MessageID)
		}
	}
	if len(ids) == 0 {
		return 0, nil
	}
	n, err := c.store.RetryBroadcastMessages(ctx, broadcastID, ids)
	if err != nil {
		return 0, fmt.Errorf("retry broadcast: %w", err)
	}
	c.log.Info("broadcast retry", "broadcast", broadcastID, "recipients", n)
	c.publishBroadcast(b.ChannelID, broadcastID)
	c.wakeBroadcasts()
	return n, nil
}

// ExportBroadcastResults writes the results as CSV (number, name,
// outcome, reason, sent, delivered, read, replied) to path; times are
// local, as the owner reads them, in a form spreadsheets understand.
func (c *BroadcastUseCases) ExportBroadcastResults(ctx context.Context, broadcastID int64, path string) error {
	rs, err := c.BroadcastRecipients(ctx, broadcastID)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	buf.WriteString("\uFEFF") // a byte order mark: spreadsheets then read UTF-8
	w := csv.NewWriter(&buf)
	w.UseCRLF = true
	at := func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return t.Local().Format("2006-01-02 15:04:05")
	}
	_ = w.Write([]string{"number", "name", "outcome", "reason", "sent", "delivered", "read", "replied"})
	for _, r := range rs {
		replied := "no"
		if r.Replied {
			replied = "yes"
		}
		_ = w.Write([]string{"+" + r.WAID, csvCell(r.Name), string(r.Outcome), csvCell(r.Reason), at(r.SentAt), at(r.DeliveredAt), at(r.ReadAt), replied})
	}
	w.Flush()
	if err := w.Error(); err != nil {
		return fmt.Errorf("export broadcast results: %w", err)
	}
	f, err := c.exports.Create(path)
	if err != nil {
		return fmt.Errorf("export broadcast results: %w", err)
	}
	if _, err := f.Write(buf.Bytes()); err != nil {
		f.Abort()
		return fmt.Errorf("export broadcast results: %w", err)
	}
	if err := f.Commit(); err != nil {
		return fmt.Errorf("export broadcast results: %w", err)
	}
	return nil
}

// wakeBroadcasts nudges a running broadcast runner; it never blocks.
func (c *ports) wakeBroadcasts() {
	select {
	case c.broadcastWake <- struct{}{}:
	default:
	}
}
