package persistence

import (
	"context"
	"testing"
)

// The tray's count is every unread message of every channel, and reading
// a conversation takes its messages off the count.
func TestUnreadTotalCountsEveryChannel(t *testing.T) {
	ctx := context.Background()
	s := openTestStore(t)
	shop, cafe := addChannel(t, s, "Shop"), addChannel(t, s, "Cafe")
	if n, err := s.UnreadTotal(ctx); err != nil || n != 0 {
		t.Fatalf("an empty store counts %d unread (%v), want 0", n, err)
	}
	ann := mustIngest(t, s, shop.ID, textBatch("4917012345", "Ann", "wamid.A", 3))
	mustIngest(t, s, cafe.ID, textBatch("4917099999", "Bob", "wamid.B", 2))
	if n, err := s.UnreadTotal(ctx); err != nil || n != 5 {
		t.Fatalf("unread = %d (%v), want 3 + 2", n, err)
	}
	if err := s.MarkConversationRead(ctx, ann[0].ConversationID); err != nil {
		t.Fatal(err)
	}
	if n, err := s.UnreadTotal(ctx); err != nil || n != 2 {
		t.Errorf("after reading Ann's conversation unread = %d (%v), want Bob's 2", n, err)
	}
}
