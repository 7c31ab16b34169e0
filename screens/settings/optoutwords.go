package settings

import (
	"context"
	"errors"
	"log/slog"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/screens/kit"
)

// Words of the opt-out section.
const (
	textWordsTitle    = "Opt-out words"
	textWordsSubtitle = "When a customer's whole message is a stop word, Parley stops marketing templates to them, with the date; " +
		"a start word allows them again. Case, accents and punctuation do not matter (“Stop!” counts, “please don't stop” does not). " +
		"You can still answer them and send utility templates."
	textSaveWords    = "Save words"
	textDefaultWords = "Use Parley's words"
	textWordsSaved   = "Saved. They count for the messages that arrive from now on."
)

// wordsSection edits the stop and start words, one per line.
type wordsSection struct {
	env       env
	stop      *widget.Entry
	start     *widget.Entry
	stopNote  *kit.FieldNote
	startNote *kit.FieldNote
	problem   *widget.Label
	save      *widget.Button
	saved     app.OptOutWords // as last read or saved
	content   fyne.CanvasObject
}

func newWordsSection(e env) *wordsSection {
	s := &wordsSection{env: e,
		stop:      &widget.Entry{MultiLine: true},
		start:     &widget.Entry{MultiLine: true},
		stopNote:  kit.NewFieldNote("One per line, such as STOP, PARAR, BERHENTI."),
		startNote: kit.NewFieldNote("One per line, such as START, COMEÇAR, MULAI."),
		problem:   kit.NewFormProblem()}
	for _, en := range []*widget.Entry{s.stop, s.start} {
		en.SetMinRowsVisible(8)
		en.OnChanged = func(string) { s.stopNote.SetProblem(""); s.startNote.SetProblem("") }
	}
	s.save = &widget.Button{Text: textSaveWords, Importance: widget.HighImportance, OnTapped: s.onSave}
	defaults := &widget.Button{Text: textDefaultWords, OnTapped: func() { s.fill(app.DefaultOptOutWords()) }}
	s.content = container.NewVBox(
		container.NewGridWithColumns(2,
			kit.NewFormField("Stop words", s.stop, s.stopNote),
			kit.NewFormField("Start words", s.start, s.startNote)),
		s.problem,
		container.NewHBox(s.save, defaults))
	return s
}

func (s *wordsSection) section() Section {
	return Section{Title: textWordsTitle, Subtitle: textWordsSubtitle, Content: s.content}
}

// reload reads the words and puts them in the fields.
func (s *wordsSection) reload() {
	core := s.env.core
	kit.Load(s.env.Run, context.Background(), core.OptOutWords, func(w app.OptOutWords, err error) {
		if err != nil {
			slog.Warn("read opt-out words", "err", err)
			kit.SetFormProblem(s.problem, "Parley could not read the opt-out words. "+app.Explain(err))
			return
		}
		kit.SetFormProblem(s.problem, "")
		s.saved = w
		s.fill(w)
	})
}

// reloadUnlessEdited reads the words again unless the owner is changing
// them here: what they typed is never replaced.
func (s *wordsSection) reloadUnlessEdited() {
	if s.edited() {
		return
	}
	s.reload()
}

// edited reports whether the fields differ from the words last read.
func (s *wordsSection) edited() bool {
	return s.stop.Text != strings.Join(s.saved.Stop, "\n") || s.start.Text != strings.Join(s.saved.Start, "\n")
}

// fill puts w in the fields.
func (s *wordsSection) fill(w app.OptOutWords) {
	s.stop.SetText(strings.Join(w.Stop, "\n"))
	s.start.SetText(strings.Join(w.Start, "\n"))
}

// onSave hands the lists to the core.
func (s *wordsSection) onSave() {
	w := app.OptOutWords{Stop: strings.Split(s.stop.Text, "\n"), Start: strings.Split(s.start.Text, "\n")}
	core := s.env.core
	s.save.Disable()
	s.env.load(func(ctx context.Context) error { return core.SetOptOutWords(ctx, w) }, func(err error) {
		s.save.Enable()
		var ve app.ValidationErrors
		switch {
		case errors.As(err, &ve):
			s.stopNote.SetProblem(ve.For(app.FieldOptOutStop))
			s.startNote.SetProblem(ve.For(app.FieldOptOutStart))
		case err != nil:
			slog.Warn("save opt-out words", "err", err)
			kit.SetFormProblem(s.problem, "Not saved: "+app.Explain(err))
		default:
			kit.SetFormProblem(s.problem, "")
			s.reload()
			s.stopNote.SetGood(textWordsSaved)
		}
	})
}
