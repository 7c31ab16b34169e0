package settings

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/screens/kit"
)

// Section is one part of the Settings page: a heading, a line saying
// what it is for, and its content, on a card of its own.
type Section struct {
	Title    string
	Subtitle string
	Content  fyne.CanvasObject
}

// Page is the Settings page: its sections one under the other, quick
// replies and opt-out words first, then the shell's.
type Page struct {
	// Content is the page, to put on the stage.
	Content fyne.CanvasObject

	env    env
	quick  *quickSection
	words  *wordsSection
	cancel func() // ends the event subscription
}

// NewPage builds the Settings page on core, with the shell's extra
// sections after Parley's own (such as "Back up and restore"). It reads
// nothing yet: the shell calls Reload each time it shows the page, so a
// start that never opens Settings does not read it.
func NewPage(k kit.Env, core Core, extra ...Section) *Page {
	p := &Page{env: env{Env: k, core: core}}
	p.quick = newQuickSection(p.env)
	p.words = newWordsSection(p.env)
	sections := append([]Section{p.quick.section(), p.words.section()}, extra...)
	column := container.NewVBox()
	for _, s := range sections {
		column.Add(newSectionCard(s))
	}
	p.Content = kit.NewPage("Settings", "How Parley works for you and your customers", nil,
		container.NewVScroll(container.New(layout.NewCustomPaddedLayout(0, 12, 0, 8), column)))
	p.cancel = core.Events().Subscribe(p.onCoreEvent)
	return p
}

// Reload reads the quick replies and the words again; word lists the
// owner changed and has not saved yet stay as typed (they left the page
// and came back).
func (p *Page) Reload() {
	p.quick.reload()
	p.words.reloadUnlessEdited()
}

// Close stops following the core's events; the page is not used again.
func (p *Page) Close() { p.cancel() }

// onCoreEvent runs on the publishing goroutine.
func (p *Page) onCoreEvent(e app.Event) {
	switch e.Kind {
	case app.EventQuickRepliesChanged:
		fyne.Do(p.quick.reload)
	case app.EventOptOutChanged:
		if len(e.ConversationIDs) == 0 { // the lists changed, not a customer
			fyne.Do(p.words.reloadUnlessEdited)
		}
	}
}

// newSectionCard draws s: its heading and subtitle over its content.
func newSectionCard(s Section) fyne.CanvasObject {
	title := &widget.Label{Text: s.Title, TextStyle: fyne.TextStyle{Bold: true}, SizeName: theme.SizeNameSubHeadingText}
	head := container.NewVBox(title)
	if s.Subtitle != "" {
		sub := kit.NewMutedText(s.Subtitle, fyne.TextAlignLeading, theme.SizeNameText)
		sub.Wrapping = fyne.TextWrapWord
		head.Add(container.New(layout.NewCustomPaddedLayout(-theme.Padding()*2, 0, 0, 0), sub))
	}
	return container.New(layout.NewCustomPaddedLayout(0, 10, 0, 0),
		kit.NewFormCard(container.NewBorder(head, nil, nil, nil, s.Content)))
}

// load runs fn off the UI goroutine and hands its error to done on it.
func (e env) load(fn func(ctx context.Context) error, done func(error)) {
	kit.Load(e.Run, context.Background(), func(ctx context.Context) (struct{}, error) {
		return struct{}{}, fn(ctx)
	}, func(_ struct{}, err error) { done(err) })
}
