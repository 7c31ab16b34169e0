package inbox

import (
	"context"
	"log/slog"
	"slices"
	"sort"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/screens/kit"
)

// allChannels is the channel filter's first choice.
const allChannels = "All channels"

// spaceInbox is the Space once conversations exist: the list of every
// channel's conversations on the left, newest first, and the open
// conversation on the right.
type spaceInbox struct {
	env env
	// onCount tells the Space how many channels and conversations exist
	// after each load.
	onCount func(channels, conversations int)

	// What the list shows; replaced only on the UI goroutine.
	channels []app.Channel
	labels   []app.Label
	all      []app.Conversation
	shown    []app.Conversation
	filter   app.ChannelID // 0 shows every channel
	view     listView      // which conversations of the channel show

	openID    int64
	conv      *conversationView
	picker    *templatePicker // the last "New conversation" dialog
	lists     *kit.Reloader[conversationList]
	selecting bool // the list is being re-selected by code, not the owner

	list      *widget.List
	search    *spaceSearch
	filterBox *widget.Select
	viewBox   *widget.Select
	// overlays are the open popups (context menu, label checklist, quick
	// switcher); Esc closes them.
	overlays    []closer
	manager     *labelManager   // the open "Manage labels" dialog, if any
	checklist   *labelChecklist // the header's last label checklist
	switcher    *quickSwitcher  // the open quick switcher, if any
	newConv     *widget.Button
	problem     *widget.Label
	detail      *fyne.Container
	placeholder fyne.CanvasObject
	content     fyne.CanvasObject
}

func newSpaceInbox(e env, onCount func(channels, conversations int)) *spaceInbox {
	s := &spaceInbox{env: e, onCount: onCount}
	s.lists = kit.NewReloader(e.Run, context.Background(), e.ReloadGap, func(ctx context.Context) (conversationList, error) {
		chs, convs, labels, err := loadConversations(ctx, e.core)
		return conversationList{chs, convs, labels}, err
	}, s.show)
	s.list = widget.NewList(
		func() int { return len(s.shown) },
		func() fyne.CanvasObject {
			r := newConversationRow()
			r.onMenu = s.onRowMenu
			r.onTap = func(id int) { s.list.Select(id) }
			return r
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			if id < len(s.shown) {
				r := o.(*conversationRow)
				r.index = id
				r.set(s.shown[id], labelsOf(s.shown[id].Labels, s.labels), s.env.core.Now())
			}
		})
	s.list.OnSelected = s.onSelected
	s.filterBox = &widget.Select{OnChanged: s.onFilter}
	s.filterBox.Hide()
	s.viewBox = &widget.Select{OnChanged: s.onView}
	s.updateViews()
	s.newConv = &widget.Button{Text: "New conversation", Icon: theme.ContentAddIcon(), OnTapped: s.onNewConversation}
	s.problem = &widget.Label{Wrapping: fyne.TextWrapWord, Importance: widget.DangerImportance}
	s.problem.Hide()

	s.search = newSpaceSearch(e, s.openAt, s.onSearching)

	title := &widget.Label{Text: "Chats", TextStyle: fyne.TextStyle{Bold: true}, SizeName: theme.SizeNameSubHeadingText}
	head := container.NewVBox(
		container.NewBorder(nil, nil, nil, container.NewCenter(s.newConv), title),
		s.search.entry, s.viewBox, s.filterBox, s.problem)
	left := container.NewBorder(container.New(layout.NewCustomPaddedLayout(8, 4, 10, 8), head), nil, nil, nil,
		container.NewStack(s.list, s.search.content))

	s.placeholder = kit.NewEmptyState(kit.ChatIcon, "Choose a conversation",
		"Pick a customer on the left to read and answer their messages.", nil).Content
	s.detail = container.NewStack(s.placeholder)
	split := container.NewHSplit(left, s.detail)
	split.Offset = 0.32
	s.content = split
	e.core.Events().Subscribe(s.onCoreEvent)
	return s
}

// onCoreEvent runs on the publishing goroutine and hands the work to the
// UI goroutine.
func (s *spaceInbox) onCoreEvent(e app.Event) {
	switch e.Kind {
	case app.EventMessagesReceived, app.EventMessagesChanged, app.EventContactsChanged:
		// New names from the owner's phone contacts show in the list and
		// in the open conversation's header like a change of its messages.
		fyne.Do(func() { s.onMessagesChanged(e) })
	case app.EventOptOutChanged:
		fyne.Do(func() { s.onMessagesChanged(e) })
	case app.EventQuickRepliesChanged:
		fyne.Do(func() {
			if s.conv != nil {
				s.conv.loadQuickReplies()
			}
		})
	case app.EventChannelsChanged, app.EventLabelsChanged:
		fyne.Do(func() {
			s.reload()
			s.search.refresh() // labels are searched too
		})
	case app.EventConversationsChanged, app.EventUnreadChanged:
		// Labels, pins, archiving and unread marks: the list, and the
		// open conversation's header when it is one of them.
		fyne.Do(func() {
			if s.conv != nil && s.affectsOpen(e) {
				s.conv.reload()
			}
			s.reload()
			if e.Kind == app.EventConversationsChanged {
				s.search.refresh()
			}
		})
	}
}

