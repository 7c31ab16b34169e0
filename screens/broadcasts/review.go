package broadcasts

import (
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/screens/kit"
)

// The start choices.
const (
	choiceNow   = "Send now"
	choiceLater = "At a set date and time"
)

// reviewStep is step 3: what starting the broadcast does (recipients,
// what WhatsApp charges, the number's quality and daily limit), when it
// starts, and Start.
type reviewStep struct {
	w *wizard

	plan    app.BroadcastPlan
	planned bool

	summary  *fyne.Container
	quality  *fyne.Container
	limit    *fyne.Container
	spread   *widget.Check
	limitErr *widget.Label
	when     *widget.RadioGroup
	date     *widget.DateEntry
	clock    *widget.Entry
	whenNote *kit.FieldNote
	laterBox fyne.CanvasObject
	// left and right lay their columns out again as they grow.
	left, right *container.Scroll
	content     fyne.CanvasObject
}

func newReviewStep(w *wizard) *reviewStep {
	r := &reviewStep{w: w}
	r.summary = container.NewVBox()
	r.quality = container.NewVBox()
	r.limit = container.NewVBox()
	r.spread = widget.NewCheck("", func(bool) { r.limitErr.Hide(); w.updateButtons() })
	r.limitErr = &widget.Label{Importance: widget.DangerImportance, Wrapping: fyne.TextWrapWord}
	r.limitErr.Hide()
	r.date = widget.NewDateEntry()
	r.date.OnChanged = func(*time.Time) { r.whenNote.SetProblem(""); w.updateButtons() }
	r.clock = &widget.Entry{PlaceHolder: "09:00", Text: "09:00"}
	r.clock.OnChanged = func(text string) {
		r.whenNote.SetProblem("")
		if _, err := time.Parse("15:04", strings.TrimSpace(text)); err != nil {
			r.whenNote.SetProblem("Type the time as hours and minutes, such as 09:00 or 18:30.")
		}
		w.updateButtons()
	}
	r.whenNote = kit.NewFieldNote("In this computer's time zone. Parley must be running then (it may sit in the tray).")
	r.laterBox = container.NewVBox(container.NewGridWithColumns(2, r.date, r.clock), r.whenNote.Content())
	r.laterBox.Hide()
	r.when = widget.NewRadioGroup([]string{choiceNow, choiceLater}, func(s string) {
		if s == choiceLater {
			if r.date.Date == nil { // tomorrow, as a start
				day := w.env.core.Now().AddDate(0, 0, 1)
				r.date.SetDate(&day)
			}
			r.laterBox.Show()
		} else {
			r.laterBox.Hide()
		}
		r.whenNote.SetProblem("")
		w.updateButtons()
		if r.right != nil {
			r.right.Refresh()
		}
	})
	r.when.Required = true
	r.when.Selected = choiceNow
	r.left = container.NewVScroll(container.NewVBox(kit.NewFormCard(r.summary), r.quality))
	r.right = container.NewVScroll(container.NewVBox(kit.NewFormCard(r.limit),
		kit.NewFormCard(container.NewVBox(sectionTitle("When"), r.when, r.laterBox))))
	r.content = container.NewGridWithColumns(2, r.left, r.right)
	return r
}

