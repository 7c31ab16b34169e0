package stress

import (
	"context"
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/app/dialog360/emulator"
	"github.com/parley-app/parley/persistence"
)

// Parley is killed with SIGKILL at random moments while its outbox sends
// queued replies to the emulator (answering after 20 ms), and restarted.
// No reply reaches a customer twice, and in the end every reply was sent
// or is marked "unknown — check before resending" for the owner; none is
// left queued or half-sent. Runs inside a private keyring (make test):
// the binary reads the channel's key from it.
func TestCrashDuringSendingNeverSendsTwice(t *testing.T) {
	const key = "STRESS-SEND-KEY-0a1b2c3d4e5f"
	kills, replies := pick(3, 20), pick(120, 600)
	customers := 30
	ctx := context.Background()

	e := newEmulated(t, key)
	emu, h, st, core := e.emu, e.h, e.st, e.core
	var convs []int64
	for i := range customers {
		from := fmt.Sprintf("49171%07d", i)
		if _, err := emu.Inbound(key, from, "Customer", "Hallo"); err != nil {
			t.Fatal(err)
		}
		ins, err := st.IngestBatch(ctx, h.ch.ID, app.InboundBatch{Messages: []app.Message{{WAMessageID: "wamid.in" + from,
			From: from, Type: app.MsgText, RawType: "text", Text: "Hallo", Timestamp: time.Now()}}})
		if err != nil {
			t.Fatal(err)
		}
		convs = append(convs, ins[0].ConversationID)
	}
	for i := range replies {
		if _, err := core.SendText(ctx, convs[i%customers], fmt.Sprintf("reply %d", i), ""); err != nil {
			t.Fatal(err)
		}
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}

	rnd := rand.New(rand.NewPCG(2, uint64(time.Now().UnixNano())))
	for range kills {
		h.start()
		time.Sleep(time.Duration(150+rnd.IntN(400)) * time.Millisecond) // chaos timing, not synchronisation
		h.kill()
	}
	h.start()
	st, err := persistence.Open(ctx, h.dir)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	deadline := time.Now().Add(3 * time.Minute)
	for pending(t, st, convs) > 0 {
		if time.Now().After(deadline) {
			t.Fatalf("after 3 minutes %d replies are still queued or sending", pending(t, st, convs))
		}
		time.Sleep(100 * time.Millisecond) // polling another process's progress
	}
	h.stop()

	states := replyOutcomes(t, st, convs, emu.Sent(key))
	if states[app.StateQueued]+states[app.StateSending] != 0 || states[app.StateSent]+states[app.StateUnknown] != replies {
		t.Errorf("replies end as %v, want all %d sent or unknown", states, replies)
	}
	t.Logf("%d SIGKILLs while sending: %v; %d reached customers, none twice", kills, states, len(emu.Sent(key)))
}

// replyOutcomes checks, against what the emulator received, that no
// reply reached a customer twice and that every reply shown as sent
// reached them once; it returns how many replies end in each state.
func replyOutcomes(t *testing.T, st *persistence.Store, convs []int64, sent []emulator.SentMessage) map[app.DeliveryState]int {
	t.Helper()
	times := map[string]int{}
	for _, s := range sent {
		times[s.Text]++
	}
	states := map[app.DeliveryState]int{}
	for _, id := range convs {
		ms, err := st.Messages(context.Background(), id, 0, 1000)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range ms {
			if m.Direction != app.Outbound {
				continue
			}
			states[m.State]++
			if n := times[m.Text]; n > 1 || (m.State == app.StateSent && n != 1) {
				t.Errorf("%q shows %s and reached the customer %d times", m.Text, m.State, n)
			}
		}
	}
	return states
}

// pending counts the replies still queued or being sent.
func pending(t *testing.T, st *persistence.Store, convs []int64) int {
	t.Helper()
	n := 0
	for _, id := range convs {
		ms, err := st.Messages(context.Background(), id, 0, 1000)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range ms {
			if m.Direction == app.Outbound && (m.State == app.StateQueued || m.State == app.StateSending) {
				n++
			}
		}
	}
	return n
}