// onMessagesChanged refreshes the list and, when it is affected, the open
// conversation; a message arriving in the open conversation is read.
func (s *spaceInbox) onMessagesChanged(e app.Event) {
	if len(e.Statuses) == 0 {
		s.search.refresh() // what is found may have changed
	}
	if len(e.Statuses) > 0 { // ticks show only in the conversation, not the list
		if s.conv != nil && s.conv.showsAny(e.Statuses) {
			s.conv.reload()
		}
		return
	}
	if s.conv != nil && s.affectsOpen(e) {
		s.conv.reload()
		if e.Kind == app.EventMessagesReceived { // read at once
			s.markRead(s.openID)
			return
		}
	}
	s.reload()
}

// affectsOpen reports whether e concerns the open conversation; an event
// naming no conversation concerns every one of its channel.
func (s *spaceInbox) affectsOpen(e app.Event) bool {
	if len(e.ConversationIDs) == 0 {
		return e.ChannelID == 0 || e.ChannelID == s.conv.conv.ChannelID
	}
	return slices.Contains(e.ConversationIDs, s.openID)
}

// reload reads every channel's conversations in the background and shows
// them; reloads asked for meanwhile are folded into one more, a few a
// second at most (kit.Reloader).
func (s *spaceInbox) reload() { s.lists.Request() }

// conversationList is what the list shows: the channels and all their
// conversations, newest first.
type conversationList struct {
	channels []app.Channel
	convs    []app.Conversation
	labels   []app.Label
}

// loadConversations reads the channels, all their conversations
// (pinned first, the last pinned first, then newest first) and the
// labels.
func loadConversations(ctx context.Context, core Core) ([]app.Channel, []app.Conversation, []app.Label, error) {
	chs, err := core.Channels(ctx)
	if err != nil {
		return nil, nil, nil, err
	}
	var all []app.Conversation
	for _, ch := range chs {
		cs, err := core.Conversations(ctx, ch.ID)
		if err != nil {
			return nil, nil, nil, err
		}
		all = append(all, cs...)
	}
	sort.SliceStable(all, func(i, j int) bool {
		a, b := all[i], all[j]
		if a.Pinned() != b.Pinned() {
			return a.Pinned()
		}
		if a.Pinned() && !a.PinnedAt.Equal(b.PinnedAt) {
			return a.PinnedAt.After(b.PinnedAt)
		}
		return a.LastMessageAt.After(b.LastMessageAt)
	})
	labels, err := core.Labels(ctx)
	if err != nil {
		return nil, nil, nil, err
	}
	return chs, all, labels, nil
}

// show puts a loaded list on screen.
func (s *spaceInbox) show(l conversationList, err error) {
	chs, convs := l.channels, l.convs
	if err != nil {
		slog.Error("load conversations", "err", err)
		s.problem.SetText("Parley could not read your conversations. " + app.Explain(err))
		s.problem.Show()
	} else {
		s.problem.Hide()
		s.channels, s.all, s.labels = chs, convs, l.labels
		s.closeIfGone()
		s.updateFilter()
		s.updateViews()
		if s.conv != nil {
			s.conv.showLabels()
		}
		if s.manager != nil {
			s.manager.refresh()
		}
		s.applyFilter()
		if s.onCount != nil {
			s.onCount(len(chs), len(convs))
		}
	}
}

// closeIfGone closes the open conversation when it no longer exists (its
// channel was removed).
func (s *spaceInbox) closeIfGone() {
	if s.conv == nil {
		return
	}
	for _, cv := range s.all {
		if cv.ID == s.openID {
			return
		}
	}
	s.conv.close()
	s.conv, s.openID = nil, 0
	s.detail.Objects = []fyne.CanvasObject{s.placeholder}
	s.detail.Refresh()
}

// updateFilter offers the channel filter while several channels exist.
func (s *spaceInbox) updateFilter() {
	if len(s.channels) < 2 {
		s.filter = 0
		s.filterBox.Hide()
		s.viewBox = &widget.Select{OnChanged: s.onView}
		s.updateViews()
		return
	}
	opts := []string{allChannels}
	selected := allChannels
	for _, ch := range s.channels {
		opts = append(opts, channelLabel(ch))
		if ch.ID == s.filter {
			selected = channelLabel(ch)
		}
	}
	s.filterBox.Options = opts
	s.filterBox.Selected = selected
	s.filterBox.Show()
	s.filterBox.Refresh()
}

// channelLabel names a channel in the filter.
func channelLabel(ch app.Channel) string {
	return ch.Name + " · " + app.FormatPhone(ch.PhoneNumber)
}

func (s *spaceInbox) onFilter(label string) {
	s.filter = 0
	for _, ch := range s.channels {
		if channelLabel(ch) == label {
			s.filter = ch.ID
		}
	}
	s.applyFilter()
}

