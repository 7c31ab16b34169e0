package broadcasts

import (
	"context"
	"errors"
	"log/slog"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/screens/kit"
)

// The steps of a new broadcast.
const (
	stepAudience = iota
	stepCompose
	stepReview
)

// stepNames are the steps as the indicator names them.
var stepNames = []string{"Audience", "Message", "Review & send"}

// wizard is a new broadcast, in three steps on one page: who gets it,
// what they get, and a review with the limits before it starts. Every
// step keeps what the owner chose while they go back and forth.
type wizard struct {
	env *env
	ctx context.Context

	step     int
	busy     bool // a plan or the start is under way
	audience *audienceStep
	compose  *composeStep
	review   *reviewStep

	indicator *widget.RichText
	stage     *fyne.Container
	backBtn   *widget.Button
	nextBtn   *widget.Button
	startBtn  *widget.Button
	spinner   *widget.Activity
	problem   *widget.Label // a problem of no field
	content   fyne.CanvasObject
}

// openWizard shows the steps of a new broadcast on the channel.
// An unfinished one the owner left comes back as they left it.
func openWizard(e *env) *wizard {
	w := e.drafts.of(e.ch.ID)
	if w == nil {
		w = &wizard{env: e, step: stepAudience}
		w.audience = newAudienceStep(w)
		w.compose = newComposeStep(w)
		w.review = newReviewStep(w)
		w.build()
		e.drafts.keep(e.ch.ID, w)
	}
	w.env = e
	w.ctx = e.Nav.Show(w.content)
	e.wizard = w
	w.audience.load()
	w.compose.load()
	w.showStep(w.step)
	return w
}

func (w *wizard) build() {
	back := &widget.Button{Text: "Broadcasts", Icon: theme.NavigateBackIcon(), Importance: widget.LowImportance,
		OnTapped: func() { openList(w.env) }}
	w.indicator = widget.NewRichText()
	w.stage = container.NewStack()
	w.backBtn = &widget.Button{Text: "Back", Icon: theme.NavigateBackIcon(), OnTapped: w.onBack}
	w.nextBtn = &widget.Button{Text: "Next", Icon: theme.NavigateNextIcon(), IconPlacement: widget.ButtonIconTrailingText,
		Importance: widget.HighImportance, OnTapped: w.onNext}
	w.startBtn = &widget.Button{Text: "Start broadcast", Icon: theme.MailSendIcon(), Importance: widget.HighImportance,
		OnTapped: w.onStart}
	w.spinner = widget.NewActivity()
	w.spinner.Hide()
	w.problem = kit.NewFormProblem()
	buttons := container.NewHBox(w.backBtn, layout.NewSpacer(), w.spinner, w.nextBtn, w.startBtn)
	bottom := container.NewVBox(w.problem, widget.NewSeparator(), buttons)
	body := container.NewBorder(container.NewVBox(w.indicator, widget.NewSeparator()), bottom, nil, nil, w.stage)
	discard := &widget.Button{Text: textDiscard, Icon: theme.DeleteIcon(), Importance: widget.LowImportance, OnTapped: w.onDiscard}
	w.content = pageLayout(back, "New broadcast", channelLine(w.env.ch), discard, body)
}

// showStep puts step s on the stage.
func (w *wizard) showStep(s int) {
	w.step = s
	var segs []widget.RichTextSegment
	for i, name := range stepNames {
		style := widget.RichTextStyle{Inline: true, ColorName: theme.ColorNamePlaceHolder, SizeName: theme.SizeNameSubHeadingText}
		if i == s {
			style.ColorName, style.TextStyle = theme.ColorNamePrimary, fyne.TextStyle{Bold: true}
		}
		if i > 0 {
			segs = append(segs, &widget.TextSegment{Text: "   ›   ", Style: widget.RichTextStyle{Inline: true,
				ColorName: theme.ColorNamePlaceHolder, SizeName: theme.SizeNameSubHeadingText}})
		}
		segs = append(segs, &widget.TextSegment{Text: string(rune('1'+i)) + "  " + name, Style: style})
	}
	w.indicator.Segments = segs
	w.indicator.Refresh()
	var obj fyne.CanvasObject
	switch s {
	case stepAudience:
		obj = w.audience.content
	case stepCompose:
		obj = w.compose.content
		w.compose.shown()
	default:
		obj = w.review.content
	}
	w.stage.Objects = []fyne.CanvasObject{obj}
	w.stage.Refresh()
	kit.SetFormProblem(w.problem, "")
	w.updateButtons()
}

// updateButtons enables what the step and its state allow.
func (w *wizard) updateButtons() {
	setEnabled(w.backBtn, w.step > stepAudience && !w.busy)
	if w.step == stepReview {
		w.nextBtn.Hide()
		w.startBtn.Show()
		w.startBtn.SetText(w.review.startText())
		setEnabled(w.startBtn, !w.busy && w.review.ready())
	} else {
		w.startBtn.Hide()
		w.nextBtn.Show()
		ok := false
		switch w.step {
		case stepAudience:
			ok = w.audience.ready()
		case stepCompose:
			ok = w.compose.ready()
		}
		setEnabled(w.nextBtn, ok && !w.busy)
	}
	if w.busy {
		w.spinner.Show()
		w.spinner.Start()
	} else {
		w.spinner.Stop()
		w.spinner.Hide()
	}
}

