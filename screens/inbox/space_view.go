package inbox

import (
	"slices"

	"github.com/parley-app/parley/app"
)

// viewKind is which conversations the Chats list shows.
type viewKind int

// The list's views.
const (
	viewAll      viewKind = iota // every conversation not archived
	viewUnread                   // with unread messages
	viewWaiting                  // the customer wrote last
	viewLabel                    // with one label
	viewArchived                 // archived
)

// listView is a view of the Chats list: a kind, and the label of
// viewLabel.
type listView struct {
	kind  viewKind
	label int64
}

// Names of the views in the list's view choice.
const (
	viewTextAll      = "All chats"
	viewTextUnread   = "Unread"
	viewTextWaiting  = "Waiting for my reply"
	viewTextArchived = "Archived"
	viewLabelPrefix  = "Label: "
)

// shows reports whether cv belongs in the view.
func (v listView) shows(cv app.Conversation) bool {
	if v.kind == viewArchived {
		return cv.Archived()
	}
	if cv.Archived() {
		return false
	}
	switch v.kind {
	case viewUnread:
		return cv.Unread > 0
	case viewWaiting:
		return cv.WaitingForReply()
	case viewLabel:
		return slices.Contains(cv.Labels, v.label)
	}
	return true
}

// keepsOpen reports whether the open conversation cv stays in the view
// after it left it: reading it or answering it does not take it away
// while the owner looks at it; archiving it does.
func (v listView) keepsOpen(cv app.Conversation) bool {
	return (v.kind == viewUnread || v.kind == viewWaiting) && !cv.Archived()
}

// viewOptions are the views offered, in order, with the name of each.
func (s *spaceInbox) viewOptions() ([]string, []listView) {
	names := []string{viewTextAll, viewTextUnread, viewTextWaiting}
	views := []listView{{kind: viewAll}, {kind: viewUnread}, {kind: viewWaiting}}
	for _, l := range s.labels {
		names = append(names, viewLabelPrefix+l.Name)
		views = append(views, listView{kind: viewLabel, label: l.ID})
	}
	names = append(names, viewTextArchived)
	views = append(views, listView{kind: viewArchived})
	return names, views
}

// updateViews offers the views with the labels as they are now; a view
// of a deleted label becomes All chats.
func (s *spaceInbox) updateViews() {
	names, views := s.viewOptions()
	i := slices.Index(views, s.view)
	if i < 0 {
		s.view, i = listView{}, 0
	}
	s.viewBox.Options = names
	s.viewBox.Selected = names[i]
	s.viewBox.Refresh()
}

// onView is the owner's choice of a view.
func (s *spaceInbox) onView(name string) {
	names, views := s.viewOptions()
	if i := slices.Index(names, name); i >= 0 && views[i] != s.view {
		s.view = views[i]
		s.applyFilter()
	}
}

// setView shows the list in view v.
func (s *spaceInbox) setView(v listView) {
	s.view = v
	s.updateViews()
	s.applyFilter()
}
