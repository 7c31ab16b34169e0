package inbox

import (
	"context"
	"log/slog"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/screens/kit"
	"github.com/parley-app/parley/widgets"
)

// pageSize is how many messages are loaded at a time.
const pageSize = 50

// conversationView is one open conversation: a header with the customer
// and the 24-hour window, the messages as chat bubbles (older ones load
// when scrolling up), and the composer.
type conversationView struct {
	env         env
	conv        app.Conversation
	channel     app.Channel
	showChannel bool
	// onTick runs every minute while the conversation is open.
	onTick func()
	// allLabels returns the owner's labels, to name the conversation's;
	// onLabels opens their checklist from the header's Labels button.
	allLabels func() []app.Label
	onLabels  func(anchor fyne.CanvasObject)

	// State below is touched only on the UI goroutine.
	msgs         []app.Message // loaded messages, oldest first
	hasOlder     bool
	loaded       bool
	loadingOlder bool
	// Opened at an older message (from a search): newer messages exist
	// below those loaded, and load as the owner scrolls down.
	hasNewer     bool
	loadingNewer bool
	jumps        int         // counts jumpTo, so only the last one shows
	markID       int64       // the message highlighted, if any
	unmark       *time.Timer // ends the highlight
	reloads      *kit.Reloader[conversationRead]
	// ctx lasts while the view is open; close cancels it, and what was
	// being loaded for the view is then dropped.
	ctx         context.Context
	cancel      context.CancelFunc
	stickBottom bool // the next load scrolls to the newest message
	windowOpen  bool
	rendering   bool
	dirty       bool
	// The rows drawn (near the view), the heights of every row and the
	// empty spaces standing in for rows far from the view.
	items        []chatItem
	sigs         []string
	rows         map[string]renderedRow
	heights      map[string]rowHeight
	spacers      map[string]*canvas.Rectangle
	drawnLo      float32 // the part of the column drawn, in scroll offsets
	drawnHi      float32
	windowed     bool // rows far from the view are spaces
	media        *mediaLoader
	picker       *templatePicker // the last "Send a template" dialog
	reactPicker  *emojiPicker    // "React ▸ More…", built on first use
	filesPreview *filesPreview   // the open "Send to …" preview of files
	stop         chan struct{}

	header   *conversationHeader
	column   *fyne.Container
	scroll   *container.Scroll
	older    fyne.CanvasObject // "Loading earlier messages…"
	problem  *widget.Label
	composer *composer
	optOut   *optOutStrip
	side     *conversationSide // the contact panel and the header's menu
	content  fyne.CanvasObject
}

// renderedRow is a drawn row and the signature it was drawn for.
type renderedRow struct {
	sig string
	obj fyne.CanvasObject
}

func newConversationView(e env, cv app.Conversation, ch app.Channel, showChannel bool) *conversationView {
	v := &conversationView{env: e, conv: cv, channel: ch, showChannel: showChannel, rows: map[string]renderedRow{},
		heights: map[string]rowHeight{}, spacers: map[string]*canvas.Rectangle{}}
	v.ctx, v.cancel = context.WithCancel(context.Background())
	v.reloads = kit.NewPlannedReloader(e.Run, v.ctx, e.ReloadGap, v.planRead, v.reloaded)
	v.media = newMediaLoader(e, func(int64) { v.render() })
	v.header = newConversationHeader()
	v.header.onLabels = func() {
		if v.onLabels != nil {
			v.onLabels(v.header.labels)
		}
	}
	v.column = container.New(layout.NewCustomPaddedVBoxLayout(0))
	v.scroll = container.NewVScroll(container.New(layout.NewCustomPaddedLayout(8, 10, 0, 0), v.column))
	v.scroll.OnScrolled = v.onScrolled
	v.problem = &widget.Label{Wrapping: fyne.TextWrapWord, Importance: widget.DangerImportance, Alignment: fyne.TextAlignCenter}
	v.problem.Hide()
	v.older = newFloatingNote("Loading earlier messages…")
	v.older.Hide()
	v.composer = newComposer(v.onSend, v.onTemplate, v.onAttach)
	v.setUpQuickReplies()
	v.windowOpen, _ = cv.WindowOpen(e.core.Now())
	v.header.set(cv, ch, showChannel, e.core.Now())
	v.composer.setWindow(v.windowOpen, cv.LastInboundAt.IsZero())

	middle := container.New(&stickyStack{view: v}, widgets.NewChatWallpaper(), v.scroll,
		container.NewVBox(container.NewCenter(v.older), v.problem))
	v.side = newConversationSide(v)
	v.content = container.New(sideLayout{},
		container.NewBorder(container.NewVBox(v.header.content, v.setUpOptOut()), v.composer.content, nil, nil, middle),
		v.side.slot)
	return v
}

