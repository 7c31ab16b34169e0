package app

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/parley-app/parley/app/waformat"
)

// broadcastPace is the messages per second a plan assumes: WhatsApp's
// default throughput per number, the outbox's default rate.
const broadcastPace = 80

// startSlack is how far in the past a draft's start time may be and
// still mean "now" (the owner took a minute to press Start).
const startSlack = 5 * time.Minute

// PlanBroadcast checks the draft (ValidationErrors at its fields: the
// template, each variable's mapping, the header file, an empty audience,
// a start time in the past) and says what starting it would do: how many
// days the messaging limit spreads it over, the template's cost
// category and the channel's quality rating.
func (c *BroadcastUseCases) PlanBroadcast(ctx context.Context, d BroadcastDraft) (BroadcastPlan, error) {
	if err := c.checkDraft(d); err != nil {
		return BroadcastPlan{}, err
	}
	ch, err := c.store.Channel(ctx, d.ChannelID)
	if err != nil {
		return BroadcastPlan{}, fmt.Errorf("plan broadcast: %w", err)
	}
	limit, known := dailyLimit(ch.Health.Limit)
	used, _, err := c.store.TemplateCustomers(ctx, d.ChannelID, c.clock.Now().Add(-24*time.Hour))
	if err != nil {
		return BroadcastPlan{}, fmt.Errorf("plan broadcast: %w", err)
	}
	n := len(d.Audience.Recipients)
	return BroadcastPlan{
		Recipients: n, DailyLimit: limit, LimitKnown: known, UsedToday: used,
		Days: broadcastDays(n, limit, used), Category: d.Template.Category, Quality: ch.Health.Quality,
		SecondsAtFullSpeed: float64(min(n, limit)) / broadcastPace,
	}, nil
}

// dailyLimit is the unique customers per 24 hours of a messaging limit,
// and whether WhatsApp told it; DefaultDailyLimit when it did not.
func dailyLimit(l MessagingLimit) (int, bool) {
	if size, ok := limitSizes[l]; ok && size > 0 {
		return size, true
	}
	return DefaultDailyLimit, false
}

// broadcastDays is how many days n recipients take under a limit of
// limit customers a day when used were reached in the last 24 hours.
func broadcastDays(n, limit, used int) int {
	left := max(limit-used, 0)
	if n <= left {
		return 1
	}
	return 1 + (n-left+limit-1)/limit
}

// checkDraft returns the draft's problems at their fields.
func (c *BroadcastUseCases) checkDraft(d BroadcastDraft) error {
	var errs ValidationErrors
	t := d.Template
	switch {
	case t.Name == "":
		errs = append(errs, FieldError{Field: FieldBroadcastTemplate, Message: "Choose the template to send."})
	case t.Status != TemplateApproved:
		errs = append(errs, FieldError{Field: FieldBroadcastTemplate, Message: fmt.Sprintf(
			"Template %q is %s; only approved templates can be sent. Sync templates to see the latest status.", t.Name, strings.ToLower(StatusLabel(t.Status)))})
	}
	recipients := d.Audience.Recipients
	if len(recipients) == 0 {
		errs = append(errs, FieldError{Field: FieldBroadcastAudience, Message: "Nobody is on the list yet: choose who receives the broadcast."})
	}
	for i := range waformat.Params(t.Body) {
		var m ValueMapping
		if i < len(d.Body) {
			m = d.Body[i]
		}
		errs = append(errs, checkMapping(m, fmt.Sprintf("%s.%d", FieldBroadcastValue, i+1), fmt.Sprintf("{{%d}}", i+1), d.Audience, recipients)...)
	}
	if len(waformat.Params(t.Header.Text)) > 0 {
		errs = append(errs, checkMapping(d.HeaderText, FieldBroadcastValue+".header", "the header's {{1}}", d.Audience, recipients)...)
	}
	for _, b := range t.Buttons {
		if b.Type == ButtonURL && strings.Contains(b.URL, "{{1}}") {
			errs = append(errs, checkMapping(d.URLParam, FieldBroadcastValue+".url", "the end of the button's link", d.Audience, recipients)...)
		}
	}
	if _, ok := mediaRules[t.Header.Format]; ok && t.Name != "" {
		inbox := &InboxUseCases{ports: c.ports}
		if _, err := inbox.checkHeaderFile(t.Header.Format, d.HeaderFile); err != nil {
			var ve ValidationErrors
			if !errors.As(err, &ve) {
				return err
			}
			errs = append(errs, ve...)
		}
	}
	if !d.StartAt.IsZero() && d.StartAt.Before(c.clock.Now().Add(-startSlack)) {
		errs = append(errs, FieldError{Field: FieldBroadcastStart, Message: "This time has passed. Choose a later time, or send now."})
	}
	return errs.OrNil()
}

