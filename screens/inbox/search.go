package inbox

import (
	"context"
	"log/slog"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/screens/kit"
)

// Texts of the search.
const (
	textSearchPlaceholder = "Search chats"
	textSearchClear       = "Clear the search"
)

// searchGap is the least time between two searches while the owner
// types: the first keystroke searches at once, those typed within the
// gap become one search for the text then in the field. (The lists'
// ReloadGap, a second, would lag behind typing; tests set it to zero.)
const searchGap = 100 * time.Millisecond

// textNoMatch is what an empty search result says.
func textNoMatch(query string) string {
	return "No messages or customers match “" + strings.TrimSpace(query) + "”"
}

// spaceSearch is the search at the top of Chats: a field, and in place of
// the conversation list while it holds text, the conversations found,
// each with its matching messages, the matching words highlighted.
// Picking one opens the conversation there (onPick).
type spaceSearch struct {
	env env
	// onPick opens a found conversation at a message (0: at its newest).
	onPick func(cv app.Conversation, messageID int64)
	// onActive tells the Space whether results replace the list.
	onActive func(bool)

	searches *kit.Reloader[searchResult]
	hits     []app.SearchHit // what the results show
	shownFor string          // the query they are for

	entry   *searchEntry
	clear   *widget.Button
	results *fyne.Container
	scroll  *container.Scroll
	empty   *widget.Label
	problem *widget.Label
	content fyne.CanvasObject // the results, shown in place of the list
}

// searchResult is one search's answer, with the query it answers.
type searchResult struct {
	query string
	hits  []app.SearchHit
}

func newSpaceSearch(e env, onPick func(app.Conversation, int64), onActive func(bool)) *spaceSearch {
	s := &spaceSearch{env: e, onPick: onPick, onActive: onActive}
	// At most one search runs; keystrokes meanwhile become one more, for
	// the text in the field when it starts.
	s.searches = kit.NewPlannedReloader(e.Run, context.Background(), min(e.ReloadGap, searchGap), s.plan, s.show)
	s.entry = newSearchEntry(s.onEscape)
	s.entry.PlaceHolder = textSearchPlaceholder
	s.entry.OnChanged = s.onChanged
	s.clear = &widget.Button{Icon: theme.ContentClearIcon(), Importance: widget.LowImportance, OnTapped: s.onEscape}
	s.clear.Hide()
	s.entry.ActionItem = s.clear
	s.results = container.NewVBox()
	s.scroll = container.NewVScroll(s.results)
	s.empty = &widget.Label{Wrapping: fyne.TextWrapWord, Alignment: fyne.TextAlignCenter}
	s.empty.Hide()
	s.problem = &widget.Label{Wrapping: fyne.TextWrapWord, Importance: widget.DangerImportance}
	s.problem.Hide()
	s.content = container.NewBorder(container.NewVBox(s.empty, s.problem), nil, nil, nil, s.scroll)
	s.content.Hide()
	return s
}

// focus puts the cursor in the search field.
func (s *spaceSearch) focus() {
	if c := fyne.CurrentApp().Driver().CanvasForObject(s.entry); c != nil {
		c.Focus(s.entry)
	}
}

// onChanged searches again for the text typed; an empty field returns to
// the conversation list.
func (s *spaceSearch) onChanged(text string) {
	if strings.TrimSpace(text) == "" {
		s.clear.Hide()
		s.stop()
		return
	}
	s.clear.Show()
	if !s.content.Visible() {
		s.content.Show()
		s.onActive(true)
	}
	s.searches.Request()
}

// refresh runs the shown search again (a message arrived, a name or a
// label changed), keeping where the owner scrolled to.
func (s *spaceSearch) refresh() {
	if s.content.Visible() && strings.TrimSpace(s.entry.Text) != "" {
		s.searches.Request()
	}
}

// onEscape empties the field, which returns to the list.
func (s *spaceSearch) onEscape() {
	if s.entry.Text != "" {
		s.entry.SetText("") // OnChanged stops the search
		return
	}
	s.stop()
}

// stop hides the results and shows the list again.
func (s *spaceSearch) stop() {
	s.hits, s.shownFor = nil, ""
	s.results.Objects = nil
	s.empty.Hide()
	s.problem.Hide()
	if s.content.Visible() {
		s.content.Hide()
		s.onActive(false)
	}
}