// setPlan shows what starting d does.
func (r *reviewStep) setPlan(d app.BroadcastDraft, plan app.BroadcastPlan) {
	r.plan, r.planned = plan, true
	name := d.Name
	if name == "" {
		name = d.Template.Name
	}
	r.summary.Objects = []fyne.CanvasObject{
		sectionTitle(name),
		line("Recipients", count(plan.Recipients, "customer", "customers")),
		line("Template", d.Template.Name+" ("+d.Template.Language+")"),
		line("Cost category", categoryLabel(plan.Category)+"  ·  "+textCategory),
		line("Sending takes", duration(plan.SecondsAtFullSpeed)+" at your number's speed"),
	}
	r.summary.Refresh()

	r.quality.Objects = nil
	if plan.Quality != app.QualityGreen {
		r.quality.Add(kit.NewFormInfoBox(theme.WarningIcon(), qualityTitle(plan.Quality), qualityText(plan.Quality)))
	}
	r.quality.Refresh()

	limitText := fmt.Sprintf("Your number may start conversations with %s a day", count(plan.DailyLimit, "customer", "customers"))
	if !plan.LimitKnown {
		limitText += " (WhatsApp has not told Parley your limit yet, so it keeps to a new number's)"
	}
	limitText += fmt.Sprintf("; %s already reached in the last 24 hours.", number(plan.UsedToday))
	objs := []fyne.CanvasObject{sectionTitle("Daily limit"), &widget.Label{Text: limitText, Wrapping: fyne.TextWrapWord}}
	if plan.Days > 1 {
		left := max(plan.DailyLimit-plan.UsedToday, 0)
		objs = append(objs, &widget.Label{Importance: widget.WarningImportance, Wrapping: fyne.TextWrapWord,
			Text: fmt.Sprintf("This broadcast needs %d days: %s today and the rest over the following days, within your limit.",
				plan.Days, count(left, "customer", "customers"))})
		r.spread.Text = fmt.Sprintf("Spread over %d days", plan.Days)
		r.spread.Refresh()
		objs = append(objs, r.spread)
	} else {
		r.spread.SetChecked(false)
		objs = append(objs, &widget.Label{Text: "It fits in today's limit.", Importance: widget.SuccessImportance})
	}
	objs = append(objs, r.limitErr)
	r.limit.Objects = objs
	r.limit.Refresh()
	r.limitErr.Hide()
	r.left.Refresh()
	r.right.Refresh()
}

// line is one fact of the summary: a bold name and its value.
func line(name, value string) fyne.CanvasObject {
	return container.NewBorder(nil, nil,
		container.NewGridWrap(fyne.NewSize(150, 36), &widget.Label{Text: name, TextStyle: fyne.TextStyle{Bold: true}}), nil,
		&widget.Label{Text: value, Wrapping: fyne.TextWrapWord})
}

// qualityTitle and qualityText warn about a number whose quality is not
// high.
func qualityTitle(q app.Quality) string {
	return "Your number's quality is " + q.Label()
}

func qualityText(q app.Quality) string {
	if q == app.QualityUnknown {
		return "WhatsApp has not reported your number's quality yet. Customers who block or report a broadcast lower it, " +
			"and with it how many customers you may message: send only to customers who expect to hear from you."
	}
	return "Customers blocked or reported recent messages. Another broadcast they do not want can lower your daily limit " +
		"or get the number restricted: send only to customers who expect it, or wait until the quality is high again."
}

// startText is the start button's text.
func (r *reviewStep) startText() string {
	if r.when.Selected == choiceLater {
		return "Schedule broadcast"
	}
	return "Start broadcast"
}

// ready reports whether the broadcast may start: planned, spread when it
// needs days, and a time given when it is set for later.
func (r *reviewStep) ready() bool {
	if !r.planned {
		return false
	}
	if r.plan.Days > 1 && !r.spread.Checked {
		return false
	}
	if r.when.Selected == choiceLater {
		_, ok := r.startAt()
		return ok
	}
	return true
}

// startAt is the date and time chosen, in local time.
func (r *reviewStep) startAt() (time.Time, bool) {
	if r.date.Date == nil {
		return time.Time{}, false
	}
	hm, err := time.Parse("15:04", strings.TrimSpace(r.clock.Text))
	if err != nil {
		return time.Time{}, false
	}
	d := r.date.Date.Local()
	return time.Date(d.Year(), d.Month(), d.Day(), hm.Hour(), hm.Minute(), 0, 0, time.Local), true
}

// fill puts the start and the spreading into d.
func (r *reviewStep) fill(d *app.BroadcastDraft) {
	d.SpreadOverDays = r.plan.Days > 1 && r.spread.Checked
	if r.when.Selected == choiceLater {
		if at, ok := r.startAt(); ok {
			d.StartAt = at
		}
	}
}

// showOverLimit says the broadcast needs spreading.
func (r *reviewStep) showOverLimit() {
	r.limitErr.SetText("This broadcast reaches more customers than your number's limit leaves today. Tick \"Spread\" to send the rest on the following days.")
	r.limitErr.Show()
}

// showProblem puts a problem of the start under its field; false when it
// is not the review's.
func (r *reviewStep) showProblem(fe app.FieldError) bool {
	if fe.Field != app.FieldBroadcastStart {
		return false
	}
	r.whenNote.SetProblem(fe.UnderField())
	return true
}

func (r *reviewStep) clearProblems() {
	r.whenNote.SetProblem("")
	r.limitErr.Hide()
}
