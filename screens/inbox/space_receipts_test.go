package inbox

import (
	"slices"
	"testing"
	"time"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/screens/screentest"
)

// sendReceipts runs one round of the outbox's read receipts.
func (sw *spaceWorld) sendReceipts() {
	sw.Core.NewOutbox(app.OutboxOptions{}).SendReadReceiptsOnce(sw.Ctx)
}

// Opening a conversation in the Space marks the customer's newest message
// read at WhatsApp (blue ticks for the customer), and so does a message
// arriving in the open conversation.
func TestOpeningAConversationSendsReadReceipt(t *testing.T) {
	sw := newSpaceWorld(t)
	sw.writes(t, annaWAID, "Anna Schmidt", "Is my cake ready?")
	newest := sw.writes(t, annaWAID, "Anna Schmidt", "It's for *Saturday*")

	sw.open(t, "Anna Schmidt")
	sw.sendReceipts()
	if got := sw.Emu.ReadMarks(screentest.WorldKey); !slices.Equal(got, []string{newest}) {
		t.Fatalf("WhatsApp was told %v read, want the newest message %s", got, newest)
	}

	sw.Clock.Advance(time.Minute)
	later := sw.writes(t, annaWAID, "Anna Schmidt", "Can I pick it up at 9?")
	sw.sendReceipts()
	if got := sw.Emu.ReadMarks(screentest.WorldKey); !slices.Equal(got, []string{newest, later}) {
		t.Fatalf("a message arriving in the open conversation: WhatsApp was told %v read, want %s too", got, later)
	}
}

// With read receipts off, opening a conversation still clears its unread
// count here but tells WhatsApp nothing.
func TestReadReceiptsOffOpeningSendsNothing(t *testing.T) {
	sw := newSpaceWorld(t)
	if err := sw.Core.SetReadReceipts(sw.Ctx, false); err != nil {
		t.Fatal(err)
	}
	sw.writes(t, annaWAID, "Anna Schmidt", "Is my cake ready?")

	v := sw.open(t, "Anna Schmidt")
	sw.sendReceipts()
	if cv, _ := sw.Core.Conversation(sw.Ctx, v.conv.ID); cv.Unread != 0 {
		t.Errorf("unread after opening: %d", cv.Unread)
	}
	if got := sw.Emu.ReadMarks(screentest.WorldKey); len(got) != 0 {
		t.Fatalf("with read receipts off WhatsApp was told %v read", got)
	}
}
