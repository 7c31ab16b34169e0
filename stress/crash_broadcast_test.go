package stress

import (
	"context"
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/persistence"
)

// Parley is killed with SIGKILL at random moments while a broadcast to
// 2,000 customers drains into the emulator (answering after 20 ms), and
// restarted each time. No customer receives it twice, and in the end
// every recipient is sent, failed, or "unknown — check before
// resending"; none is left waiting, queued or half-sent. Runs inside a
// private keyring (make test): the binary reads the channel's key from
// it.
func TestCrashDuringBroadcastNeverSendsTwice(t *testing.T) {
	const key = "STRESS-BROADCAST-KEY-5f4e3d2c1b"
	kills, recipients := pick(4, 10), pick(500, 2000)
	ctx := context.Background()

	e := newEmulated(t, key)
	emu, h, st, core := e.emu, e.h, e.st, e.core
	tpl := app.Template{Name: "sunday", Language: "de", Category: app.CategoryMarketing, Status: app.TemplateApproved,
		Body: "Hallo {{1}}, am Sonntag haben wir geöffnet.", BodyExamples: []string{"Anna"}}
	if err := emu.AddTemplate(key, tpl); err != nil {
		t.Fatal(err)
	}
	// WhatsApp told the number it may reach 10,000 customers a day.
	if _, err := st.IngestBatch(ctx, h.ch.ID, app.InboundBatch{Health: []app.AccountHealthEvent{
		{Limit: app.Limit10K, Quality: app.QualityGreen, Timestamp: time.Now()}}}); err != nil {
		t.Fatal(err)
	}
	a := app.Audience{Source: app.AudienceCSV, Columns: []string{"phone", "name"}}
	for i := range recipients {
		name := fmt.Sprintf("Kunde %d", i)
		a.Recipients = append(a.Recipients, app.Recipient{WAID: fmt.Sprintf("49172%07d", i), Name: name,
			Columns: map[string]string{"name": name}})
	}
	bc, err := core.CreateBroadcast(ctx, app.BroadcastDraft{ChannelID: h.ch.ID, Name: "Sonntag", Template: tpl,
		Body: []app.ValueMapping{{Source: app.ValueColumn, Column: "name"}}, Audience: a})
	if err != nil {
		t.Fatal(err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}

	rnd := rand.New(rand.NewPCG(3, uint64(time.Now().UnixNano())))
	for range kills {
		h.start()
		time.Sleep(time.Duration(150+rnd.IntN(400)) * time.Millisecond) // chaos timing, not synchronisation
		h.kill()
	}
	h.start()
	st, err = persistence.Open(ctx, h.dir)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	deadline := time.Now().Add(5 * time.Minute)
	for {
		b, err := st.Broadcast(ctx, bc.ID)
		if err != nil {
			t.Fatal(err)
		}
		if b.State == app.BroadcastDone {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("after 5 minutes the broadcast is %s: %+v", b.State, b.Totals)
		}
		time.Sleep(200 * time.Millisecond) // polling another process's progress
	}
	h.stop()

	times := map[string]int{}
	for _, s := range emu.Sent(key) {
		times[s.To]++
	}
	rs, err := st.BroadcastRecipients(ctx, bc.ID)
	if err != nil {
		t.Fatal(err)
	}
	outcomes := map[app.RecipientOutcome]int{}
	for _, r := range rs {
		outcomes[r.Outcome]++
		n := times[r.WAID]
		switch r.Outcome {
		case app.OutcomeSent, app.OutcomeDelivered, app.OutcomeRead:
			if n != 1 {
				t.Errorf("%s shows %s and got the broadcast %d times", r.WAID, r.Outcome, n)
			}
		case app.OutcomeUnknown, app.OutcomeFailed:
			if n > 1 {
				t.Errorf("%s shows %s and got the broadcast %d times", r.WAID, r.Outcome, n)
			}
		default:
			t.Errorf("%s ends %s, want sent, failed or unknown", r.WAID, r.Outcome)
		}
	}
	if len(rs) != recipients {
		t.Fatalf("%d recipients, want %d", len(rs), recipients)
	}
	t.Logf("%d SIGKILLs during a broadcast to %d: %v; %d reached customers, none twice", kills, recipients, outcomes, len(emu.Sent(key)))
}
