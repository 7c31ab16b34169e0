package inbox

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/app"
)

// labelChecklist is the popup of the header's Labels button: a check per
// label, ticked for those on the conversation, and "Manage labels…".
type labelChecklist struct {
	checks []*widget.Check
	pop    *widget.PopUp
}

// onHeaderLabels opens the checklist of the open conversation's labels
// under anchor.
func (s *spaceInbox) onHeaderLabels(anchor fyne.CanvasObject) {
	if s.conv == nil {
		return
	}
	id := s.conv.conv.ID
	l := &labelChecklist{}
	box := container.NewVBox()
	for _, lb := range s.labels {
		check := widget.NewCheck(lb.Name, nil)
		check.Checked = slices.Contains(s.conv.conv.Labels, lb.ID)
		check.OnChanged = func(on bool) { s.setLabel(id, lb.ID, on) }
		chip := newLabelChip()
		chip.set(app.Label{Name: " ", Color: lb.Color})
		box.Add(container.NewBorder(nil, nil, container.NewCenter(chip.content), nil, check))
		l.checks = append(l.checks, check)
	}
	if len(s.labels) > 0 {
		box.Add(widget.NewSeparator())
	}
	box.Add(&widget.Button{Text: menuManageLabels, Importance: widget.LowImportance, OnTapped: func() {
		l.pop.Hide()
		s.openLabelManager()
	}})
	c := s.env.Window.Canvas()
	l.pop = widget.NewPopUp(box, c)
	at := fyne.CurrentApp().Driver().AbsolutePositionForObject(anchor)
	l.pop.ShowAtPosition(at.Add(fyne.NewPos(0, anchor.Size().Height)))
	s.keepOverlay(l.pop)
	s.checklist = l
}
