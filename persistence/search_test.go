package persistence

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/parley-app/parley/app"
)

// search runs Search and fails the test on error.
func search(t testing.TB, s *Store, query string) []app.SearchHit {
	t.Helper()
	hits, err := s.Search(context.Background(), query, 20, 3)
	if err != nil {
		t.Fatalf("Search(%q): %v", query, err)
	}
	return hits
}

// snippets lists the hits' messages as "conversation: snippet [match]".
func snippets(hits []app.SearchHit) []string {
	var out []string
	for _, h := range hits {
		for _, m := range h.Messages {
			var marks []string
			for _, r := range m.Matches {
				marks = append(marks, m.Snippet[r.Start:r.End])
			}
			out = append(out, fmt.Sprintf("%s: %s [%s]", h.Conversation.WAID, m.Snippet, strings.Join(marks, ",")))
		}
	}
	return out
}

// TestSearchFindsWhatCustomersWrote: a customer's words are found as the
// owner types them, accents and case ignored, with the matching words
// marked; captions and file names too.
func TestSearchFindsWhatCustomersWrote(t *testing.T) {
	s := openTestStore(t)
	c := addChannel(t, s, "Shop")
	b := app.InboundBatch{Contacts: []app.Contact{{WAID: "5511987654321", Name: "João"}}}
	b.Messages = append(b.Messages,
		inbound("5511987654321", "wamid.1", "Vocês têm a PROMOÇÃO de sábado?", baseTime),
		inbound("5511987654321", "wamid.2", "obrigado", baseTime.Add(time.Minute)))
	photo := inbound("5511987654321", "wamid.3", "", baseTime.Add(2*time.Minute))
	photo.Type, photo.Media = app.MsgImage, &app.Media{ID: "m1", MIMEType: "image/jpeg", Caption: "a foto da vitrine"}
	doc := inbound("5511987654321", "wamid.4", "", baseTime.Add(3*time.Minute))
	doc.Type, doc.Media = app.MsgDocument, &app.Media{ID: "m2", MIMEType: "application/pdf", Filename: "orçamento-março.pdf"}
	b.Messages = append(b.Messages, photo, doc)
	mustIngest(t, s, c.ID, b)

	for query, want := range map[string]string{
		"promocao":   "5511987654321: Vocês têm a PROMOÇÃO de sábado? [PROMOÇÃO]",
		"Promo sab":  "5511987654321: Vocês têm a PROMOÇÃO de sábado? [PROMOÇÃO,sábado]",
		"vitr":       "5511987654321: a foto da vitrine [vitrine]",
		"orcamento":  "5511987654321: orçamento-março.pdf [orçamento]",
		"MARCO pdf":  "5511987654321: orçamento-março.pdf [março,pdf]",
		"  obrigado": "5511987654321: obrigado [obrigado]",
	} {
		got := snippets(search(t, s, query))
		if len(got) != 1 || got[0] != want {
			t.Errorf("Search(%q) = %q, want [%q]", query, got, want)
		}
	}
	if got := search(t, s, "promocao domingo"); len(got) != 0 {
		t.Errorf("a word no message has still found %+v", got)
	}
}

// TestSearchGroupsByConversation: hits come one per conversation, newest
// match first, each with its newest matching messages; a customer found
// by name or number comes first even without a matching message.
func TestSearchGroupsByConversation(t *testing.T) {
	s := openTestStore(t)
	c := addChannel(t, s, "Shop")
	at := baseTime
	for i, who := range []struct{ waID, name string }{{"4917011111", "Ann"}, {"4917022222", "Bea"}, {"4917033333", "Entrega Rápida"}} {
		b := app.InboundBatch{Contacts: []app.Contact{{WAID: who.waID, Name: who.name}}}
		for j := range 5 {
			at = at.Add(time.Minute)
			b.Messages = append(b.Messages, inbound(who.waID, fmt.Sprintf("w%d-%d", i, j), fmt.Sprintf("quando chega a entrega %d", j), at))
		}
		mustIngest(t, s, c.ID, b)
	}
	hits := search(t, s, "entrega")
	if len(hits) != 3 {
		t.Fatalf("%d hits, want 3", len(hits))
	}
	if h := hits[0]; h.Conversation.ContactName != "Entrega Rápida" || !h.CustomerMatched {
		t.Errorf("first hit %+v, want the customer named Entrega", h.Conversation)
	}
	if h := hits[1]; h.Conversation.ContactName != "Bea" || h.CustomerMatched || len(h.Messages) != 3 ||
		h.Messages[0].Snippet != "quando chega a entrega 4" || h.Messages[2].Snippet != "quando chega a entrega 2" {
		t.Errorf("second hit %+v, want Bea's three newest messages", h)
	}
	// The number matches anywhere in it, typed with spaces or a plus.
	if hits := search(t, s, "+49 170 22"); len(hits) != 1 || hits[0].Conversation.ContactName != "Bea" || !hits[0].CustomerMatched {
		t.Errorf("search by number = %+v", hits)
	}
	if hits := search(t, s, "022222"); len(hits) != 1 || hits[0].Conversation.ContactName != "Bea" {
		t.Errorf("search by the middle of the number = %+v", hits)
	}
	if hits, _ := s.Search(context.Background(), "entrega", 2, 1); len(hits) != 2 || len(hits[1].Messages) != 1 {
		t.Errorf("limits 2 and 1 gave %+v", hits)
	}
}