// checkMapping checks one variable's mapping, and that it gives every
// recipient a value.
func checkMapping(m ValueMapping, field, what string, a Audience, recipients []Recipient) ValidationErrors {
	bad := func(f string, args ...any) ValidationErrors {
		return ValidationErrors{{Field: field, Message: fmt.Sprintf(f, args...)}}
	}
	switch m.Source {
	case "":
		return bad("Choose what fills %s.", what)
	case ValueColumn:
		if !slices.Contains(a.Columns, m.Column) {
			return bad("The file has no column %q for %s. Choose one of its columns.", m.Column, what)
		}
	case ValueFixed:
		if strings.TrimSpace(m.Text) == "" {
			return bad("Type the text for %s.", what)
		}
		return nil
	case ValueContactPhone:
		return nil
	case ValueContactName:
		if strings.TrimSpace(m.Text) != "" {
			return nil
		}
	default:
		return bad("Choose what fills %s.", what)
	}
	missing, first := 0, -1
	for i, r := range recipients {
		if strings.TrimSpace(m.valueFor(r)) == "" {
			missing++
			if first < 0 {
				first = i
			}
		}
	}
	if missing == 0 {
		return nil
	}
	who := FormatPhone("+" + recipients[first].WAID)
	if row := recipients[first].Row; row > 0 {
		who = fmt.Sprintf("row %d, %s", row, who)
	}
	if m.Source == ValueContactName {
		return bad("%s have no name for %s (the first: %s). Type a text to use for them.", customers(missing), what, who)
	}
	return bad("%s have nothing in column %q for %s (the first: %s). Fill it in the file, or choose another value.", customers(missing), m.Column, what, who)
}

// customers is "1 customer" or "n customers".
func customers(n int) string {
	if n == 1 {
		return "1 customer"
	}
	return GroupThousands(n) + " customers"
}

// SendBroadcastTest sends the draft's template, with the first
// recipient's values, to the owner's own number first; the message goes
// through the outbox like any other (its conversation is the owner's).
func (c *BroadcastUseCases) SendBroadcastTest(ctx context.Context, d BroadcastDraft, ownNumber string) (Message, error) {
	if _, err := NormalizePhone(ownNumber); err != nil {
		return Message{}, ValidationErrors{{Field: FieldBroadcastTest, Message: err.Error()}}
	}
	if err := c.checkDraft(d); err != nil {
		return Message{}, err
	}
	inbox := &InboxUseCases{ports: c.ports}
	m, err := inbox.StartConversation(ctx, d.ChannelID, ownNumber, d.Template, broadcastValues(d, d.Audience.Recipients[0]))
	if err != nil {
		return Message{}, fmt.Errorf("send test of broadcast: %w", err)
	}
	return m, nil
}

// CreateBroadcast stores the draft as one broadcast and one outbox
// message per recipient in one transaction, and starts it (now or at
// StartAt). It refuses an invalid draft like PlanBroadcast, and one over
// today's limit without SpreadOverDays with ErrOverDailyLimit. A media
// header's file is kept in the media folder and uploaded once, before
// anything is stored; every recipient's message names the same media id.
func (c *BroadcastUseCases) CreateBroadcast(ctx context.Context, d BroadcastDraft) (Broadcast, error) {
	plan, err := c.PlanBroadcast(ctx, d)
	if err != nil {
		return Broadcast{}, err
	}
	if plan.Days > 1 && !d.SpreadOverDays {
		return Broadcast{}, fmt.Errorf("create broadcast: %w (%s, %s left today)", ErrOverDailyLimit,
			customers(plan.Recipients), GroupThousands(max(plan.DailyLimit-plan.UsedToday, 0)))
	}
	now := c.clock.Now()
	rec := BroadcastRecord{ChannelID: d.ChannelID, Name: strings.TrimSpace(d.Name), Template: d.Template,
		Body: d.Body, HeaderText: d.HeaderText, URLParam: d.URLParam, HeaderFile: d.HeaderFile,
		State: BroadcastSending, StartAt: now, CreatedAt: now, DailyLimit: plan.DailyLimit, Spread: d.SpreadOverDays,
		Recipients: d.Audience.Recipients}
	if rec.Name == "" {
		rec.Name = d.Template.Name
	}
	if d.StartAt.After(now) {
		rec.State, rec.StartAt = BroadcastScheduled, d.StartAt
	}
	var media *Media
	if _, ok := mediaRules[d.Template.Header.Format]; ok {
		if media, err = c.uploadHeaderOnce(ctx, d); err != nil {
			return Broadcast{}, err
		}
		rec.HeaderMediaID = media.ID
	}
	if rec.Messages, err = broadcastMessages(d, media); err != nil {
		return Broadcast{}, err
	}
	id, err := c.store.CreateBroadcast(ctx, rec)
	if err != nil {
		return Broadcast{}, fmt.Errorf("create broadcast: %w", err)
	}
	c.log.Info("broadcast created", "broadcast", id, "recipients", len(rec.Recipients), "state", rec.State)
	c.publishBroadcast(d.ChannelID, id)
	c.wakeBroadcasts()
	b, err := c.store.Broadcast(ctx, id)
	if err != nil {
		return Broadcast{}, fmt.Errorf("create broadcast: %w", err)
	}
	return b, nil
}

