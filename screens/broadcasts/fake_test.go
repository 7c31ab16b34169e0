package broadcasts

import (
	"context"
	"io"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/screens/kit"
	"github.com/parley-app/parley/screens/screentest"
)

// fakeCore is the broadcasts' part of the core in memory: what it
// returns is set by the test, and what the page asked is recorded.
type fakeCore struct {
	mu  sync.Mutex
	bus app.Bus
	now time.Time

	labels    []app.Label
	templates app.TemplateList

	csv      func(r io.Reader) (app.Audience, error)
	byLabels func(ids []int64) (app.Audience, error)
	recent   func(days int) (app.Audience, error)
	csvRead  string // what the last CSV read got

	plan      app.BroadcastPlan
	planErr   error
	planned   []app.BroadcastDraft
	createErr error
	created   []app.BroadcastDraft
	tests     []string // numbers a test went to
	testErr   error

	broadcasts []app.Broadcast
	recipients map[int64][]app.RecipientResult
	timeline   map[int64][]app.BroadcastPoint
	controls   []string // "pause 7", "resume 7", "cancel 7", "retry 7", "export 7 path"
	retried    int
}

var _ Core = (*fakeCore)(nil)

func newFakeCore() *fakeCore {
	none := func() (app.Audience, error) { return app.Audience{}, nil }
	return &fakeCore{now: time.Date(2026, 12, 3, 10, 0, 0, 0, time.Local),
		csv:        func(io.Reader) (app.Audience, error) { return none() },
		byLabels:   func([]int64) (app.Audience, error) { return none() },
		recent:     func(int) (app.Audience, error) { return none() },
		recipients: map[int64][]app.RecipientResult{}, timeline: map[int64][]app.BroadcastPoint{}}
}

func (f *fakeCore) Events() *app.Bus { return &f.bus }
func (f *fakeCore) Now() time.Time   { return f.now }
func (f *fakeCore) Labels(context.Context) ([]app.Label, error) {
	return f.labels, nil
}
func (f *fakeCore) Templates(context.Context, app.ChannelID) (app.TemplateList, error) {
	return f.templates, nil
}

func (f *fakeCore) AudienceFromCSV(_ context.Context, _ app.ChannelID, r io.Reader) (app.Audience, error) {
	b, _ := io.ReadAll(r)
	f.csvRead = string(b)
	return f.csv(r)
}

func (f *fakeCore) AudienceFromLabels(_ context.Context, _ app.ChannelID, ids []int64) (app.Audience, error) {
	return f.byLabels(ids)
}

func (f *fakeCore) AudienceRecent(_ context.Context, _ app.ChannelID, days int) (app.Audience, error) {
	return f.recent(days)
}

func (f *fakeCore) BroadcastValues(d app.BroadcastDraft, r app.Recipient) app.TemplateValues {
	return new(app.BroadcastUseCases).BroadcastValues(d, r)
}

func (f *fakeCore) PlanBroadcast(_ context.Context, d app.BroadcastDraft) (app.BroadcastPlan, error) {
	f.planned = append(f.planned, d)
	return f.plan, f.planErr
}

func (f *fakeCore) SendBroadcastTest(_ context.Context, _ app.BroadcastDraft, own string) (app.Message, error) {
	f.tests = append(f.tests, own)
	return app.Message{}, f.testErr
}

func (f *fakeCore) CreateBroadcast(_ context.Context, d app.BroadcastDraft) (app.Broadcast, error) {
	f.created = append(f.created, d)
	if f.createErr != nil {
		return app.Broadcast{}, f.createErr
	}
	b := app.Broadcast{ID: int64(len(f.broadcasts) + 1), ChannelID: d.ChannelID, Name: d.Name, Template: d.Template.Name,
		State: app.BroadcastSending, CreatedAt: f.now, Totals: app.BroadcastTotals{Recipients: len(d.Audience.Recipients),
			Waiting: len(d.Audience.Recipients)}}
	f.broadcasts = append([]app.Broadcast{b}, f.broadcasts...)
	return b, nil
}

func (f *fakeCore) Broadcasts(context.Context, app.ChannelID) ([]app.Broadcast, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]app.Broadcast(nil), f.broadcasts...), nil
}