// plan reads the field on the UI goroutine and returns the search to run.
func (s *spaceSearch) plan() func(context.Context) (searchResult, error) {
	core, query := s.env.core, s.entry.Text
	return func(ctx context.Context) (searchResult, error) {
		hits, err := core.Search(ctx, query)
		return searchResult{query: query, hits: hits}, err
	}
}

// show puts a search's answer on screen, unless the field was emptied
// meanwhile.
func (s *spaceSearch) show(r searchResult, err error) {
	if strings.TrimSpace(s.entry.Text) == "" {
		return
	}
	if err != nil {
		slog.Error("search", "err", err)
		s.problem.SetText("Parley could not search. " + app.Explain(err))
		s.problem.Show()
		return
	}
	s.problem.Hide()
	again := r.query == s.shownFor // the same search, run again for news
	s.hits, s.shownFor = r.hits, r.query
	if len(r.hits) == 0 {
		s.empty.SetText(textNoMatch(r.query))
		s.empty.Show()
	} else {
		s.empty.Hide()
	}
	now := s.env.core.Now()
	objs := make([]fyne.CanvasObject, 0, len(r.hits)*2)
	for _, h := range r.hits {
		objs = append(objs, s.hitRows(h, r.query, now)...)
	}
	s.results.Objects = objs
	s.results.Refresh()
	if !again {
		s.scroll.ScrollToTop()
	}
}

// hitRows are the rows of one conversation found: its name (the matching
// words highlighted), then its matching messages.
func (s *spaceSearch) hitRows(h app.SearchHit, query string, now time.Time) []fyne.CanvasObject {
	cv := h.Conversation
	name := conversationName(cv)
	title := highlightedTitle(name, app.MatchRanges(name, query))
	title.Truncation = fyne.TextTruncateEllipsis
	number := conversationNumber(cv)
	sub := &widget.Label{Text: number, SizeName: theme.SizeNameCaptionText, Importance: widget.LowImportance}
	if number == name {
		sub.Hide()
	}
	if h.CustomerMatched && number != name && len(app.MatchRanges(name, query)) == 0 {
		sub.TextStyle = fyne.TextStyle{Bold: true} // found by the number
	}
	head := container.New(layout.NewCustomPaddedLayout(-6, -6, 0, 0), container.NewVBox(title,
		container.New(layout.NewCustomPaddedLayout(-10, 0, 0, 0), sub)))
	rows := []fyne.CanvasObject{newTapRow(head, func() { s.onPick(cv, 0) })}
	for _, m := range h.Messages {
		who := ""
		if m.Direction == app.Outbound {
			who = "You: "
		}
		text := newMarkedText(who+m.Snippet, shifted(m.Matches, len(who)))
		when := &widget.Label{Text: kit.ListTime(m.At, now), SizeName: theme.SizeNameCaptionText,
			Importance: widget.LowImportance}
		row := container.New(layout.NewCustomPaddedLayout(0, 4, 24, 0), container.NewBorder(nil, nil, nil, when, text))
		id := m.MessageID
		rows = append(rows, newTapRow(row, func() { s.onPick(cv, id) }))
	}
	rows = append(rows, widget.NewSeparator())
	return rows
}

// shifted moves ranges by n bytes.
func shifted(rs []app.TextRange, n int) []app.TextRange {
	out := make([]app.TextRange, len(rs))
	for i, r := range rs {
		out[i] = app.TextRange{Start: r.Start + n, End: r.End + n}
	}
	return out
}

// highlightedTitle shows a customer's name in bold with the ranges in
// the primary colour, on one line.
func highlightedTitle(text string, ranges []app.TextRange) *widget.RichText {
	plain := widget.RichTextStyleInline
	plain.TextStyle.Bold = true
	match := widget.RichTextStyleInline
	match.TextStyle.Bold = true
	match.ColorName = theme.ColorNamePrimary
	var segs []widget.RichTextSegment
	last := 0
	for _, r := range ranges {
		if r.Start < last || r.End > len(text) || r.Start >= r.End {
			continue
		}
		if r.Start > last {
			segs = append(segs, &widget.TextSegment{Text: text[last:r.Start], Style: plain})
		}
		segs = append(segs, &widget.TextSegment{Text: text[r.Start:r.End], Style: match})
		last = r.End
	}
	if last < len(text) {
		segs = append(segs, &widget.TextSegment{Text: text[last:], Style: plain})
	}
	return widget.NewRichText(segs...)
}
