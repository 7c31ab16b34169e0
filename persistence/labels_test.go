package persistence

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/parley-app/parley/app"
)

// labelNames returns the names of ls, in order.
func labelNames(ls []app.Label) []string {
	var names []string
	for _, l := range ls {
		names = append(names, l.Name)
	}
	return names
}

// TestLabelsStartWithAShopsFourAndChange: a new database has the four
// labels a shop starts with; the owner adds, renames, recolours and
// deletes, and a name differing only in case is taken.
func TestLabelsStartWithAShopsFourAndChange(t *testing.T) {
	ctx := context.Background()
	s := openTestStore(t)
	ls, err := s.Labels(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := labelNames(ls), []string{"New customer", "Order", "Paid", "Pending"}; !slices.Equal(got, want) {
		t.Fatalf("a new database has labels %q, want %q", got, want)
	}

	vip, err := s.CreateLabel(ctx, app.Label{Name: "VIP", Color: app.LabelPurple}, baseTime)
	if err != nil || vip.ID == 0 {
		t.Fatalf("CreateLabel = %+v, %v", vip, err)
	}
	if _, err := s.CreateLabel(ctx, app.Label{Name: "paid", Color: app.LabelRed}, baseTime); !errors.Is(err, app.ErrLabelExists) {
		t.Errorf("a second \"paid\" = %v, want ErrLabelExists", err)
	}
	vip.Name, vip.Color = "Best customers", app.LabelPink
	if err := s.UpdateLabel(ctx, vip); err != nil {
		t.Fatal(err)
	}
	if err := s.UpdateLabel(ctx, app.Label{ID: vip.ID, Name: "ORDER", Color: app.LabelPink}); !errors.Is(err, app.ErrLabelExists) {
		t.Errorf("renaming to ORDER = %v, want ErrLabelExists", err)
	}
	if err := s.UpdateLabel(ctx, app.Label{ID: 999, Name: "Gone", Color: app.LabelPink}); !errors.Is(err, app.ErrNotFound) {
		t.Errorf("renaming a missing label = %v, want ErrNotFound", err)
	}
	ls, _ = s.Labels(ctx)
	if i := slices.IndexFunc(ls, func(l app.Label) bool { return l.ID == vip.ID }); i != 0 || ls[i].Color != app.LabelPink || ls[i].Name != "Best customers" {
		t.Errorf("labels = %+v; want Best customers first, pink", ls)
	}
	if err := s.DeleteLabel(ctx, vip.ID); err != nil {
		t.Fatal(err)
	}
	if ls, _ = s.Labels(ctx); len(ls) != 4 {
		t.Errorf("after deleting, labels = %q", labelNames(ls))
	}
}

// TestConversationLabelsCascade: labels on a conversation come with it,
// by name; deleting a label takes it off, and removing the channel
// removes the conversation's labels but not the labels.
func TestConversationLabelsCascade(t *testing.T) {
	ctx := context.Background()
	s := openTestStore(t)
	c := addChannel(t, s, "Shop")
	ms := mustIngest(t, s, c.ID, textBatch("4917012345", "Ann", "wamid.A", 1))
	conv := ms[0].ConversationID
	ls, _ := s.Labels(ctx) // New customer, Order, Paid, Pending
	for _, l := range []app.Label{ls[2], ls[1], ls[1]} {
		if err := s.SetConversationLabel(ctx, conv, l.ID, true); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.SetConversationLabel(ctx, 999, ls[0].ID, true); !errors.Is(err, app.ErrNotFound) {
		t.Errorf("labelling a missing conversation = %v, want ErrNotFound", err)
	}
	got, _ := s.Conversation(ctx, conv)
	if want := []int64{ls[1].ID, ls[2].ID}; !slices.Equal(got.Labels, want) {
		t.Errorf("labels of the conversation = %v, want Order and Paid %v", got.Labels, want)
	}
	if err := s.SetConversationLabel(ctx, conv, ls[2].ID, false); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteLabel(ctx, ls[1].ID); err != nil {
		t.Fatal(err)
	}
	if all, _ := s.Conversations(ctx, c.ID); len(all) != 1 || len(all[0].Labels) != 0 {
		t.Errorf("after taking Paid off and deleting Order, conversations = %+v", all)
	}
	if err := s.SetConversationLabel(ctx, conv, ls[3].ID, true); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteChannel(ctx, c.ID); err != nil {
		t.Fatal(err)
	}
	if n := countRows(t, s, "conversation_labels"); n != 0 {
		t.Errorf("%d labels of conversations remain after removing the channel", n)
	}
	if ls, _ := s.Labels(ctx); len(ls) != 3 {
		t.Errorf("removing a channel changed the labels: %q", labelNames(ls))
	}
}

// TestArchivedConversationReturnsWhenTheCustomerWrites: an archived
// conversation stays archived through the owner's own messages from the
// phone and comes back with the customer's next message.
func TestArchivedConversationReturnsWhenTheCustomerWrites(t *testing.T) {
	ctx := context.Background()
	s := openTestStore(t)
	c := addChannel(t, s, "Shop")
	conv := mustIngest(t, s, c.ID, textBatch("4917012345", "Ann", "wamid.A", 2))[0].ConversationID
	archive := func() {
		t.Helper()
		if err := s.ArchiveConversation(ctx, conv, baseTime.Add(time.Hour)); err != nil {
			t.Fatal(err)
		}
	}
	archive()
	mustIngest(t, s, c.ID, app.InboundBatch{Echoes: []app.Message{echo("4917012345", "wamid.E1", "Thanks!", baseTime.Add(2*time.Hour))}})
	if got, _ := s.Conversation(ctx, conv); !got.Archived() {
		t.Fatalf("the owner's message from the phone brought the conversation back: %+v", got)
	}
	mustIngest(t, s, c.ID, app.InboundBatch{Messages: []app.Message{inbound("4917012345", "wamid.B", "One more thing", baseTime.Add(3*time.Hour))}})
	if got, _ := s.Conversation(ctx, conv); got.Archived() {
		t.Fatalf("the customer wrote, yet the conversation stays archived: %+v", got)
	}

	// A late message, older than the conversation's last, brings it back too.
	archive()
	mustIngest(t, s, c.ID, app.InboundBatch{Messages: []app.Message{inbound("4917012345", "wamid.C", "(late)", baseTime.Add(time.Minute/2))}})
	if got, _ := s.Conversation(ctx, conv); got.Archived() {
		t.Errorf("a late customer message left the conversation archived: %+v", got)
	}
	if err := s.ArchiveConversation(ctx, 999, baseTime); !errors.Is(err, app.ErrNotFound) {
		t.Errorf("archiving a missing conversation = %v, want ErrNotFound", err)
	}
}

// TestPinnedConversationsComeFirst: pinned conversations lead the list,
// the last pinned first, before newer unpinned ones; unpinned, a
// conversation goes back to its place.
func TestPinnedConversationsComeFirst(t *testing.T) {
	ctx := context.Background()
	s := openTestStore(t)
	c := addChannel(t, s, "Shop")
	ids := map[string]int64{}
	for i, name := range []string{"Ann", "Bob", "Cem"} { // Cem wrote last
		b := textBatch("49170"+string(rune('1'+i)), name, "wamid."+name, 1)
		b.Messages[0].Timestamp = baseTime.Add(time.Duration(i) * time.Hour)
		ids[name] = mustIngest(t, s, c.ID, b)[0].ConversationID
	}
	order := func() []int64 {
		cs, err := s.Conversations(ctx, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		var got []int64
		for _, cv := range cs {
			got = append(got, cv.ID)
		}
		return got
	}
	if err := s.PinConversation(ctx, ids["Ann"], baseTime); err != nil {
		t.Fatal(err)
	}
	if err := s.PinConversation(ctx, ids["Bob"], baseTime.Add(time.Minute)); err != nil {
		t.Fatal(err)
	}
	if got, want := order(), []int64{ids["Bob"], ids["Ann"], ids["Cem"]}; !slices.Equal(got, want) {
		t.Errorf("order with Ann then Bob pinned = %v, want Bob, Ann, Cem %v", got, want)
	}
	if err := s.PinConversation(ctx, ids["Bob"], time.Time{}); err != nil {
		t.Fatal(err)
	}
	if got, want := order(), []int64{ids["Ann"], ids["Cem"], ids["Bob"]}; !slices.Equal(got, want) {
		t.Errorf("order with Bob unpinned = %v, want Ann, Cem, Bob %v", got, want)
	}
}

// TestMarkConversationUnread: a read conversation counts one unread
// message again; one with unread messages keeps its count.
func TestMarkConversationUnread(t *testing.T) {
	ctx := context.Background()
	s := openTestStore(t)
	c := addChannel(t, s, "Shop")
	conv := mustIngest(t, s, c.ID, textBatch("4917012345", "Ann", "wamid.A", 3))[0].ConversationID
	if err := s.MarkConversationUnread(ctx, conv); err != nil {
		t.Fatal(err)
	}
	if n, _ := s.UnreadTotal(ctx); n != 3 {
		t.Errorf("unread after marking 3 unread messages unread = %d, want 3", n)
	}
	if err := s.MarkConversationRead(ctx, conv); err != nil {
		t.Fatal(err)
	}
	if err := s.MarkConversationUnread(ctx, conv); err != nil {
		t.Fatal(err)
	}
	if n, _ := s.UnreadTotal(ctx); n != 1 {
		t.Errorf("unread after marking a read conversation unread = %d, want 1", n)
	}
}