// applyFilter shows the conversations of the chosen channel and view
// and keeps the open one selected (and shown, so that reading it does not
// take it out of the Unread view under the owner's eyes).
func (s *spaceInbox) applyFilter() {
	s.shown = s.shown[:0]
	for _, cv := range s.all {
		if (s.filter == 0 || cv.ChannelID == s.filter) && (s.view.shows(cv) || cv.ID == s.openID && s.view.keepsOpen(cv)) {
			s.shown = append(s.shown, cv)
		}
	}
	s.list.Refresh()
	s.selecting = true
	defer func() { s.selecting = false }()
	for i, cv := range s.shown {
		if cv.ID == s.openID {
			s.list.Select(i)
			return
		}
	}
	s.list.UnselectAll()
}

func (s *spaceInbox) onSelected(id widget.ListItemID) {
	if s.selecting || id >= len(s.shown) {
		return
	}
	s.open(s.shown[id])
}

// channel returns the loaded channel with id.
func (s *spaceInbox) channel(id app.ChannelID) app.Channel {
	for _, ch := range s.channels {
		if ch.ID == id {
			return ch
		}
	}
	return app.Channel{ID: id}
}

// open shows cv on the right at its newest message and marks it read.
func (s *spaceInbox) open(cv app.Conversation) { s.openAt(cv, 0) }

// openAt shows cv on the right, at message messageID (0: the newest),
// and marks it read. A conversation already open moves to the message.
func (s *spaceInbox) openAt(cv app.Conversation, messageID int64) {
	if s.conv != nil {
		if s.openID == cv.ID {
			if messageID != 0 {
				s.conv.jumpTo(messageID)
			}
			return
		}
		s.conv.close()
	}
	s.openID = cv.ID
	s.conv = newConversationView(s.env, cv, s.channel(cv.ChannelID), len(s.channels) > 1)
	s.conv.onTick = s.onTick
	s.conv.allLabels = func() []app.Label { return s.labels }
	s.conv.onLabels = s.onHeaderLabels
	s.conv.showLabels()
	s.detail.Objects = []fyne.CanvasObject{s.conv.content}
	s.detail.Refresh()
	if messageID != 0 {
		s.conv.loadAt(messageID)
	} else {
		s.conv.load()
	}
	if cv.Unread > 0 {
		s.clearUnread(cv.ID)
		s.markRead(cv.ID)
	}
}

// openByID opens the conversation with id once the list has it.
func (s *spaceInbox) openByID(id int64) {
	for _, cv := range s.all {
		if cv.ID == id {
			s.filter = 0
			s.updateFilter()
			if !s.view.shows(cv) {
				s.setView(listView{})
			}
			s.open(cv)
			s.applyFilter() // selects the opened conversation
			return
		}
	}
}

// openAnyByID opens the conversation with id: from the list when it is
// there, else read from the core (a conversation the list leaves out).
func (s *spaceInbox) openAnyByID(id int64) {
	for _, cv := range s.all {
		if cv.ID == id {
			s.openByID(id)
			return
		}
	}
	core := s.env.core
	kit.Load(s.env.Run, context.Background(), func(ctx context.Context) (app.Conversation, error) {
		return core.Conversation(ctx, id)
	}, func(cv app.Conversation, err error) {
		if err != nil {
			slog.Warn("open a conversation", "conversation", id, "err", err)
			return
		}
		s.open(cv)
	})
}

// clearUnread shows a conversation as read at once, before the store
// confirms it.
func (s *spaceInbox) clearUnread(id int64) {
	for i := range s.all {
		if s.all[i].ID == id {
			s.all[i].Unread = 0
		}
	}
	for i := range s.shown {
		if s.shown[i].ID == id {
			s.shown[i].Unread = 0
			s.list.RefreshItem(i)
		}
	}
}

// markRead records in the background that the owner has read a
// conversation, then reloads the list.
func (s *spaceInbox) markRead(id int64) {
	core := s.env.core
	kit.Load(s.env.Run, context.Background(), func(ctx context.Context) (struct{}, error) {
		return struct{}{}, core.MarkConversationRead(ctx, id)
	}, func(_ struct{}, err error) {
		if err != nil {
			slog.Error("mark conversation read", "conversation", id, "err", err)
		}
		s.reload()
	})
}

// onSearching shows the search results in place of the list, or the
// list again.
func (s *spaceInbox) onSearching(active bool) {
	if active {
		s.list.Hide()
	} else {
		s.list.Show()
		s.applyFilter() // the open conversation selected
	}
}

// onTick refreshes the window states of the list.
func (s *spaceInbox) onTick() { s.list.Refresh() }

func (s *spaceInbox) onNewConversation() {
	s.picker = openStartConversation(s.env, s.channels, func(m app.Message) {
		s.pendingOpen(m.ConversationID)
	})
}

// pendingOpen opens a conversation that the next reload will list.
func (s *spaceInbox) pendingOpen(id int64) {
	core := s.env.core
	kit.Load(s.env.Run, context.Background(), func(ctx context.Context) (conversationList, error) {
		chs, convs, labels, err := loadConversations(ctx, core)
		return conversationList{chs, convs, labels}, err
	}, func(l conversationList, err error) {
		s.show(l, err)
		s.openByID(id)
	})
}