// load shows the newest messages and starts the minute ticker.
func (v *conversationView) load() {
	v.startTicker()
	v.stickBottom = true
	v.reload()
}

// close stops the ticker; the view is not used again.
func (v *conversationView) close() {
	v.cancel()
	if v.unmark != nil {
		v.unmark.Stop()
	}
	v.reloads.Stop()
	if v.stop != nil {
		close(v.stop)
		v.stop = nil
	}
}

// startTicker updates the window countdown every minute until close.
func (v *conversationView) startTicker() {
	if v.stop != nil {
		return
	}
	stop := make(chan struct{})
	v.stop = stop
	go func() {
		t := time.NewTicker(time.Minute)
		defer t.Stop()
		for {
			select {
			case <-stop:
				return
			case <-t.C:
				fyne.Do(func() {
					if v.stop == stop {
						v.tick()
					}
				})
			}
		}
	}()
}

// tick brings the window state up to date.
func (v *conversationView) tick() {
	v.updateWindow()
	if v.onTick != nil {
		v.onTick()
	}
}

// updateWindow shows the window state at the core's current time; the
// composer changes when the window opens or closes.
func (v *conversationView) updateWindow() {
	open := v.header.set(v.conv, v.channel, v.showChannel, v.env.core.Now())
	v.showLabels()
	v.composer.setWindow(open, v.conv.LastInboundAt.IsZero())
	if open != v.windowOpen {
		v.windowOpen = open
		v.render() // Reply is offered only while the window is open
	}
}

// reload reads the conversation and every loaded message again (plus
// new ones) in the background and shows them; reloads asked for
// meanwhile become one more, a few a second at most.
func (v *conversationView) reload() { v.reloads.Request() }

// conversationRead is one read of the open conversation.
type conversationRead struct {
	conv     app.Conversation
	msgs     []app.Message
	hasOlder bool
}

// planRead copies what a reload needs from the view, on the UI goroutine,
// and returns the read to run in the background.
func (v *conversationView) planRead() func(context.Context) (conversationRead, error) {
	if v.stickBottom {
		v.backToNewest()
	}
	core, id := v.env.core, v.conv.ID
	oldest, top := int64(0), int64(0)
	if len(v.msgs) > 0 {
		oldest = v.msgs[0].ID
		if v.hasNewer {
			top = v.msgs[len(v.msgs)-1].ID
		}
	}
	return func(ctx context.Context) (conversationRead, error) {
		cv, err := core.Conversation(ctx, id)
		if err != nil {
			return conversationRead{}, err
		}
		msgs, hasOlder, err := fetchDownTo(ctx, core, id, oldest, top)
		return conversationRead{conv: cv, msgs: msgs, hasOlder: hasOlder}, err
	}
}

// fetchDownTo reads a conversation's messages from the newest (or from
// message top, when not 0) down to message oldest (one page when oldest
// is 0), returned oldest first, and whether older ones exist below the
// first page.
func fetchDownTo(ctx context.Context, core Core, convID, oldest, top int64) ([]app.Message, bool, error) {
	var out []app.Message // newest first
	before := int64(0)
	if top > 0 {
		before = top + 1
	}
	for {
		page, err := core.Messages(ctx, convID, before, pageSize)
		if err != nil {
			return nil, false, err
		}
		out = append(out, page...)
		if len(page) < pageSize {
			break
		}
		before = page[len(page)-1].ID
		if oldest == 0 || before <= oldest {
			break
		}
	}
	if oldest != 0 {
		out = slices.DeleteFunc(out, func(m app.Message) bool { return m.ID < oldest })
	}
	slices.Reverse(out)
	return out, len(out) >= pageSize, nil
}

// reloaded shows a fresh read; the view stays where the owner scrolled
// unless it was at the newest message.
func (v *conversationView) reloaded(r conversationRead, err error) {
	cv, msgs, hasOlder := r.conv, r.msgs, r.hasOlder
	if err != nil {
		slog.Error("load conversation", "conversation", v.conv.ID, "err", err)
		v.problem.SetText("Parley could not read this conversation. " + app.Explain(err))
		v.problem.Show()
	} else {
		v.problem.Hide()
		follow := v.stickBottom || v.atBottom()
		first := !v.loaded
		v.conv = cv
		if first {
			v.hasOlder = hasOlder
		}
		v.loaded = true
		v.msgs = msgs
		v.optOut.set(cv.OptOut)
		v.side.refresh()
		v.updateWindow()
		v.render()
		if follow {
			v.scrollToBottom()
		}
		if first {
			v.content.Refresh() // draw the whole view anew once it is filled
		}
		v.stickBottom = false
		if v.hasOlder && v.column.MinSize().Height < v.scroll.Size().Height {
			v.loadOlder() // nothing to scroll yet: fill the view
		}
	}
}