// TestSearchEscapesWhatTheOwnerTypes: quotes, operators and stars are
// plain words, never a syntax error.
func TestSearchEscapesWhatTheOwnerTypes(t *testing.T) {
	s := openTestStore(t)
	c := addChannel(t, s, "Shop")
	mustIngest(t, s, c.ID, app.InboundBatch{Messages: []app.Message{
		inbound("4917011111", "w1", `She said "NEAR the door" - or NOT? price: 5*3`, baseTime)}})
	for _, q := range []string{`"`, `""`, `"near`, `NEAR(`, `near the`, `NOT`, `or`, `*`, `-`, `price:`, `5*3`, `^`,
		`AND OR`, `body:near`, `{body}: x`, `(`, `)`, `'`, `\`, "\x00", "😀", `the "door`} {
		if _, err := s.Search(context.Background(), q, 10, 3); err != nil {
			t.Errorf("Search(%q): %v", q, err)
		}
	}
	for _, q := range []string{`"near the`, `NOT`, `or`, `5*3`, `price:`, `door"`} {
		if hits := search(t, s, q); len(hits) != 1 {
			t.Errorf("Search(%q) found %d conversations, want the one", q, len(hits))
		}
	}
}

// FuzzSearchQuery: no query the owner can type makes Search fail.
func FuzzSearchQuery(f *testing.F) {
	for _, q := range []string{`"`, `a OR b`, `NEAR(a b, 2)`, `-x`, `*`, `col:x`, `^a`, `a + b`, `"a"*`, "é\u0301"} {
		f.Add(q)
	}
	s := openTestStore(f)
	c := addChannel(f, s, "Shop")
	mustIngest(f, s, c.ID, app.InboundBatch{Messages: []app.Message{
		inbound("4917011111", "w1", "promoção de sábado NEAR the door", baseTime)}})
	f.Fuzz(func(t *testing.T, q string) {
		if _, err := s.Search(context.Background(), q, 5, 2); err != nil {
			t.Fatalf("Search(%q): %v", q, err)
		}
	})
}

