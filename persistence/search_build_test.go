package persistence

import (
	"context"
	"fmt"
	"strings"
	"testing"
)

// TestUpgradeBuildsSearchIndexWithProgress opens a schema-13 database
// with conversations and messages written before search existed: the
// upgrade indexes them, reporting its progress from 0 to every message,
// and they are found afterwards.
func TestUpgradeBuildsSearchIndexWithProgress(t *testing.T) {
	ctx := context.Background()
	const n = searchBuildBatch + 2500 // two batches, the second partial
	var rows strings.Builder
	for i := range n {
		if i > 0 {
			rows.WriteString(",")
		}
		text := fmt.Sprintf("pedido número %d", i)
		media := "NULL"
		if i == n-1 {
			text, media = "", `'{"id":"m1","caption":"Promoção de sábado","filename":"catálogo.pdf"}'`
		}
		fmt.Fprintf(&rows, "(%d, 1, 7, 'w%d', 'in', 'text', '%s', %s, %d, 'received')", i+1, i, text, media, i)
	}
	dir := oldDatabase(t, 13,
		`INSERT INTO channels (id, name, webhook_token, created_at) VALUES (1, 'Shop', 'tok', 1)`,
		`INSERT INTO contacts (channel_id, wa_id, name, phone_name) VALUES (1, '5511987654321', 'José', 'Zé da feira')`,
		`INSERT INTO conversations (id, channel_id, wa_id, last_message_at) VALUES (7, 1, '5511987654321', 1)`,
		`INSERT INTO messages (id, channel_id, conversation_id, wa_message_id, direction, type, text, media, timestamp, state) VALUES `+rows.String(),
	)
	type step struct{ done, total int }
	var steps []step
	s, err := Open(ctx, dir, WithProgress(func(done, total int) { steps = append(steps, step{done, total}) }))
	if err != nil {
		t.Fatalf("open a schema 13 database: %v", err)
	}
	defer s.Close()
	if len(steps) < 3 || steps[0] != (step{0, n}) || steps[len(steps)-1] != (step{n, n}) {
		t.Errorf("progress %v; want from 0 to %d of %d, more than one step", steps, n, n)
	}
	for i := 1; i < len(steps); i++ {
		if steps[i].done < steps[i-1].done {
			t.Errorf("progress went back: %v", steps)
		}
	}
	for query, want := range map[string]string{"promocao": "Promoção de sábado catálogo.pdf", "catalogo": "Promoção de sábado catálogo.pdf",
		"numero 12345": "pedido número 12345"} {
		hits := search(t, s, query)
		if len(hits) != 1 || len(hits[0].Messages) == 0 || hits[0].Messages[0].Snippet != want {
			t.Errorf("Search(%q) = %+v, want %q", query, hits, want)
		}
	}
	for _, q := range []string{"jose", "feira", "551198"} {
		if hits := search(t, s, q); len(hits) != 1 || !hits[0].CustomerMatched {
			t.Errorf("Search(%q) = %+v, want José's conversation", q, hits)
		}
	}
	checkSearchIntegrity(t, s)

	// Opening again builds nothing and says nothing.
	s.Close()
	steps = nil
	s2, err := Open(ctx, dir, WithProgress(func(done, total int) { steps = append(steps, step{done, total}) }))
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	if len(steps) != 0 {
		t.Errorf("a second open reported %v", steps)
	}
}