// render draws the loaded messages, reusing rows that did not change.
// Media arriving while it draws asks for another pass. A view showing the
// newest message keeps showing it.
func (v *conversationView) render() {
	if v.rendering {
		v.dirty = true
		return
	}
	v.rendering = true
	follow := v.loaded && v.atBottom()
	for range 8 {
		v.dirty = false
		v.renderOnce()
		v.scroll.Refresh() // the content takes its new height at once
		if follow {
			v.scroll.ScrollToBottom()
			v.placeRows() // the rows near the newest message
		}
		if !v.dirty {
			break
		}
	}
	v.rendering = false
	v.column.Refresh()
}

// renderOnce builds the rows' items and places them (see placeRows).
func (v *conversationView) renderOnce() {
	v.items = buildItems(v.msgs, conversationName(v.conv), v.env.core.Now())
	v.sigs = make([]string, len(v.items))
	for i, it := range v.items {
		v.sigs[i] = v.rowSig(it)
	}
	v.placeRows()
}

// newRow draws one row.
func (v *conversationView) newRow(it chatItem) fyne.CanvasObject {
	switch {
	case it.day != "":
		return widgets.NewDaySeparator(it.day)
	case it.msg == nil:
		return widgets.NewSystemNotice(it.notice)
	}
	m := *it.msg
	opts := widgets.BubbleOptions{Quote: it.quote, QuoteAuthor: it.quoteAuthor, Reactions: it.reactions, Tail: it.tail}
	if st := v.media.states[m.ID]; st != nil {
		opts.Thumbnail, opts.MediaNote, opts.MediaFailed, opts.NoPreview = st.thumb, st.note, st.failed, st.undecodable
		if st.thumb == nil {
			opts.PhotoSize = st.size // decoded again: keep its place
		}
	}
	if m.Media != nil && m.Direction == app.Inbound && opts.MediaNote == "" {
		opts.MediaNote, opts.MediaFailed = savingNote(m)
	}
	if v.windowOpen && m.WAMessageID != "" {
		opts.OnReply = func() { v.onReply(m) }
	}
	if v.windowOpen && m.WAMessageID != "" && m.Direction == app.Inbound {
		opts.OnReact = func(emoji string) { v.react(m, emoji) }
		opts.OnReactMore = func() { v.reactMore(m) }
		opts.MyReaction = it.myReaction
	}
	switch m.State {
	case app.StateFailed:
		opts.OnRetry = func() { v.onRetry(m) }
	case app.StateUnknown:
		opts.OnRetry = func() { v.onSendAgain(m) }
	}
	if m.Media != nil {
		opts.OnOpen = func() { v.media.open(m) }
		opts.SaveOnly = app.OpenPolicyOf(m) != app.OpenInViewer
		if isPhotoType(m.Type) && m.Media.Lost != app.MediaExpired {
			opts.OnDownload = func() { v.media.fetch(m, false) }
		}
	}
	if m.ID == v.markID {
		return marked(widgets.NewChatBubble(m, opts))
	}
	return widgets.NewChatBubble(m, opts)
}

// savingNote is what a customer's attachment says before the conversation
// touched it: that Parley is saving it in the background, or why it could
// not be saved (expired reads as a failure).
func savingNote(m app.Message) (note string, failed bool) {
	switch {
	case m.Media.Lost != "":
		return m.Media.Lost.Note(), m.Media.Lost == app.MediaExpired
	case m.Media.LocalPath == "" && m.Media.ID != "" && isPhotoType(m.Type):
		return savingText, false
	case m.Media.LocalPath == "" && m.Media.ID != "":
		if d := widgets.FileDetails(m); d != "" {
			return d + " · " + strings.ToLower(savingText[:1]) + savingText[1:], false
		}
		return savingText, false
	}
	return "", false
}

// savingText is shown on an attachment the background saver has not
// saved yet.
const savingText = "Saving to this computer…"

// showsAny reports whether the conversation shows a message one of the
// statuses is about, so its ticks may have moved.
func (v *conversationView) showsAny(statuses []app.StatusUpdate) bool {
	for _, m := range v.msgs {
		if m.WAMessageID == "" || m.Direction != app.Outbound {
			continue
		}
		for _, st := range statuses {
			if st.WAMessageID == m.WAMessageID {
				return true
			}
		}
	}
	return false
}

// showLabels shows the conversation's labels in the header.
func (v *conversationView) showLabels() {
	var all []app.Label
	if v.allLabels != nil {
		all = v.allLabels()
	}
	v.header.setLabels(labelsOf(v.conv.Labels, all))
	if v.side != nil && v.side.extras != nil {
		v.side.extras.set()
	}
}