// TestSearchIndexFollowsTheStore: the index follows every write: sent
// messages, echoes from the phone, a profile name that changes, a
// conversation rekeyed and merged, a channel deleted.
func TestSearchIndexFollowsTheStore(t *testing.T) {
	ctx := context.Background()
	s := openTestStore(t)
	c := addChannel(t, s, "Shop")
	ms := mustIngest(t, s, c.ID, textBatch("5511987654321", "Ana", "wamid.A", 1))
	conv := ms[0].ConversationID

	sent, err := s.Enqueue(ctx, app.Message{ChannelID: c.ID, ConversationID: conv, Type: app.MsgText, Text: "Seu pedido saiu para entrega"})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.UpdateState(ctx, sent.ID, app.StateSent, "wamid.S", 0, ""); err != nil {
		t.Fatal(err)
	}
	mustIngest(t, s, c.ID, app.InboundBatch{Echoes: []app.Message{echo("5511987654321", "wamid.E", "Boleto enviado pelo celular", baseTime)}})
	if got := snippets(search(t, s, "pedido")); len(got) != 1 {
		t.Errorf("the sent message: %q", got)
	}
	if got := snippets(search(t, s, "celular")); len(got) != 1 {
		t.Errorf("the echo: %q", got)
	}

	// The profile name changes; the phone name is searchable too.
	mustIngest(t, s, c.ID, textBatch("5511987654321", "Ana Paula", "wamid.B", 1))
	mustIngest(t, s, c.ID, app.InboundBatch{PhoneContacts: []app.PhoneContact{{WAID: "5511987654321", Name: "Ana da padaria"}}})
	if hits := search(t, s, "paula"); len(hits) != 1 || !hits[0].CustomerMatched {
		t.Errorf("search by the new profile name = %+v", hits)
	}
	if hits := search(t, s, "padaria"); len(hits) != 1 || !hits[0].CustomerMatched {
		t.Errorf("search by the phone name = %+v", hits)
	}

	// A conversation started with the number without the extra 9 is
	// merged into Ana's when WhatsApp answers with her id.
	other, err := s.ConversationFor(ctx, c.ID, "551187654321", "")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Enqueue(ctx, app.Message{ChannelID: c.ID, ConversationID: other.ID, Type: app.MsgText, Text: "Cupom de desconto"}); err != nil {
		t.Fatal(err)
	}
	if hits := search(t, s, "551187654321"); len(hits) != 1 || hits[0].Conversation.ID != other.ID {
		t.Fatalf("before the merge: %+v", hits)
	}
	kept, err := s.RekeyConversation(ctx, other.ID, "5511987654321")
	if err != nil || kept != conv {
		t.Fatalf("RekeyConversation = %d, %v; want %d", kept, err, conv)
	}
	if hits := search(t, s, "cupom"); len(hits) != 1 || hits[0].Conversation.ID != conv {
		t.Errorf("after the merge the coupon is in %+v, want conversation %d", hits, conv)
	}
	if hits := search(t, s, "551187654321"); len(hits) != 0 {
		t.Errorf("the merged conversation is still found: %+v", hits)
	}

	// A rekey without a merge gives the conversation its new number.
	lone, err := s.ConversationFor(ctx, c.ID, "4930111", "Bruno")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.RekeyConversation(ctx, lone.ID, "4930222"); err != nil {
		t.Fatal(err)
	}
	if hits := search(t, s, "4930222"); len(hits) != 1 || hits[0].Conversation.ID != lone.ID {
		t.Errorf("after the rekey: %+v", hits)
	}

	if err := s.DeleteChannel(ctx, c.ID); err != nil {
		t.Fatal(err)
	}
	for _, table := range []string{"message_search", "conversation_search"} {
		var n int
		if err := s.ro.QueryRow(`SELECT COUNT(*) FROM ` + table + ` WHERE ` + table + ` MATCH '"a"*'`).Scan(&n); err != nil || n != 0 {
			t.Errorf("%s after the channel was deleted: %d rows match, %v", table, n, err)
		}
	}
	checkSearchIntegrity(t, s)
}

// checkSearchIntegrity runs FTS5's own check of both indexes against
// their content.
func checkSearchIntegrity(t testing.TB, s *Store) {
	t.Helper()
	for _, table := range []string{"message_search", "conversation_search"} {
		if _, err := s.rw.Exec(`INSERT INTO ` + table + ` (` + table + `, rank) VALUES ('integrity-check', 1)`); err != nil {
			t.Errorf("%s integrity: %v", table, err)
		}
	}
}

// TestSearchIndexFollowsMediaChanges: saving an attachment's file leaves
// its caption found once, and the index consistent.
func TestSearchIndexFollowsMediaChanges(t *testing.T) {
	ctx := context.Background()
	s := openTestStore(t)
	c := addChannel(t, s, "Shop")
	photo := inbound("4917011111", "w1", "", baseTime)
	photo.Type, photo.Media = app.MsgImage, &app.Media{ID: "m1", MIMEType: "image/jpeg", Caption: "vestido azul"}
	ms := mustIngest(t, s, c.ID, app.InboundBatch{Messages: []app.Message{photo}})
	if err := s.SetMediaPath(ctx, ms[0].ID, "/media/1.jpg"); err != nil {
		t.Fatal(err)
	}
	if got := snippets(search(t, s, "azul")); len(got) != 1 {
		t.Errorf("after the file was saved: %q", got)
	}
	checkSearchIntegrity(t, s)
}

// TestMessagesAfter pages towards the newest message.
func TestMessagesAfter(t *testing.T) {
	ctx := context.Background()
	s := openTestStore(t)
	c := addChannel(t, s, "Shop")
	ms := mustIngest(t, s, c.ID, textBatch("4917011111", "Ann", "w", 10))
	got, err := s.MessagesAfter(ctx, ms[0].ConversationID, ms[3].ID, 4)
	if err != nil || len(got) != 4 || got[0].ID != ms[4].ID || got[3].ID != ms[7].ID {
		t.Fatalf("MessagesAfter = %d messages, %v; want messages 4 to 7", len(got), err)
	}
	if got, _ := s.MessagesAfter(ctx, ms[0].ConversationID, ms[9].ID, 4); len(got) != 0 {
		t.Errorf("after the newest: %d messages", len(got))
	}
}
