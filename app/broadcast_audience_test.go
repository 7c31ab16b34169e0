package app_test

import (
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/parley-app/parley/app"
)

// A label audience is every customer with any of the labels, by the name
// a broadcast may send them, without those who opted out (counted).
func TestAudienceFromLabels(t *testing.T) {
	w := newWorld(t)
	ch := w.addChannel(t)
	vip, err := w.core.CreateLabel(w.ctx, "VIP", app.LabelBlue)
	if err != nil {
		t.Fatal(err)
	}
	regular, err := w.core.CreateLabel(w.ctx, "Regular", app.LabelGreen)
	if err != nil {
		t.Fatal(err)
	}
	other, err := w.core.CreateLabel(w.ctx, "Supplier", app.LabelRed)
	if err != nil {
		t.Fatal(err)
	}
	label := func(waID, name string, labels ...app.Label) app.Conversation {
		cv, err := w.store.ConversationFor(w.ctx, ch.ID, waID, name)
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range labels {
			if err := w.core.SetConversationLabel(w.ctx, cv.ID, l.ID, true); err != nil {
				t.Fatal(err)
			}
		}
		return cv
	}
	anna := label("491701234567", "Anna", vip)
	ben := label("491717654321", "Ben", vip, regular)
	label("491721111111", "Supplier GmbH", other)
	stop := label("491732222222", "Stopper", regular)
	if err := w.core.SetOptedOut(w.ctx, stop.ID, true); err != nil {
		t.Fatal(err)
	}
	a, err := w.core.AudienceFromLabels(w.ctx, ch.ID, []int64{vip.ID, regular.ID})
	if err != nil {
		t.Fatal(err)
	}
	slices.SortFunc(a.Recipients, func(x, y app.Recipient) int { return int(x.ConversationID - y.ConversationID) })
	want := []app.Recipient{
		{WAID: "491701234567", Name: "Anna", ConversationID: anna.ID},
		{WAID: "491717654321", Name: "Ben", ConversationID: ben.ID},
	}
	if !slices.EqualFunc(a.Recipients, want, func(x, y app.Recipient) bool {
		return x.WAID == y.WAID && x.Name == y.Name && x.ConversationID == y.ConversationID
	}) ||
		a.OptedOut != 1 || a.Rows != 3 || a.Source != app.AudienceLabels || a.Columns != nil {
		t.Errorf("audience %+v", a)
	}
	_, err = w.core.AudienceFromLabels(w.ctx, ch.ID, nil)
	var verrs app.ValidationErrors
	if !errors.As(err, &verrs) || verrs.For(app.FieldBroadcastAudience) != "Choose at least one label." {
		t.Errorf("no label: %v", err)
	}
}

// A recent audience is every customer who wrote within the last days by
// the core's clock, without those who opted out (counted).
func TestAudienceRecent(t *testing.T) {
	w := newWorld(t)
	ch := w.addChannel(t)
	hookUp(t, w, ch)
	customerWrites(t, w, ch, "491701234567", "Old Anna", "hello")
	w.clock.Advance(10 * 24 * time.Hour)
	ben := customerWrites(t, w, ch, "491717654321", "Ben", "hi")
	customerWrites(t, w, ch, "491721111111", "Cleo", "STOP")
	if _, err := w.store.ConversationFor(w.ctx, ch.ID, "491732222222", "Never wrote"); err != nil {
		t.Fatal(err)
	}
	w.clock.Advance(6*24*time.Hour + 23*time.Hour)
	a, err := w.core.AudienceRecent(w.ctx, ch.ID, 7)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(waids(a), []string{"491717654321"}) || a.Recipients[0].ConversationID != ben.ID || a.Recipients[0].Name != "Ben" ||
		a.OptedOut != 1 || a.Rows != 2 || a.Source != app.AudienceRecent {
		t.Errorf("the last 7 days: %+v", a)
	}
	if a, _ := w.core.AudienceRecent(w.ctx, ch.ID, 30); len(a.Recipients) != 2 {
		t.Errorf("the last 30 days: %v", waids(a))
	}
	w.clock.Advance(2 * time.Hour)
	if a, _ := w.core.AudienceRecent(w.ctx, ch.ID, 7); len(a.Recipients) != 0 || a.OptedOut != 0 {
		t.Errorf("7 days after the last message: %+v", a)
	}
	_, err = w.core.AudienceRecent(w.ctx, ch.ID, 0)
	var verrs app.ValidationErrors
	if !errors.As(err, &verrs) || verrs.For(app.FieldBroadcastAudience) == "" {
		t.Errorf("zero days: %v", err)
	}
}