func (f *fakeCore) Broadcast(_ context.Context, id int64) (app.Broadcast, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, b := range f.broadcasts {
		if b.ID == id {
			return b, nil
		}
	}
	return app.Broadcast{}, app.ErrNotFound
}

func (f *fakeCore) BroadcastRecipients(_ context.Context, id int64) ([]app.RecipientResult, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.recipients[id], nil
}

func (f *fakeCore) BroadcastTimeline(_ context.Context, id int64) ([]app.BroadcastPoint, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.timeline[id], nil
}

// setState changes broadcast id's state, as the core would.
func (f *fakeCore) setState(id int64, s app.BroadcastState) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for i := range f.broadcasts {
		if f.broadcasts[i].ID == id {
			f.broadcasts[i].State = s
		}
	}
}

func (f *fakeCore) control(what string, id int64, s app.BroadcastState) error {
	f.controls = append(f.controls, what+" "+itoa(id))
	if s != "" {
		f.setState(id, s)
	}
	return nil
}

func (f *fakeCore) PauseBroadcast(_ context.Context, id int64) error {
	return f.control("pause", id, app.BroadcastPaused)
}
func (f *fakeCore) ResumeBroadcast(_ context.Context, id int64) error {
	return f.control("resume", id, app.BroadcastSending)
}
func (f *fakeCore) CancelBroadcast(_ context.Context, id int64) error {
	return f.control("cancel", id, app.BroadcastCancelled)
}
func (f *fakeCore) RetryBroadcastFailed(_ context.Context, id int64) (int, error) {
	return f.retried, f.control("retry", id, "")
}
func (f *fakeCore) ExportBroadcastResults(_ context.Context, id int64, path string) error {
	return f.control("export "+path, id, "")
}

func itoa(n int64) string { return number(int(n)) }

// testChannel is the channel the pages are for.
var testChannel = app.Channel{ID: 1, Name: "Bäckerei Müller", PhoneNumber: "+4930123456"}

// page is this feature on a test window: the fake core, the env the
// pages are built with and the navigation's stage.
type page struct {
	core   *fakeCore
	env    *env
	window fyne.Window
	nav    *screentest.Nav
	chats  []int64 // conversations opened
}

func newPage(t testing.TB) *page {
	t.Helper()
	test.NewTempApp(t)
	w := test.NewTempWindow(t, nil)
	nav := &screentest.Nav{Stage: container.NewStack()}
	w.SetContent(nav.Stage)
	w.Resize(screentest.WindowSize)
	p := &page{core: newFakeCore(), window: w, nav: nav}
	p.env = &env{Env: kit.Env{Window: w, Run: screentest.RunNow, Nav: nav}, core: p.core, ch: testChannel,
		openChat: func(id int64) { p.chats = append(p.chats, id) }, drafts: NewDrafts()}
	return p
}

// shown is what the window shows, dialogs included.
func (p *page) shown() fyne.CanvasObject { return p.window.Content() }

// shows reports whether some visible text contains s.
func (p *page) shows(s string) bool { return screentest.ShowsText(p.shown(), s) }

// button is the visible button labelled text.
func (p *page) button(t *testing.T, text string) *widget.Button {
	t.Helper()
	return screentest.Button(t, p.shown(), text)
}

// check is the visible checkbox labelled text.
func (p *page) check(t *testing.T, text string) *widget.Check {
	t.Helper()
	var found *widget.Check
	screentest.WalkVisible(p.shown(), func(o fyne.CanvasObject) {
		if c, ok := o.(*widget.Check); ok && c.Text == text && found == nil {
			found = c
		}
	})
	if found == nil {
		t.Fatalf("no visible %q checkbox; the screen shows %q", text, screentest.VisibleTexts(p.shown()))
	}
	return found
}

// overlayButton is the button labelled text on the top dialog.
func (p *page) overlayButton(t *testing.T, text string) *widget.Button {
	t.Helper()
	top := p.window.Canvas().Overlays().Top()
	if top == nil {
		t.Fatalf("no dialog is open")
	}
	return screentest.Button(t, top, text)
}

// overlayShows reports whether the top dialog shows s.
func (p *page) overlayShows(s string) bool {
	top := p.window.Canvas().Overlays().Top()
	return top != nil && screentest.ShowsText(top, s)
}
