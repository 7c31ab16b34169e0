package broadcasts

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/parley-app/parley/app"
)

// toReview takes the wizard to the review with plan.
func toReview(t *testing.T, p *page, w *wizard, plan app.BroadcastPlan) {
	t.Helper()
	toCompose(t, p, w)
	p.core.plan = plan
	test.Tap(w.nextBtn)
	if w.step != stepReview {
		t.Fatalf("the review is not shown: %q", p.shown())
	}
}

// The review says what WhatsApp charges and, over the daily limit, how
// many days it takes; it starts only once the owner agrees to spread it.
func TestReviewSpreadsOverDays(t *testing.T) {
	p, w := newWizard(t)
	toReview(t, p, w, app.BroadcastPlan{Recipients: 3000, DailyLimit: 1000, LimitKnown: true, UsedToday: 200, Days: 4,
		Category: app.CategoryMarketing, Quality: app.QualityGreen, SecondsAtFullSpeed: 40})
	for _, want := range []string{"3,000 customers", "Marketing", "WhatsApp charges per message by category",
		"1,000 customers a day", "200 already reached in the last 24 hours", "needs 4 days", "800 customers today"} {
		if !p.shows(want) {
			t.Errorf("the review does not show %q", want)
		}
	}
	if p.shows("quality is") {
		t.Error("a green number is warned about its quality")
	}
	start := p.button(t, "Start broadcast")
	if !start.Disabled() {
		t.Error("Start is possible before agreeing to spread over days")
	}
	test.Tap(p.check(t, "Spread over 4 days"))
	test.Tap(start)
	if len(p.core.created) != 1 || !p.core.created[0].SpreadOverDays || !p.core.created[0].StartAt.IsZero() {
		t.Fatalf("created %+v", p.core.created)
	}
	if !p.shows("Pause") || !p.shows("sunday_offer") {
		t.Error("the results are not shown once started")
	}
	if p.env.drafts.of(testChannel.ID) != nil {
		t.Error("the broadcast started is still kept as an unfinished one")
	}
}

// A number whose quality is not green is warned before it starts.
func TestReviewWarnsAboutQuality(t *testing.T) {
	p, w := newWizard(t)
	toReview(t, p, w, app.BroadcastPlan{Recipients: 3, DailyLimit: 250, Days: 1, Category: app.CategoryUtility,
		Quality: app.QualityYellow})
	if !p.shows("Your number's quality is medium (yellow)") || !p.shows("Utility") || !p.shows("keeps to a new number's") {
		t.Errorf("the review does not warn: %q", p.shown())
	}
}

// A start at a set time goes to the core; its problem shows at the time.
func TestScheduleProblemShowsAtTheTime(t *testing.T) {
	p, w := newWizard(t)
	toReview(t, p, w, p.core.plan)
	w.review.when.SetSelected(choiceLater)
	start := p.button(t, "Schedule broadcast")
	if tomorrow := p.core.now.AddDate(0, 0, 1); w.review.date.Date == nil || w.review.date.Date.Day() != tomorrow.Day() || start.Disabled() {
		t.Error("a set time does not start as tomorrow at 09:00")
	}
	w.review.clock.SetText("9 o'clock")
	if !start.Disabled() || !p.shows("Type the time as hours and minutes") {
		t.Error("Schedule is possible without a time, or says nothing")
	}
	day := p.core.now.AddDate(0, 0, -1)
	w.review.date.SetDate(&day)
	w.review.clock.SetText("08:30")
	p.core.createErr = app.ValidationErrors{{Field: app.FieldBroadcastStart, Message: "This time has passed. Choose a later one."}}
	test.Tap(start)
	if !w.review.whenNote.HasProblem() || !p.shows("This time has passed. Choose a later one.") {
		t.Error("the start's problem is not at the time")
	}
	if got := p.core.created[0].StartAt; got.Hour() != 8 || got.Minute() != 30 || got.Day() != day.Day() {
		t.Errorf("the start sent is %v", got)
	}
	p.core.createErr = app.ErrOverDailyLimit
	test.Tap(start)
	if !p.shows("more customers than your number's limit leaves today") {
		t.Error("a refusal over the limit is not explained")
	}
}
