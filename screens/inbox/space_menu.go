package inbox

import (
	"context"
	"log/slog"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/screens/kit"
)

// closer is an open popup that Esc closes.
type closer interface{ Hide() }

// Words of the list's context menu.
const (
	menuPin          = "Pin"
	menuUnpin        = "Unpin"
	menuArchive      = "Archive"
	menuUnarchive    = "Unarchive"
	menuLabels       = "Labels"
	menuManageLabels = "Manage labels…"
	menuMarkUnread   = "Mark as unread"
	menuMarkRead     = "Mark as read"
)

// onRowMenu opens the context menu of the list's row index at a position
// in the window: pin, archive, labels and the unread mark.
func (s *spaceInbox) onRowMenu(index int, at fyne.Position) {
	if index < 0 || index >= len(s.shown) {
		return
	}
	menu := s.rowMenu(s.shown[index])
	c := s.env.Window.Canvas()
	pop := widget.NewPopUpMenu(menu, c)
	pop.ShowAtPosition(at)
	s.keepOverlay(pop)
}

// rowMenu is the context menu of cv.
func (s *spaceInbox) rowMenu(cv app.Conversation) *fyne.Menu {
	id := cv.ID
	core := s.env.core
	pin := fyne.NewMenuItem(menuPin, func() {
		s.act("pin conversation", func(ctx context.Context) error { return core.PinConversation(ctx, id, true) })
	})
	if cv.Pinned() {
		pin = fyne.NewMenuItem(menuUnpin, func() {
			s.act("unpin conversation", func(ctx context.Context) error { return core.PinConversation(ctx, id, false) })
		})
	}
	pin.Icon = pinIcon
	archive := fyne.NewMenuItem(menuArchive, func() {
		s.act("archive conversation", func(ctx context.Context) error { return core.ArchiveConversation(ctx, id, true) })
	})
	if cv.Archived() {
		archive.Label = menuUnarchive
		archive.Action = func() {
			s.act("unarchive conversation", func(ctx context.Context) error { return core.ArchiveConversation(ctx, id, false) })
		}
	}
	labels := fyne.NewMenuItem(menuLabels, nil)
	labels.Icon = labelIcon
	labels.ChildMenu = fyne.NewMenu("", s.labelItems(cv)...)
	unread := fyne.NewMenuItem(menuMarkUnread, func() {
		s.act("mark conversation unread", func(ctx context.Context) error { return core.MarkConversationUnread(ctx, id) })
	})
	if cv.Unread > 0 {
		unread = fyne.NewMenuItem(menuMarkRead, func() {
			s.clearUnread(id)
			s.markRead(id)
		})
	}
	return fyne.NewMenu("", pin, archive, labels, unread)
}

// labelItems are the labels as checked items for cv (a tap puts one on or
// takes it off), then "Manage labels…".
func (s *spaceInbox) labelItems(cv app.Conversation) []*fyne.MenuItem {
	var items []*fyne.MenuItem
	on := map[int64]bool{}
	for _, id := range cv.Labels {
		on[id] = true
	}
	for _, l := range s.labels {
		item := fyne.NewMenuItem(l.Name, func() { s.setLabel(cv.ID, l.ID, !on[l.ID]) })
		item.Checked = on[l.ID]
		items = append(items, item)
	}
	if len(items) > 0 {
		items = append(items, fyne.NewMenuItemSeparator())
	}
	return append(items, fyne.NewMenuItem(menuManageLabels, s.openLabelManager))
}

// setLabel puts a label on a conversation or takes it off, shown at once
// in the list and recorded in the background.
func (s *spaceInbox) setLabel(convID, labelID int64, on bool) {
	s.editConversation(convID, func(cv *app.Conversation) {
		cv.Labels = slicesWithout(cv.Labels, labelID)
		if on {
			cv.Labels = append(cv.Labels, labelID)
		}
	})
	core := s.env.core
	s.act("label conversation", func(ctx context.Context) error { return core.SetConversationLabel(ctx, convID, labelID, on) })
}

// editConversation changes the loaded copy of a conversation and shows it
// before the store's answer (the reload that follows confirms it).
func (s *spaceInbox) editConversation(id int64, edit func(*app.Conversation)) {
	for i := range s.all {
		if s.all[i].ID == id {
			edit(&s.all[i])
		}
	}
	for i := range s.shown {
		if s.shown[i].ID == id {
			edit(&s.shown[i])
			s.list.RefreshItem(i)
		}
	}
	if s.conv != nil && s.openID == id {
		edit(&s.conv.conv)
		s.conv.showLabels()
	}
}

// slicesWithout returns ids without id.
func slicesWithout(ids []int64, id int64) []int64 {
	out := make([]int64, 0, len(ids))
	for _, x := range ids {
		if x != id {
			out = append(out, x)
		}
	}
	return out
}

// act runs a change of the owner's in the background; the core's event
// reloads the list. A failure shows above the list.
func (s *spaceInbox) act(what string, change func(ctx context.Context) error) {
	kit.Load(s.env.Run, context.Background(), func(ctx context.Context) (struct{}, error) {
		return struct{}{}, change(ctx)
	}, func(_ struct{}, err error) {
		if err != nil {
			slog.Error(what, "err", err)
			s.problem.SetText("Parley could not save this change. " + app.Explain(err))
			s.problem.Show()
		}
		s.reload()
	})
}

// keepOverlay remembers an open popup for Esc, forgetting those closed
// meanwhile.
func (s *spaceInbox) keepOverlay(o closer) {
	s.overlays = slices.DeleteFunc(s.overlays, func(o closer) bool {
		w, ok := o.(fyne.CanvasObject)
		return ok && !w.Visible()
	})
	s.overlays = append(s.overlays, o)
}

// closeOverlays closes the open popups and the Manage labels dialog, and
// reports whether one was open.
func (s *spaceInbox) closeOverlays() bool {
	open := false
	for _, o := range s.overlays {
		if w, ok := o.(fyne.CanvasObject); !ok || w.Visible() {
			open = true
		}
		o.Hide()
	}
	s.overlays = nil
	if s.manager != nil {
		s.manager.dlg.Hide()
		open = true
	}
	return open
}
