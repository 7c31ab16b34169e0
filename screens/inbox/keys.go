package inbox

import (
	"github.com/parley-app/parley/widgets"
)

// The Space's keyboard actions. The shell binds them to keys in one
// table (screens/shortcuts.go); each returns whether it did something.

// NextConversation opens the conversation below the open one in the
// list (Alt+↓), the first when none is open.
func (p *Page) NextConversation() bool { return p.inbox != nil && p.inbox.step(1) }

// PreviousConversation opens the conversation above the open one in the
// list (Alt+↑), the last when none is open.
func (p *Page) PreviousConversation() bool { return p.inbox != nil && p.inbox.step(-1) }

// NextUnread opens the next conversation with unread messages below the
// open one, going round to the top (Ctrl+Shift+U). When the list's view
// hides them all, it shows All chats.
func (p *Page) NextUnread() bool { return p.inbox != nil && p.inbox.nextUnread() }

// CloseOverlays closes the context menu, the label checklist and the
// quick switcher (Esc), and reports whether one was open.
func (p *Page) CloseOverlays() bool { return p.inbox != nil && p.inbox.closeOverlays() }

// QuickSwitch opens the quick switcher (Ctrl+K): typing a name filters
// the loaded conversations, Enter opens the first.
func (p *Page) QuickSwitch() {
	if p.inbox != nil {
		p.inbox.openSwitcher()
	}
}

// SetChatZoom sets the size of the chat's message text (1 is normal;
// see widgets.SetChatZoom) and draws the open conversation again. It
// returns the zoom set, for the shell to keep.
func (p *Page) SetChatZoom(z float32) float32 {
	z = widgets.SetChatZoom(z)
	if p.inbox != nil {
		p.inbox.redrawOpen()
	}
	return z
}

// ZoomChat makes the chat's message text a step larger (steps 1),
// smaller (-1), or normal again (0), and returns the zoom set.
func (p *Page) ZoomChat(steps int) float32 {
	if steps == 0 {
		return p.SetChatZoom(1)
	}
	return p.SetChatZoom(widgets.ChatZoom() + float32(steps)*widgets.ChatZoomStep)
}

// step opens the conversation by steps rows from the open one.
func (s *spaceInbox) step(by int) bool {
	if len(s.shown) == 0 {
		return false
	}
	i := s.shownIndex(s.openID)
	switch {
	case i < 0 && by > 0:
		i = 0
	case i < 0:
		i = len(s.shown) - 1
	default:
		i += by
	}
	if i < 0 || i >= len(s.shown) {
		return false
	}
	s.selectRow(i)
	return true
}

// nextUnread opens the next unread conversation after the open one.
func (s *spaceInbox) nextUnread() bool {
	start := s.shownIndex(s.openID)
	for k := 1; k <= len(s.shown); k++ {
		i := (start + k + len(s.shown)) % len(s.shown)
		if start < 0 {
			i = k - 1
		}
		if s.shown[i].Unread > 0 && s.shown[i].ID != s.openID {
			s.selectRow(i)
			return true
		}
	}
	for _, cv := range s.all { // hidden by the view or the channel filter
		if cv.Unread > 0 && cv.ID != s.openID && !cv.Archived() {
			s.filter = 0
			s.updateFilter()
			s.setView(listView{})
			if i := s.shownIndex(cv.ID); i >= 0 {
				s.selectRow(i)
				return true
			}
		}
	}
	return false
}

// shownIndex is the row of conversation id in the list, or -1.
func (s *spaceInbox) shownIndex(id int64) int {
	for i, cv := range s.shown {
		if cv.ID == id {
			return i
		}
	}
	return -1
}

// selectRow selects (and so opens) row i, scrolled into view.
func (s *spaceInbox) selectRow(i int) {
	s.list.ScrollTo(i)
	s.list.Select(i)
}

// redrawOpen draws the open conversation anew (after a zoom).
func (s *spaceInbox) redrawOpen() {
	if s.conv == nil {
		return
	}
	cv := s.conv.conv
	s.conv.close()
	s.conv, s.openID = nil, 0
	s.open(cv)
}

// OpenConversationID is the ID of the conversation open on the right,
// or 0.
func (p *Page) OpenConversationID() int64 {
	if p.inbox == nil {
		return 0
	}
	return p.inbox.openID
}

// OpenConversation shows the conversation with id on the right, as if
// the owner had clicked it: a broadcast's recipient, opened from its
// results, even while the list leaves it out because only the broadcast
// wrote to them.
func (p *Page) OpenConversation(id int64) {
	if p.inbox != nil {
		p.inbox.openAnyByID(id)
	}
}