func setEnabled(b interface {
	Enable()
	Disable()
}, on bool) {
	if on {
		b.Enable()
	} else {
		b.Disable()
	}
}

func (w *wizard) onBack() {
	if w.step > stepAudience && !w.busy {
		w.showStep(w.step - 1)
	}
}

// onNext moves on: from the audience to the message at once; from the
// message to the review once the core has checked the draft and planned
// it.
func (w *wizard) onNext() {
	switch w.step {
	case stepAudience:
		if w.audience.ready() {
			w.compose.setAudience(*w.audience.audience)
			w.showStep(stepCompose)
		}
	case stepCompose:
		w.plan()
	}
}

// draft is the broadcast as the steps hold it now.
func (w *wizard) draft() app.BroadcastDraft {
	d := app.BroadcastDraft{ChannelID: w.env.ch.ID}
	if w.audience.audience != nil {
		d.Audience = *w.audience.audience
	}
	w.compose.fill(&d)
	w.review.fill(&d)
	return d
}

// plan asks the core to check the draft and plan it, then shows the
// review.
func (w *wizard) plan() {
	w.clearProblems()
	d := w.draft()
	// The start and spreading are chosen on the review, with the plan
	// in view; the core checks them when the broadcast is created.
	d.StartAt, d.SpreadOverDays = time.Time{}, true
	w.setBusy(true)
	core := w.env.core
	kit.Load(w.env.Run, w.ctx, func(ctx context.Context) (app.BroadcastPlan, error) {
		return core.PlanBroadcast(ctx, d)
	}, func(plan app.BroadcastPlan, err error) {
		w.setBusy(false)
		if err != nil {
			w.showError(err)
			return
		}
		w.review.setPlan(d, plan)
		w.showStep(stepReview)
	})
}

// onStart creates the broadcast and shows its results.
func (w *wizard) onStart() {
	if w.busy || !w.review.ready() {
		return
	}
	w.clearProblems()
	d := w.draft()
	w.setBusy(true)
	core := w.env.core
	kit.Load(w.env.Run, w.ctx, func(ctx context.Context) (app.Broadcast, error) {
		return core.CreateBroadcast(ctx, d)
	}, func(b app.Broadcast, err error) {
		w.setBusy(false)
		if err != nil {
			w.showError(err)
			return
		}
		w.env.drafts.drop(w.env.ch.ID)
		openResults(w.env, b)
	})
}

// onDiscard forgets this broadcast, after asking, and starts a new one.
func (w *wizard) onDiscard() {
	if w.busy {
		return
	}
	d := dialog.NewConfirm(textDiscardTitle, textDiscardAsk, func(ok bool) {
		if !ok {
			return
		}
		w.env.drafts.drop(w.env.ch.ID)
		openWizard(w.env)
	}, w.env.Window)
	d.SetConfirmText("Discard")
	d.SetDismissText("Keep it")
	d.SetConfirmImportance(widget.DangerImportance)
	d.Show()
}

// Words of discarding a new broadcast.
const (
	textDiscard      = "Discard"
	textDiscardTitle = "Discard this broadcast?"
	textDiscardAsk   = "The audience, the message and its values you chose here are forgotten. Nothing was sent."
)

func (w *wizard) setBusy(on bool) {
	w.busy = on
	w.updateButtons()
}

// clearProblems hides every step's problems before the core checks
// again.
func (w *wizard) clearProblems() {
	kit.SetFormProblem(w.problem, "")
	w.audience.clearProblems()
	w.compose.clearProblems()
	w.review.clearProblems()
}

// showError puts the core's refusal where it belongs: each field's
// problem under that field, on the first step that has one, which is
// shown; anything else in plain words above the buttons.
func (w *wizard) showError(err error) {
	var ve app.ValidationErrors
	if errors.As(err, &ve) && len(ve) > 0 {
		first := -1
		var rest []string
		for _, fe := range ve {
			s := -1
			switch {
			case w.audience.showProblem(fe):
				s = stepAudience
			case w.compose.showProblem(fe):
				s = stepCompose
			case w.review.showProblem(fe):
				s = stepReview
			default:
				rest = append(rest, fe.Message)
			}
			if s >= 0 && (first < 0 || s < first) {
				first = s
			}
		}
		if first >= 0 && first != w.step {
			w.showStep(first)
		}
		kit.SetFormProblem(w.problem, strings.Join(rest, " "))
		return
	}
	if errors.Is(err, app.ErrOverDailyLimit) && w.step == stepReview {
		w.review.showOverLimit()
		return
	}
	slog.Warn("broadcast", "step", w.step, "err", err)
	kit.SetFormProblem(w.problem, app.Explain(err))
}

// dropFiles takes the first CSV file dropped as the audience, going
// back to the audience step; anything else is refused in plain words.
func (w *wizard) dropFiles(uris []fyne.URI) {
	for _, u := range uris {
		ext := strings.ToLower(u.Extension())
		if u.Scheme() == "file" && (ext == ".csv" || ext == ".txt") {
			if !w.busy {
				w.showStep(stepAudience)
				w.audience.importFile(u.Path())
			}
			return
		}
	}
	w.showStep(stepAudience)
	w.audience.source.SetSelected(choiceCSV)
	w.audience.fileNote.SetProblem("Only a CSV file of numbers can be dropped here (a file ending in .csv).")
}