// uploadHeaderOnce keeps the draft's header file in the media folder and
// uploads it, for every recipient's message to name by its media id.
func (c *BroadcastUseCases) uploadHeaderOnce(ctx context.Context, d BroadcastDraft) (*Media, error) {
	inbox := &InboxUseCases{ports: c.ports}
	media, err := inbox.keepHeaderFile(ctx, d.ChannelID, d.Template, d.HeaderFile)
	if err != nil {
		return nil, err
	}
	p, err := c.provider(d.ChannelID)
	if err != nil {
		return nil, keyringProblem("upload the header file", err)
	}
	data, err := c.files.ReadFile(media.LocalPath)
	if err != nil {
		return nil, fmt.Errorf("upload the header file: read %s: %w", DisplayName(media.Filename), err)
	}
	if media.ID, err = p.UploadMedia(ctx, media.Filename, media.MIMEType, data); err != nil {
		return nil, fmt.Errorf("upload the header file: %w", err)
	}
	last := HeaderFile{Path: media.LocalPath, Name: media.Filename}
	if err := c.store.SetTemplateHeaderFile(ctx, d.ChannelID, d.Template.Name, d.Template.Language, last); err != nil {
		c.log.Warn("remember the header file", "template", d.Template.Name, "err", err)
	}
	return media, nil
}

// broadcastMessages builds every recipient's message: the template with
// their values, its text as the thread shows it, and the uploaded header.
// The template is checked once (templateSend); each recipient then only
// gets their values, without parsing the template again.
func broadcastMessages(d BroadcastDraft, media *Media) ([]Message, error) {
	recipients := d.Audience.Recipients
	if len(recipients) == 0 {
		return nil, nil
	}
	base, err := templateSend(d.Template, broadcastValues(d, recipients[0]))
	if err != nil {
		return nil, fmt.Errorf("create broadcast: values for %s: %w", recipients[0].WAID, err)
	}
	if media != nil {
		base.HeaderMediaID = media.ID
		if base.HeaderMediaFormat == HeaderDocument {
			base.HeaderMediaFilename = media.Filename
		}
	}
	body := waformat.Parse(d.Template.Body)
	headerText := len(waformat.Params(d.Template.Header.Text)) > 0
	out := make([]Message, len(recipients))
	for i, r := range recipients {
		send := base
		send.BodyParams = make([]string, len(base.BodyParams))
		for j := range send.BodyParams {
			if j < len(d.Body) {
				send.BodyParams[j] = d.Body[j].valueFor(r)
			}
			if strings.TrimSpace(send.BodyParams[j]) == "" {
				return nil, fmt.Errorf("create broadcast: %s has no value for {{%d}}", r.WAID, j+1)
			}
		}
		if headerText {
			send.HeaderText = d.HeaderText.valueFor(r)
		}
		if base.URLButtonParam != "" {
			send.URLButtonParam = d.URLParam.valueFor(r)
		}
		out[i] = Message{Type: MsgTemplate, Template: &send, Media: media,
			Text: waformat.Plain(waformat.Substitute(body, waformat.SamplesFromList(send.BodyParams)))}
	}
	return out, nil
}

// publishBroadcast tells subscribers the broadcast changed.
func (c *ports) publishBroadcast(channel ChannelID, broadcastID int64) {
	c.bus.Publish(Event{Kind: EventBroadcastsChanged, ChannelID: channel, BroadcastID: broadcastID})
}
