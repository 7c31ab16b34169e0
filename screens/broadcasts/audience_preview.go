package broadcasts

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/screens/kit"
)

// showPreview shows what the read audience holds.
func (a *audienceStep) showPreview() {
	if a.audience == nil {
		a.preview.Hide()
		a.invalid.Refresh()
		return
	}
	aud := a.audience
	rowsName := "Customers found"
	if aud.Source == app.AudienceCSV {
		rowsName = "Rows read"
	}
	a.stats.Objects = []fyne.CanvasObject{
		newStat(number(aud.Rows), rowsName, theme.ColorNameForeground),
		newStat(number(len(aud.Recipients)), "Recipients", theme.ColorNamePrimary),
		newStat(number(len(aud.Invalid)), "Invalid numbers", problemColor(len(aud.Invalid))),
		newStat(number(aud.Duplicates), "Duplicates merged", theme.ColorNameForeground),
		newStat(number(aud.OptedOut), "Opted out, left out", theme.ColorNameForeground),
	}
	a.stats.Refresh()
	a.summary.SetText(audienceSummary(*aud))
	if len(aud.Invalid) > 0 {
		a.invalidBox.Show()
	} else {
		a.invalidBox.Hide()
	}
	a.preview.Show()
	a.previewScroll.Refresh()
	a.invalid.Refresh()
}

// invalidPlace is where an invalid number is: the line as a spreadsheet
// numbers it, else the data row, else nothing (a conversation, named by
// its value).
func invalidPlace(r app.InvalidRow) string {
	switch {
	case r.Line > 0:
		return "Line " + strconv.Itoa(r.Line)
	case r.Row > 0:
		return "Row " + strconv.Itoa(r.Row)
	}
	return ""
}

// audienceSummary says in a sentence who gets the broadcast.
func audienceSummary(aud app.Audience) string {
	if len(aud.Recipients) == 0 {
		return "Nobody to send to: no customer here can receive this broadcast."
	}
	s := count(len(aud.Recipients), "customer gets", "customers get") + " this broadcast."
	if aud.OptedOut > 0 {
		s += " " + count(aud.OptedOut, "customer who opted out of", "customers who opted out of") + " marketing messages are left out."
	}
	if aud.ExtraCells > 0 {
		s += " " + count(aud.ExtraCells, "row has", "rows have") + " more cells than the first row names: Parley left the extra cells out."
	}
	return s
}

func problemColor(n int) fyne.ThemeColorName {
	if n > 0 {
		return theme.ColorNameError
	}
	return theme.ColorNameForeground
}

// newStat is a figure with its caption under it.
func newStat(value, caption string, colour fyne.ThemeColorName) fyne.CanvasObject {
	figure, stat := newFigure(caption)
	setFigure(figure, value, colour)
	return stat
}

// newFigure is a figure, set with setFigure, with its caption under it.
func newFigure(caption string) (*widget.RichText, fyne.CanvasObject) {
	v := widget.NewRichText(&widget.TextSegment{Style: widget.RichTextStyle{
		SizeName: theme.SizeNameHeadingText, TextStyle: fyne.TextStyle{Bold: true}}})
	c := kit.NewMutedText(caption, fyne.TextAlignLeading, theme.SizeNameCaptionText)
	return v, container.NewVBox(v, container.New(layout.NewCustomPaddedLayout(-theme.Padding()*3, 0, 0, 0), c))
}

// setFigure shows value in colour, redrawing only a change.
func setFigure(figure *widget.RichText, value string, colour fyne.ThemeColorName) {
	seg := figure.Segments[0].(*widget.TextSegment)
	if seg.Text != value || seg.Style.ColorName != colour {
		seg.Text, seg.Style.ColorName = value, colour
		figure.Refresh()
	}
}

func (a *audienceStep) invalidCount() int {
	if a.audience == nil {
		return 0
	}
	return len(a.audience.Invalid)
}

func newInvalidRow() fyne.CanvasObject {
	row := &widget.Label{TextStyle: fyne.TextStyle{Bold: true}}
	value := &widget.Label{Truncation: fyne.TextTruncateEllipsis}
	reason := &widget.Label{Truncation: fyne.TextTruncateEllipsis, Importance: widget.DangerImportance}
	return container.NewVBox(container.NewBorder(nil, nil, row, nil, value),
		container.New(layout.NewCustomPaddedLayout(-theme.Padding()*2, 0, 0, 0), reason))
}

func (a *audienceStep) updateInvalidRow(id widget.ListItemID, o fyne.CanvasObject) {
	if a.audience == nil || id >= len(a.audience.Invalid) {
		return
	}
	r := a.audience.Invalid[id]
	c := o.(*fyne.Container)
	top := c.Objects[0].(*fyne.Container)
	top.Objects[1].(*widget.Label).SetText(invalidPlace(r))
	value := r.Value
	if strings.TrimSpace(value) == "" {
		value = "(empty)"
	}
	top.Objects[0].(*widget.Label).SetText(value)
	c.Objects[1].(*fyne.Container).Objects[0].(*widget.Label).SetText(r.Reason)
}
