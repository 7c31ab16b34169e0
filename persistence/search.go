package persistence

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/parley-app/parley/app"
)

// searchCandidates is how many of the newest matching messages a search
// reads per message it may return, to fill its conversations.
const searchCandidates = 4

// Search returns the conversations whose customer or messages match
// query, grouped: those whose customer matches first (most recent
// conversation first), then the others by their newest matching message;
// each with its newest perConversation matching messages. Conversations
// only a broadcast started are left out until the customer writes. See
// app.SearchStore.
func (s *Store) Search(ctx context.Context, query string, limit, perConversation int) ([]app.SearchHit, error) {
	match := matchExpression(query, true)
	if match == "" || limit <= 0 {
		return nil, nil
	}
	perConversation = max(perConversation, 0)
	// Each step reads on its own: a message stored meanwhile may show
	// in one and not the other, which a search typed again corrects.
	tx := s.ro
	customers, err := matchingCustomers(ctx, tx, matchExpression(query, false), numberDigits(query), limit)
	if err != nil {
		return nil, fmt.Errorf("search customers: %w", err)
	}
	order := slices.Clone(customers)
	msgIDs := map[int64][]int64{} // conversation → matching messages, newest first
	if perConversation > 0 {
		rows, err := tx.QueryContext(ctx, `SELECT f.rowid, m.conversation_id FROM message_search f
			JOIN messages m ON m.id = f.rowid JOIN conversations v ON v.id = m.conversation_id AND NOT v.broadcast_only
			WHERE message_search MATCH ? ORDER BY f.rowid DESC LIMIT ?`, match, limit*perConversation*searchCandidates)
		if err != nil {
			return nil, fmt.Errorf("search messages: %w", err)
		}
		for rows.Next() {
			var id, conv int64
			if err := rows.Scan(&id, &conv); err != nil {
				rows.Close()
				return nil, fmt.Errorf("search messages: %w", err)
			}
			have, seen := msgIDs[conv]
			if !seen && !slices.Contains(customers, conv) {
				if len(order) >= limit {
					continue
				}
				order = append(order, conv)
			}
			if len(have) < perConversation {
				msgIDs[conv] = append(have, id)
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("search messages: %w", err)
		}
	}
	if len(order) == 0 {
		return nil, nil
	}
	convs, err := conversationsByID(ctx, tx, order)
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	var all []int64
	for _, ids := range msgIDs {
		all = append(all, ids...)
	}
	found, err := searchSnippets(ctx, tx, query, all)
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	hits := make([]app.SearchHit, 0, len(order))
	for _, id := range order {
		cv, ok := convs[id]
		if !ok {
			continue
		}
		h := app.SearchHit{Conversation: cv, CustomerMatched: slices.Contains(customers, id)}
		for _, mid := range msgIDs[id] {
			if m, ok := found[mid]; ok {
				h.Messages = append(h.Messages, m)
			}
		}
		hits = append(hits, h)
	}
	return hits, nil
}

// matchingCustomers returns the conversations (most recent first, at most
// limit) whose customer's names or number match the FTS5 expression, or
// whose number holds digits when digits is not empty; not those only a
// broadcast started (they are not in the Chats list either).
func matchingCustomers(ctx context.Context, tx *sql.DB, match, digits string, limit int) ([]int64, error) {
	return queryRows(ctx, tx, scanID, `SELECT v.id FROM conversations v
		WHERE (v.id IN (SELECT rowid FROM conversation_search WHERE conversation_search MATCH ?1)
			OR (?2 <> '' AND instr(v.wa_id, ?2) > 0)) AND NOT v.broadcast_only
		ORDER BY v.last_message_at DESC, v.id DESC LIMIT ?3`, match, digits, limit)
}

// conversationsByID reads the conversations with the given ids.
func conversationsByID(ctx context.Context, tx *sql.DB, ids []int64) (map[int64]app.Conversation, error) {
	cs, err := queryRows(ctx, tx, scanConversation, `SELECT `+conversationColumns+` FROM `+conversationFrom+`
		WHERE v.id IN (`+placeholders(len(ids))+`)`, int64Args(ids)...)
	if err != nil {
		return nil, fmt.Errorf("read conversations: %w", err)
	}
	out := make(map[int64]app.Conversation, len(cs))
	for _, c := range cs {
		out[c.ID] = c
	}
	return out, nil
}

// searchSnippets reads each message in ids and the part of its text
// that matches query. (FTS5's snippet() costs about a millisecond a
// message here: it evaluates the whole query again for each.)
func searchSnippets(ctx context.Context, tx *sql.DB, query string, ids []int64) (map[int64]app.SearchMessage, error) {
	out := make(map[int64]app.SearchMessage, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	rows, err := tx.QueryContext(ctx, `SELECT m.id, m.direction, m.timestamp, s.body
		FROM messages m JOIN message_search_source s ON s.id = m.id
		WHERE m.id IN (`+placeholders(len(ids))+`)`, int64Args(ids)...)
	if err != nil {
		return nil, fmt.Errorf("read matching messages: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var m app.SearchMessage
		var at int64
		var body string
		if err := rows.Scan(&m.MessageID, &m.Direction, &at, &body); err != nil {
			return nil, fmt.Errorf("read matching messages: %w", err)
		}
		m.At = time.Unix(0, at)
		m.Snippet, m.Matches = app.SearchSnippet(body, query)
		out[m.MessageID] = m
	}
	return out, rows.Err()
}

// placeholders returns n comma-separated question marks.
func placeholders(n int) string {
	return strings.TrimSuffix(strings.Repeat("?,", n), ",")
}

// int64Args returns ids as query arguments.
func int64Args(ids []int64) []any {
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	return args
}

// MessagesAfter returns up to limit messages of the conversation with an
// ID above afterID, oldest first. See app.SearchStore.
func (s *Store) MessagesAfter(ctx context.Context, conversationID, afterID int64, limit int) ([]app.Message, error) {
	if limit <= 0 {
		limit = DefaultPageSize
	}
	rows, err := s.ro.QueryContext(ctx, `SELECT `+messageColumns+` FROM messages
		WHERE conversation_id = ? AND id > ? ORDER BY id LIMIT ?`, conversationID, afterID, limit)
	if err != nil {
		return nil, fmt.Errorf("read messages of conversation %d after %d: %w", conversationID, afterID, err)
	}
	ms, err := scanMessages(rows)
	if err != nil {
		return nil, fmt.Errorf("read messages of conversation %d after %d: %w", conversationID, afterID, err)
	}
	return ms, nil
}
