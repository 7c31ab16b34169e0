package broadcasts

import (
	"image/color"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/app"
)

// Colours of the chart's two lines: WhatsApp's green for delivered and
// the blue of its read ticks for read.
var (
	deliveredColor = color.NRGBA{R: 0x1f, G: 0xa8, B: 0x55, A: 0xff}
	readColor      = color.NRGBA{R: 0x2b, G: 0x8f, B: 0xd6, A: 0xff}
)

// Margins of the plot inside the chart, for the axes' labels and the
// legend.
const (
	chartLeft   = 56
	chartRight  = 16
	chartTop    = 30
	chartBottom = 26
	// chartMaxPoints bounds the points drawn per line: a long timeline is
	// thinned to about one point every two pixels.
	chartMaxPoints = 400
)

// timelineChart draws how many recipients had the broadcast delivered and
// had read it over time: two rising lines over time, with axes, a grid,
// labels and a legend, from Fyne's canvas lines, rectangles and texts.
type timelineChart struct {
	widget.BaseWidget

	points []app.BroadcastPoint
	total  int // the recipients: the top of the scale
}

var _ fyne.Widget = (*timelineChart)(nil)

func newTimelineChart() *timelineChart {
	c := &timelineChart{}
	c.ExtendBaseWidget(c)
	return c
}

// setData shows points (cumulative, oldest first) on a scale of total
// recipients. Call it on the UI goroutine.
func (c *timelineChart) setData(points []app.BroadcastPoint, total int) {
	c.points, c.total = points, total
	c.Refresh()
}

// CreateRenderer implements fyne.Widget.
func (c *timelineChart) CreateRenderer() fyne.WidgetRenderer {
	return &chartRenderer{chart: c}
}

// chartRenderer rebuilds the chart's objects for its size and data.
type chartRenderer struct {
	chart   *timelineChart
	size    fyne.Size
	objects []fyne.CanvasObject
	// delivered and read are the lines' segments, for tests.
	delivered, read []*canvas.Line
}

func (r *chartRenderer) Destroy() {}

func (r *chartRenderer) MinSize() fyne.Size { return fyne.NewSize(320, 200) }

func (r *chartRenderer) Objects() []fyne.CanvasObject { return r.objects }

func (r *chartRenderer) Layout(size fyne.Size) {
	r.size = size
	r.build()
}

func (r *chartRenderer) Refresh() {
	r.build()
	for _, o := range r.objects {
		o.Refresh()
	}
}

