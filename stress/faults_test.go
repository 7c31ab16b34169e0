package stress

import (
	"context"
	"fmt"
	"reflect"
	"testing"
	"time"

	"github.com/zalando/go-keyring"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/app/dialog360"
	"github.com/parley-app/parley/app/dialog360/emulator"
	"github.com/parley-app/parley/persistence"
)

// retry runs op until it succeeds, as the background loop does on its
// schedule, at most attempts times; the last error fails the test.
func retry(t *testing.T, what string, attempts int, op func() error) int {
	t.Helper()
	var err error
	for i := 1; i <= attempts; i++ {
		if err = op(); err == nil {
			return i
		}
	}
	t.Fatalf("%s failed %d times in a row: %v", what, attempts, err)
	return attempts
}

// With the emulator failing one request in five (429, 500, 502 or a
// dropped connection) and answering slowly, template sync and profile
// sync still end with exactly WhatsApp's data, and the outbox sends every
// reply once (or marks it unknown when a dropped answer leaves it open),
// never twice.
func TestFaultsStillGiveCorrectResults(t *testing.T) {
	const key = "STRESS-FAULTS-KEY-77aa88bb"
	latency := pick(50*time.Millisecond, 2*time.Second)
	replies := pick(20, 60)
	ctx := context.Background()
	keyring.MockInit()

	emu := emulator.New(emulator.WithManualDelivery(), emulator.WithMaxPageSize(10), emulator.WithSeed(7))
	emu.AddNumber(key, "+4930123456", "Bäckerei Müller")
	url, err := emu.Start("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(emu.Close)
	st, err := persistence.Open(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	core := app.New(app.Deps{Store: st, Secrets: persistence.NewKeyringSecrets(), Providers: dialog360.Factory(dialog360.WithBaseURL(url))})
	ch, err := core.AddChannel(ctx, app.NewChannel{Name: "Shop", Number: "+4930123456", APIKey: key})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{}
	for i := range 35 {
		name := fmt.Sprintf("offer_%02d", i)
		want[name] = true
		if err := emu.AddTemplate(key, app.Template{Name: name, Language: "de", Category: app.CategoryMarketing, Body: "Angebot " + name}); err != nil {
			t.Fatal(err)
		}
	}
	profile := app.Profile{About: "Frisches Brot seit 1952", Address: "Hauptstraße 1, Berlin", Email: "hallo@example.com",
		Vertical: "RETAIL", Websites: []string{"https://example.com"}}
	emu.SetProfile(key, profile)
	var convs []int64
	for i := range 10 {
		from := fmt.Sprintf("49172%07d", i)
		if _, err := emu.Inbound(key, from, "Customer", "Hallo"); err != nil {
			t.Fatal(err)
		}
		ins, err := st.IngestBatch(ctx, ch.ID, app.InboundBatch{Messages: []app.Message{{WAMessageID: "wamid.f" + from,
			From: from, Type: app.MsgText, RawType: "text", Text: "Hallo", Timestamp: time.Now()}}})
		if err != nil {
			t.Fatal(err)
		}
		convs = append(convs, ins[0].ConversationID)
	}
	for i := range replies {
		if _, err := core.SendText(ctx, convs[i%len(convs)], fmt.Sprintf("reply %d", i), ""); err != nil {
			t.Fatal(err)
		}
	}

	emu.SetRetryAfter(200 * time.Millisecond)
	emu.SetLatency(latency)
	emu.SetFaultRate(0.2, emulator.Fault429, emulator.Fault500, emulator.Fault502, emulator.FaultDrop)

	tries := retry(t, "template sync", 10, func() error { _, err := core.SyncTemplates(ctx, ch.ID, nil); return err })
	list, err := core.Templates(ctx, ch.ID)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]bool{}
	for _, tpl := range list.Templates {
		got[tpl.Name] = true
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("after template sync under faults the list holds %d templates, want %d", len(got), len(want))
	}
	ptries := retry(t, "profile sync", 10, func() error { _, err := core.SyncProfile(ctx, ch.ID); return err })
	rec, err := core.Profile(ctx, ch.ID)
	if err != nil {
		t.Fatal(err)
	}
	if rec.Remote.About != profile.About || rec.Remote.Email != profile.Email || !reflect.DeepEqual(rec.Remote.Websites, profile.Websites) {
		t.Errorf("after profile sync under faults: %+v", rec.Remote)
	}

	run, stop := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() { core.RunOutbox(run, app.OutboxOptions{MaxBackoff: time.Second}); close(done) }()
	deadline := time.Now().Add(pick(2*time.Minute, 10*time.Minute))
	for pending(t, st, convs) > 0 {
		if time.Now().After(deadline) {
			t.Fatalf("the outbox still has %d replies after the deadline", pending(t, st, convs))
		}
		time.Sleep(50 * time.Millisecond) // polling the worker's progress
	}
	stop()
	<-done

	states := replyOutcomes(t, st, convs, emu.Sent(key))
	if states[app.StateSent]+states[app.StateUnknown] != replies {
		t.Errorf("replies end as %v, want all %d sent or unknown", states, replies)
	}
	t.Logf("latency %s, 20%% faults: template sync took %d tries, profile sync %d; replies %v", latency, tries, ptries, states)
}
