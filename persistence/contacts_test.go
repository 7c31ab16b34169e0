package persistence

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/parley-app/parley/app"
)

// TestContactFieldsSavedBesideWhatsAppNames saves the owner's fields of a
// customer and reads them back with the first and last contact times;
// WhatsApp's profile name keeps arriving beside them without erasing
// them, and the conversation list carries the owner's name.
func TestContactFieldsSavedBesideWhatsAppNames(t *testing.T) {
	ctx := context.Background()
	s := openTestStore(t)
	shop := addChannel(t, s, "Shop")
	msgs := mustIngest(t, s, shop.ID, textBatch("491", "Ann", "a", 3))
	convID := msgs[0].ConversationID

	birthday := time.Date(1990, 4, 23, 0, 0, 0, 0, time.UTC)
	f := app.ContactFields{CustomName: "Ann (bakery order)", Notes: "Prefers rye.\nPays on pickup.", Email: "ann@example.com",
		Birthday: birthday, Address: "1 Main St\nSpringfield"}
	if err := s.SaveContactFields(ctx, convID, f, baseTime.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	mustIngest(t, s, shop.ID, app.InboundBatch{Contacts: []app.Contact{{WAID: "491", Name: "Ann S."}},
		Messages: []app.Message{inbound("491", "b-0", "still there?", baseTime.Add(time.Hour))}})

	card, err := s.ContactCard(ctx, convID)
	if err != nil {
		t.Fatal(err)
	}
	if card.ContactFields != f {
		t.Errorf("fields = %+v, want %+v", card.ContactFields, f)
	}
	if card.ProfileName != "Ann S." || card.WAID != "491" || card.ChannelID != shop.ID {
		t.Errorf("card = %+v, want WhatsApp's new profile name beside the owner's fields", card)
	}
	if !card.FirstContact.Equal(baseTime) || !card.LastContact.Equal(baseTime.Add(time.Hour)) {
		t.Errorf("first/last contact = %v / %v, want %v / %v", card.FirstContact, card.LastContact, baseTime, baseTime.Add(time.Hour))
	}
	if !card.UpdatedAt.Equal(baseTime.Add(time.Hour)) {
		t.Errorf("updated at %v", card.UpdatedAt)
	}
	cvs, err := s.Conversations(ctx, shop.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(cvs) != 1 || cvs[0].CustomName != "Ann (bakery order)" || app.CustomerName(cvs[0]) != "Ann (bakery order)" {
		t.Errorf("the list shows %+v, want the owner's name", cvs)
	}
	all, err := s.ContactCards(ctx)
	if err != nil || len(all) != 1 || all[0].Email != "ann@example.com" {
		t.Errorf("ContactCards = %+v, %v", all, err)
	}

	// Clearing every field leaves an empty card, not the old values.
	if err := s.SaveContactFields(ctx, convID, app.ContactFields{}, baseTime.Add(2*time.Hour)); err != nil {
		t.Fatal(err)
	}
	if card, _ := s.ContactCard(ctx, convID); card.ContactFields != (app.ContactFields{}) {
		t.Errorf("after clearing: %+v", card.ContactFields)
	}
	if err := s.SaveContactFields(ctx, 9999, f, baseTime); !errors.Is(err, app.ErrNotFound) {
		t.Errorf("saving for a missing conversation: %v, want ErrNotFound", err)
	}
	if _, err := s.ContactCard(ctx, 9999); !errors.Is(err, app.ErrNotFound) {
		t.Errorf("reading a missing conversation: %v, want ErrNotFound", err)
	}
}

// TestRekeyKeepsTheOwnersFields: when a conversation gets the customer's
// real WhatsApp id, what the owner saved goes with it.
func TestRekeyKeepsTheOwnersFields(t *testing.T) {
	ctx := context.Background()
	s := openTestStore(t)
	shop := addChannel(t, s, "Shop")
	cv, err := s.ConversationFor(ctx, shop.ID, "4915", "")
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SaveContactFields(ctx, cv.ID, app.ContactFields{CustomName: "Mr. Silva", Notes: "VIP"}, baseTime); err != nil {
		t.Fatal(err)
	}
	kept, err := s.RekeyConversation(ctx, cv.ID, "49150")
	if err != nil {
		t.Fatal(err)
	}
	card, err := s.ContactCard(ctx, kept)
	if err != nil || card.CustomName != "Mr. Silva" || card.Notes != "VIP" {
		t.Errorf("after rekey: %+v, %v", card, err)
	}
}

// TestBackupHoldsEveryMessage backs up a database whose newest writes
// are still in the write-ahead log, while the store stays open, and opens
// the copy as Parley would: every message and the owner's fields are in
// it.
func TestBackupHoldsEveryMessage(t *testing.T) {
	ctx := context.Background()
	s := openTestStore(t)
	shop := addChannel(t, s, "Shop")
	msgs := mustIngest(t, s, shop.ID, textBatch("491", "Ann", "a", 300))
	if err := s.SaveContactFields(ctx, msgs[0].ConversationID, app.ContactFields{CustomName: "Ann from the corner"}, baseTime); err != nil {
		t.Fatal(err)
	}
	mustIngest(t, s, shop.ID, textBatch("492", "Ben", "b", 1))
	if info, err := os.Stat(s.Path() + "-wal"); err != nil || info.Size() == 0 {
		t.Fatalf("the write-ahead log is empty (%v): the test would not show it is included", err)
	}

	dir := t.TempDir()
	dst := filepath.Join(dir, DBFileName)
	if err := s.BackupDatabase(ctx, dst); err != nil {
		t.Fatal(err)
	}
	if err := s.BackupDatabase(ctx, dst); err == nil {
		t.Error("a second backup overwrote the first")
	}
	for _, extra := range []string{"-wal", "-journal"} {
		if info, err := os.Stat(dst + extra); err == nil && info.Size() > 0 {
			t.Errorf("the copy left %s beside it: it must be one file", extra)
		}
	}
	copyStore, err := Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	defer copyStore.Close()
	if n := countRows(t, copyStore, "messages"); n != 301 {
		t.Errorf("the copy has %d messages, want 301", n)
	}
	cvs, err := copyStore.Conversations(ctx, shop.ID)
	if err != nil || len(cvs) != 2 {
		t.Fatalf("conversations of the copy: %+v, %v", cvs, err)
	}
	names := []string{app.CustomerName(cvs[0]), app.CustomerName(cvs[1])}
	if names[0] != "Ann from the corner" || names[1] != "Ben" {
		t.Errorf("the copy names %v", names)
	}
	have, err := s.SchemaVersion(ctx)
	if err != nil || have < 17 {
		t.Errorf("schema version %d, %v", have, err)
	}
}

// TestDataFolderNamesAgree: the core backs up and restores the files
// the store uses.
func TestDataFolderNamesAgree(t *testing.T) {
	if app.DataFolderDatabase != DBFileName || app.DataFolderMedia != MediaFolderName {
		t.Errorf("the core's names %q, %q differ from the store's %q, %q", app.DataFolderDatabase, app.DataFolderMedia, DBFileName, MediaFolderName)
	}
}
