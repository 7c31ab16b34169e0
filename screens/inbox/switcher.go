package inbox

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/app"
)

// switcherMax is how many matches the quick switcher lists.
const switcherMax = 8

// quickSwitcher is Ctrl+K's popup: a field to type part of a customer's
// name or number, and the loaded conversations that match it; Enter
// opens the first, a tap the one tapped. It reads nothing: it filters
// the list already loaded.
type quickSwitcher struct {
	inbox   *spaceInbox
	entry   *switcherEntry
	matches []app.Conversation
	list    *widget.List
	pop     *widget.PopUp
}

// switcherEntry is the quick switcher's field: Esc closes the switcher.
type switcherEntry struct {
	widget.Entry
}

// TypedKey closes the switcher on Esc (keys_forward.go).
func (e *switcherEntry) TypedKey(k *fyne.KeyEvent) {
	if !forwardWindowKey(e, k) {
		e.Entry.TypedKey(k)
	}
}

// openSwitcher shows the quick switcher with the field focused.
func (s *spaceInbox) openSwitcher() {
	s.closeOverlays()
	q := &quickSwitcher{inbox: s, entry: &switcherEntry{}}
	q.entry.PlaceHolder = "Jump to a conversation: type a name or number"
	q.entry.ExtendBaseWidget(q.entry)
	q.entry.OnChanged = func(string) { q.filter() }
	q.entry.OnSubmitted = func(string) { q.pick(0) }
	q.list = widget.NewList(func() int { return len(q.matches) },
		func() fyne.CanvasObject { return &widget.Label{Truncation: fyne.TextTruncateEllipsis} },
		func(id widget.ListItemID, o fyne.CanvasObject) {
			if id < len(q.matches) {
				o.(*widget.Label).SetText(switcherLine(q.matches[id]))
			}
		})
	q.list.OnSelected = func(id widget.ListItemID) { q.pick(id) }
	q.filter()
	c := s.env.Window.Canvas()
	box := container.NewBorder(q.entry, nil, nil, nil, q.list)
	q.pop = widget.NewModalPopUp(box, c)
	q.pop.Resize(fyne.NewSize(420, 340))
	q.pop.Show()
	c.Focus(q.entry)
	s.keepOverlay(q.pop)
	s.switcher = q
}

// switcherLine names a conversation in the switcher.
func switcherLine(cv app.Conversation) string {
	name, number := conversationName(cv), conversationNumber(cv)
	line := name
	if number != name {
		line += " · " + number
	}
	if cv.Archived() {
		line += " (archived)"
	}
	return line
}

// filter lists the conversations whose name or number contains what is
// typed (ignoring case, spaces in numbers and a leading +), archived
// ones last.
func (q *quickSwitcher) filter() {
	typed := strings.ToLower(strings.TrimSpace(q.entry.Text))
	digits := strings.NewReplacer(" ", "", "+", "", "-", "").Replace(typed)
	q.matches = q.matches[:0]
	for _, archived := range []bool{false, true} {
		for _, cv := range q.inbox.all {
			if cv.Archived() != archived || len(q.matches) >= switcherMax {
				continue
			}
			name := strings.ToLower(conversationName(cv) + " " + app.DisplayName(cv.ContactName))
			if typed == "" || strings.Contains(name, typed) || digits != "" && strings.Contains(cv.WAID, digits) {
				q.matches = append(q.matches, cv)
			}
		}
	}
	q.list.UnselectAll()
	q.list.Refresh()
}

// pick opens match i and closes the switcher.
func (q *quickSwitcher) pick(i int) {
	if i < 0 || i >= len(q.matches) {
		return
	}
	cv := q.matches[i]
	q.pop.Hide()
	s := q.inbox
	s.switcher = nil
	s.filter = 0
	s.updateFilter()
	if !s.view.shows(cv) {
		s.setView(listView{kind: viewAll})
		if cv.Archived() {
			s.setView(listView{kind: viewArchived})
		}
	}
	if i := s.shownIndex(cv.ID); i >= 0 {
		s.selectRow(i)
	}
}