// build draws the chart at r.size.
func (r *chartRenderer) build() {
	size := r.size
	if size.Width <= 0 || size.Height <= 0 {
		size = r.MinSize()
	}
	fg, muted := theme.Color(theme.ColorNameForeground), theme.Color(theme.ColorNamePlaceHolder)
	grid := theme.Color(theme.ColorNameSeparator)
	x0, y0 := float32(chartLeft), size.Height-chartBottom // the plot's origin, bottom left
	x1, y1 := size.Width-chartRight, float32(chartTop)
	w, h := max(x1-x0, 1), max(y0-y1, 1)
	objs := []fyne.CanvasObject{}

	// The grid and the count axis: 0, half and all recipients.
	top := max(r.chart.total, 1)
	for _, f := range []float32{0, 0.5, 1} {
		y := y0 - f*h
		l := canvas.NewLine(grid)
		l.StrokeWidth = 1
		l.Position1, l.Position2 = fyne.NewPos(x0, y), fyne.NewPos(x1, y)
		objs = append(objs, l)
		t := smallText(number(int(f*float32(top)+0.5)), muted)
		t.Alignment = fyne.TextAlignTrailing
		t.Move(fyne.NewPos(0, y-t.MinSize().Height/2))
		t.Resize(fyne.NewSize(x0-6, t.MinSize().Height))
		objs = append(objs, t)
	}
	axisY := canvas.NewLine(fg)
	axisY.StrokeWidth = 1
	axisY.Position1, axisY.Position2 = fyne.NewPos(x0, y1), fyne.NewPos(x0, y0)
	axisX := canvas.NewLine(fg)
	axisX.StrokeWidth = 1
	axisX.Position1, axisX.Position2 = fyne.NewPos(x0, y0), fyne.NewPos(x1, y0)
	objs = append(objs, axisY, axisX)

	// The legend, top left.
	lx := x0
	for _, item := range []struct {
		name string
		c    color.Color
	}{{"Delivered", deliveredColor}, {"Read", readColor}} {
		sw := canvas.NewRectangle(item.c)
		sw.Move(fyne.NewPos(lx, 9))
		sw.Resize(fyne.NewSize(14, 4))
		t := smallText(item.name, fg)
		t.Move(fyne.NewPos(lx+20, 11-t.MinSize().Height/2))
		objs = append(objs, sw, t)
		lx += 20 + t.MinSize().Width + 18
	}

	pts := thin(r.chart.points, chartMaxPoints)
	r.delivered, r.read = nil, nil
	if len(pts) == 0 {
		t := smallText("Nothing delivered yet", muted)
		t.Move(fyne.NewPos(x0+w/2-t.MinSize().Width/2, y0-h/2))
		objs = append(objs, t)
		r.objects = objs
		return
	}
	start, end := pts[0].At, pts[len(pts)-1].At
	span := end.Sub(start)
	if span <= 0 {
		span = time.Minute
	}
	at := func(p app.BroadcastPoint, n int) fyne.Position {
		fx := float32(p.At.Sub(start)) / float32(span)
		fy := float32(n) / float32(top)
		return fyne.NewPos(x0+fx*w, y0-min(fy, 1)*h)
	}
	// Steps, not slopes: a count holds until the moment it changes, so
	// eight reads at the end do not look like reads all along.
	step := func(c color.Color, from, to fyne.Position) []*canvas.Line {
		flat, rise := canvas.NewLine(c), canvas.NewLine(c)
		flat.StrokeWidth, rise.StrokeWidth = 2, 2
		corner := fyne.NewPos(to.X, from.Y)
		flat.Position1, flat.Position2 = from, corner
		rise.Position1, rise.Position2 = corner, to
		return []*canvas.Line{flat, rise}
	}
	for i := range pts {
		if i == 0 {
			continue
		}
		d := step(deliveredColor, at(pts[i-1], pts[i-1].Delivered), at(pts[i], pts[i].Delivered))
		rd := step(readColor, at(pts[i-1], pts[i-1].Read), at(pts[i], pts[i].Read))
		r.delivered, r.read = append(r.delivered, d...), append(r.read, rd...)
		objs = append(objs, d[0], d[1], rd[0], rd[1])
	}
	if len(pts) == 1 { // one moment: a dot for each line
		for _, s := range []struct {
			n int
			c color.Color
		}{{pts[0].Delivered, deliveredColor}, {pts[0].Read, readColor}} {
			dot := canvas.NewCircle(s.c)
			p := at(pts[0], s.n)
			dot.Move(fyne.NewPos(p.X-3, p.Y-3))
			dot.Resize(fyne.NewSquareSize(6))
			objs = append(objs, dot)
		}
	}

	// The time axis: the first and the last moment.
	first, last := smallText(chartTime(start, end, span), muted), smallText(chartTime(end, end, span), muted)
	first.Move(fyne.NewPos(x0, y0+4))
	last.Move(fyne.NewPos(x1-last.MinSize().Width, y0+4))
	objs = append(objs, first)
	if (span > time.Minute || len(pts) > 1) && last.Text != first.Text {
		// Everything within one second reads as one moment, not as a
		// range from a time to the same time.
		objs = append(objs, last)
	}
	r.objects = objs
}

// smallText is a caption-sized canvas text.
func smallText(s string, c color.Color) *canvas.Text {
	t := canvas.NewText(s, c)
	t.TextSize = theme.Size(theme.SizeNameCaptionText)
	t.Resize(t.MinSize())
	return t
}

// chartTime labels a moment on the time axis: the clock time (with
// seconds when the chart spans a few minutes), with the day when it
// spans more than one.
func chartTime(t, end time.Time, span time.Duration) string {
	t = t.Local()
	if y, m, d := end.Local().Date(); t.Year() != y || t.Month() != m || t.Day() != d {
		return t.Format("2 Jan 15:04")
	}
	if span < 10*time.Minute {
		return t.Format("15:04:05")
	}
	return t.Format("15:04")
}

// thin keeps at most n of points, evenly spread, always the first and
// the last.
func thin(points []app.BroadcastPoint, n int) []app.BroadcastPoint {
	if len(points) <= n || n < 2 {
		return points
	}
	out := make([]app.BroadcastPoint, 0, n)
	for i := range n {
		out = append(out, points[i*(len(points)-1)/(n-1)])
	}
	return out
}
