package demo

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"sort"
	"time"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/app/dialog360/emulator"
	"github.com/parley-app/parley/app/receiver"
)

// Pace of the simulated customers.
const (
	minPause = 30 * time.Second // between two spontaneous messages
	maxPause = 90 * time.Second
	minTap   = 8 * time.Second // from a template to the customer's tap
	maxTap   = 20 * time.Second
	minReply = 10 * time.Second // from the bakery's message to a thank-you
	maxReply = 25 * time.Second
	typing   = 5 * time.Second // from a tap or a location to the text after it
)

// webhookTarget is where the demo channel's webhooks go: the receiver's
// URL for the channel and the channel's shared secret.
type webhookTarget struct {
	url, secret string
}

// pending is a customer message waiting for its time.
type pending struct {
	due time.Time
	seq int
	who customer
	say said
}

// simulator plays the bakery's customers while the demo runs: every 30 to
// 90 seconds one of them writes, they tap the quick replies of templates
// the owner sends them, and now and then they thank the owner for an
// answer. Texts and files reach Parley through the emulator (which then
// also opens the 24-hour window); taps and locations, which the emulator
// cannot simulate, are posted to the receiver as 360dialog would post them.
type simulator struct {
	emu       *emulator.Emulator
	now       func() time.Time
	rnd       *rand.Rand
	log       *slog.Logger
	hook      webhookTarget
	hc        *http.Client
	templates []seedTemplate
	script    []liveLine

	next   int       // index of the next spontaneous line
	nextAt time.Time // when it is due
	seen   int       // sent messages already answered
	queue  []pending
	seq    int
}

func newSimulator(emu *emulator.Emulator, now func() time.Time, hook webhookTarget, templates []seedTemplate, log *slog.Logger) *simulator {
	s := &simulator{
		emu: emu, now: now, rnd: rand.New(rand.NewPCG(2024, 6)), log: log, hook: hook,
		hc: &http.Client{Timeout: 5 * time.Second}, templates: templates, script: liveScript(),
	}
	s.nextAt = now().Add(s.pause(minPause, maxPause))
	return s
}

// run steps the simulation every second until ctx ends.
func (s *simulator) run(ctx context.Context) {
	t := time.NewTicker(time.Second)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			s.step(ctx)
		}
	}
}

// step answers what the owner sent since the last step, lets the next
// customer write when it is time, and sends every message that is due.
func (s *simulator) step(ctx context.Context) {
	now := s.now()
	s.answerSent(now)
	if !now.Before(s.nextAt) {
		line := s.script[s.next%len(s.script)]
		s.next++
		s.nextAt = now.Add(s.pause(minPause, maxPause))
		s.later(now, line.who, line.say)
		if line.then != "" {
			s.later(now.Add(typing), line.who, text(line.then))
		}
	}
	sort.SliceStable(s.queue, func(i, j int) bool {
		if !s.queue[i].due.Equal(s.queue[j].due) {
			return s.queue[i].due.Before(s.queue[j].due)
		}
		return s.queue[i].seq < s.queue[j].seq
	})
	for len(s.queue) > 0 && !s.queue[0].due.After(now) {
		p := s.queue[0]
		s.queue = s.queue[1:]
		if err := s.send(ctx, now, p.who, p.say); err != nil {
			s.log.Warn("demo: a simulated customer message did not arrive", "customer", p.who.Name, "err", err)
		}
	}
}

// answerSent looks at the messages the owner sent since the last step:
// a template with quick replies gets a tap and a text after it; other
// messages sometimes get a thank-you.
func (s *simulator) answerSent(now time.Time) {
	sent := s.emu.Sent(APIKey)
	for _, m := range sent[min(s.seen, len(sent)):] {
		who, ok := customerByWAID(m.To)
		if !ok {
			continue
		}
		if m.Template != nil {
			if buttons := quickReplies(s.templates, m.Template.Name, m.Template.Language); len(buttons) > 0 {
				choice := buttons[0]
				if len(buttons) > 1 && s.rnd.IntN(3) == 0 {
					choice = buttons[1]
				}
				at := now.Add(s.pause(minTap, maxTap))
				s.later(at, who, said{kind: app.MsgButtonReply, text: choice, replyTo: m.ID})
				if after := afterTap[choice]; after != "" {
					s.later(at.Add(typing), who, text(after))
				}
				continue
			}
		}
		if s.rnd.IntN(2) == 0 {
			lines := thanks[who.Lang]
			s.later(now.Add(s.pause(minReply, maxReply)), who, text(lines[s.rnd.IntN(len(lines))]))
		}
	}
	s.seen = len(sent)
}

// later queues a message of who for time at.
func (s *simulator) later(at time.Time, who customer, say said) {
	s.seq++
	s.queue = append(s.queue, pending{due: at, seq: s.seq, who: who, say: say})
}

// pause is a random duration in [lo, hi].
func (s *simulator) pause(lo, hi time.Duration) time.Duration {
	return lo + time.Duration(s.rnd.Int64N(int64(hi-lo)+1))
}

// send lets who send say now.
func (s *simulator) send(ctx context.Context, now time.Time, who customer, say said) error {
	switch say.kind {
	case app.MsgText:
		_, err := s.emu.Inbound(APIKey, who.Phone, who.Name, say.text)
		return err
	case app.MsgImage, app.MsgDocument:
		f := say.file
		_, err := s.emu.InboundMedia(APIKey, who.Phone, who.Name, say.kind, f.name, f.mime, f.data(), say.text)
		return err
	}
	s.seq++
	wamid := fmt.Sprintf("wamid.HBgLZGVtb2xpdmU%dX%04dFQIAERgS", now.UnixNano(), s.seq)
	body, err := webhookBody(demoPhoneID, who, wamid, now, say, "")
	if err != nil {
		return err
	}
	return s.post(ctx, body)
}

// post delivers a webhook body to the receiver, as 360dialog would.
func (s *simulator) post(ctx context.Context, body []byte) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, s.hook.url, bytes.NewReader(body))
	if err != nil {
		return fmt.Errorf("post webhook: %w", err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set(receiver.DefaultSecretHeader, s.hook.secret)
	resp, err := s.hc.Do(req)
	if err != nil {
		return fmt.Errorf("post webhook: %w", err)
	}
	_, _ = io.Copy(io.Discard, resp.Body)
	_ = resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("post webhook: the receiver answered %d", resp.StatusCode)
	}
	return nil
}
