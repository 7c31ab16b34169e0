package broadcasts

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"github.com/parley-app/parley/app"
)

// The chart draws a line of delivered and one of read through the
// timeline's points, rising with the counts, inside its axes, with a
// legend.
func TestChartDrawsTheTimeline(t *testing.T) {
	test.NewTempApp(t)
	c := newTimelineChart()
	at := time.Date(2026, 12, 3, 10, 0, 0, 0, time.Local)
	c.setData([]app.BroadcastPoint{
		{At: at, Delivered: 0, Read: 0},
		{At: at.Add(2 * time.Minute), Delivered: 50, Read: 10},
		{At: at.Add(10 * time.Minute), Delivered: 100, Read: 60},
	}, 100)
	w := test.NewTempWindow(t, c)
	w.Resize(fyne.NewSize(500, 260))
	r := test.WidgetRenderer(c).(*chartRenderer)
	// Each count holds until it changes: a flat segment, then a rise.
	if len(r.delivered) != 4 || len(r.read) != 4 {
		t.Fatalf("%d delivered and %d read segments, want 4 each", len(r.delivered), len(r.read))
	}
	d := r.delivered
	if d[0].Position1.X != chartLeft || d[2].Position2.X <= d[2].Position1.X {
		t.Errorf("the delivered line does not run left to right: %v", d)
	}
	for i := 0; i < len(d); i += 2 {
		flat, rise := d[i], d[i+1]
		if flat.Position1.Y != flat.Position2.Y || rise.Position1.X != rise.Position2.X || rise.Position2.Y >= rise.Position1.Y {
			t.Errorf("step %d is not flat then rising: %v %v", i/2, flat, rise)
		}
	}
	if d[3].Position2.Y != chartTop {
		t.Errorf("all recipients delivered is drawn at %v, want the top %v", d[3].Position2.Y, chartTop)
	}
	if r.read[3].Position2.Y <= d[3].Position2.Y {
		t.Error("read is not drawn below delivered")
	}
	// The second point is a fifth of the way along the time axis.
	width := c.Size().Width - chartLeft - chartRight
	if got := d[1].Position2.X - chartLeft; got < width/5-1 || got > width/5+1 {
		t.Errorf("2 of 10 minutes drawn at %v of %v", got, width)
	}
	texts := map[string]bool{}
	for _, o := range r.Objects() {
		if tx, ok := o.(*canvas.Text); ok {
			texts[tx.Text] = true
		}
	}
	for _, want := range []string{"Delivered", "Read", "0", "50", "100", "10:00", "10:10"} {
		if !texts[want] {
			t.Errorf("the chart has no %q", want)
		}
	}
}

// Without points the chart says so; thousands of points are thinned.
func TestChartEmptyAndThinned(t *testing.T) {
	test.NewTempApp(t)
	c := newTimelineChart()
	w := test.NewTempWindow(t, c)
	w.Resize(fyne.NewSize(500, 260))
	r := test.WidgetRenderer(c).(*chartRenderer)
	found := false
	for _, o := range r.Objects() {
		if tx, ok := o.(*canvas.Text); ok && tx.Text == "Nothing delivered yet" {
			found = true
		}
	}
	if !found || len(r.delivered) != 0 {
		t.Error("an empty chart does not say so")
	}
	at := time.Now()
	pts := make([]app.BroadcastPoint, 5000)
	for i := range pts {
		pts[i] = app.BroadcastPoint{At: at.Add(time.Duration(i) * time.Second), Delivered: i, Read: i / 2}
	}
	c.setData(pts, 5000)
	if len(r.delivered) != 2*(chartMaxPoints-1) {
		t.Errorf("%d segments for 5,000 points", len(r.delivered))
	}
}

// A small broadcast delivered within one second names that moment once,
// not as a range from a time to the same time.
func TestChartOfOneSecondNamesItOnce(t *testing.T) {
	test.NewTempApp(t)
	c := newTimelineChart()
	at := time.Date(2026, 12, 3, 20, 26, 0, 0, time.Local)
	c.setData([]app.BroadcastPoint{
		{At: at.Add(100 * time.Millisecond), Delivered: 1},
		{At: at.Add(400 * time.Millisecond), Delivered: 5},
		{At: at.Add(900 * time.Millisecond), Delivered: 8},
	}, 8)
	w := test.NewTempWindow(t, c)
	w.Resize(fyne.NewSize(500, 260))
	n := 0
	for _, o := range test.WidgetRenderer(c).Objects() {
		if tx, ok := o.(*canvas.Text); ok && tx.Text == "20:26:00" {
			n++
		}
	}
	if n != 1 {
		t.Errorf("the time axis names 20:26:00 %d times, want once", n)
	}
}
