package inbox

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/screens/kit"
)

// chatItem is one row of a conversation: a message bubble, a day
// separator, a notice from WhatsApp, or a reaction to a message that is
// not loaded.
type chatItem struct {
	key string // stable identity across reloads
	sig string // changes whenever the row must be drawn again

	day    string       // a day separator's label
	notice string       // a system notice's text
	msg    *app.Message // a bubble's message

	quote       *app.Message
	quoteAuthor string
	reactions   []string
	myReaction  string // the owner's reaction to the message, "" for none
	tail        bool
}

// groupGap ends a group of messages from one side: the next one gets the
// bubble's point again.
const groupGap = 10 * time.Minute

// buildItems turns a conversation's loaded messages (oldest first) into
// rows, oldest first: day separators between days, reactions on the message they react
// to, the quoted message of a reply when it is loaded.
func buildItems(loaded []app.Message, contact string, now time.Time) []chatItem {
	// Show messages in the order they were written: a webhook delivered
	// late (after the laptop slept) may be stored after newer ones.
	msgs := slices.Clone(loaded)
	slices.SortStableFunc(msgs, func(a, b app.Message) int { return a.Timestamp.Compare(b.Timestamp) })
	byWAID := make(map[string]*app.Message, len(msgs))
	for i := range msgs {
		if id := msgs[i].WAMessageID; id != "" {
			byWAID[id] = &msgs[i]
		}
	}
	reactions, mine := collectReactions(msgs)

	var items []chatItem
	var prev *app.Message // the previous bubble, for grouping
	var lastDay time.Time
	for i := range msgs {
		m := &msgs[i]
		if len(items) == 0 || !kit.SameDay(m.Timestamp, lastDay) {
			label := kit.DayLabel(m.Timestamp, now)
			items = append(items, chatItem{key: "day:" + m.Timestamp.Local().Format("2006-01-02"), sig: label, day: label})
			lastDay = m.Timestamp
			prev = nil
		}
		switch {
		case m.Type == app.MsgReaction:
			if _, loaded := byWAID[m.ReplyTo]; loaded || m.Text == "" {
				continue // shown on its message, or a removed reaction
			}
			who := contact
			if m.Direction == app.Outbound {
				who = "You"
			}
			text := fmt.Sprintf("%s reacted %s to an earlier message", who, m.Text)
			items = append(items, chatItem{key: fmt.Sprintf("r:%d", m.ID), sig: text, notice: text})
			prev = nil
		case m.Type == app.MsgSystem:
			text := m.Text
			if text == "" {
				text = "WhatsApp sent a notice about this chat."
			}
			items = append(items, chatItem{key: fmt.Sprintf("s:%d", m.ID), sig: text, notice: text})
			prev = nil
		default:
			it := chatItem{key: fmt.Sprintf("m:%d", m.ID), msg: m, reactions: reactions[m.WAMessageID], myReaction: mine[m.WAMessageID]}
			if q, ok := byWAID[m.ReplyTo]; ok && m.ReplyTo != "" {
				it.quote = q
				it.quoteAuthor = contact
				if q.Direction == app.Outbound {
					it.quoteAuthor = "You"
				}
			}
			it.tail = prev == nil || prev.Direction != m.Direction || m.Timestamp.Sub(prev.Timestamp) > groupGap
			it.sig = messageSig(it)
			items = append(items, it)
			prev = m
		}
	}
	return items
}

// collectReactions gives each reacted-to message (by WhatsApp id) the
// emoji it currently carries: each sender's latest reaction, none when
// they took it back; and, apart, the owner's own. A reaction of the
// owner's that WhatsApp refused does not count.
func collectReactions(msgs []app.Message) (all map[string][]string, mine map[string]string) {
	latest := map[string]map[string]string{} // target → sender → emoji
	mine = map[string]string{}
	var order []string
	for _, m := range msgs {
		if m.Type != app.MsgReaction || m.ReplyTo == "" || m.State == app.StateFailed {
			continue
		}
		if m.Direction == app.Outbound {
			mine[m.ReplyTo] = m.Text
		}
		if latest[m.ReplyTo] == nil {
			latest[m.ReplyTo] = map[string]string{}
			order = append(order, m.ReplyTo)
		}
		sender := m.From + string(m.Direction)
		if m.Text == "" {
			delete(latest[m.ReplyTo], sender)
		} else {
			latest[m.ReplyTo][sender] = m.Text
		}
	}
	all = make(map[string][]string, len(order))
	for _, target := range order {
		senders := slices.Sorted(maps.Keys(latest[target]))
		for _, sender := range senders {
			all[target] = append(all[target], latest[target][sender])
		}
	}
	return all, mine
}

// messageSig captures everything a bubble shows, so a reload redraws
// only bubbles that changed.
func messageSig(it chatItem) string {
	m := it.msg
	var b strings.Builder
	fmt.Fprintf(&b, "%s|%s|%d|%s|%s|%v|%v|", m.State, m.WAMessageID, m.ErrorCode, m.ErrorText, m.Text, it.tail, m.Timestamp.Unix())
	if m.Media != nil {
		fmt.Fprintf(&b, "%s|%s|%s|", m.Media.LocalPath, m.Media.Filename, m.Media.Lost)
	}
	if it.quote != nil {
		fmt.Fprintf(&b, "q%d|", it.quote.ID)
	}
	b.WriteString(strings.Join(it.reactions, ","))
	b.WriteString("|" + it.myReaction)
	return b.String()
}
