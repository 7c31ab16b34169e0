package inbox

import (
	"context"
	"errors"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/screens/kit"
)

// labelManager is the "Manage labels" dialog: the owner adds, renames,
// recolours and deletes labels. Rows follow the labels as they change;
// a name being typed stays.
type labelManager struct {
	inbox   *spaceInbox
	rows    map[int64]*labelRow
	list    *fyne.Container
	newName *widget.Entry
	newCol  *widget.Select
	problem *widget.Label
	dlg     dialog.Dialog
}

// labelRow is one label in the dialog.
type labelRow struct {
	label   app.Label // as stored
	chip    *labelChip
	name    *widget.Entry
	color   *widget.Select
	content fyne.CanvasObject
}

// openLabelManager shows the "Manage labels" dialog.
func (s *spaceInbox) openLabelManager() {
	s.closeOverlays()
	m := &labelManager{inbox: s, rows: map[int64]*labelRow{}, list: container.NewVBox()}
	m.newName = &widget.Entry{PlaceHolder: "New label, e.g. Wholesale"}
	m.newName.OnSubmitted = func(string) { m.onAdd() }
	m.newCol = &widget.Select{Options: colorOptions(), Selected: colorNames[app.LabelBlue]}
	m.problem = &widget.Label{Wrapping: fyne.TextWrapWord, Importance: widget.DangerImportance}
	m.problem.Hide()
	add := &widget.Button{Text: "Add", Icon: theme.ContentAddIcon(), OnTapped: m.onAdd}
	addRow := container.NewBorder(nil, nil, m.newCol, add, m.newName)
	body := container.NewBorder(nil, container.NewVBox(widget.NewSeparator(), addRow, m.problem), nil, nil,
		container.NewVScroll(m.list))
	m.refresh()
	m.dlg = dialog.NewCustom("Manage labels", "Done", body, s.env.Window)
	m.dlg.SetOnClosed(func() {
		if s.manager == m {
			s.manager = nil
		}
	})
	m.dlg.Resize(fyne.NewSize(520, 460))
	s.manager = m
	m.dlg.Show()
}

// colorOptions are the palette's colours in words.
func colorOptions() []string {
	var out []string
	for _, c := range app.LabelColors {
		out = append(out, colorNames[c])
	}
	return out
}

// colorNamed is the palette colour called name.
func colorNamed(name string) app.LabelColor {
	for c, n := range colorNames {
		if n == name {
			return c
		}
	}
	return app.LabelGray
}

// refresh shows the labels as they are now.
func (m *labelManager) refresh() {
	seen := map[int64]bool{}
	m.list.Objects = m.list.Objects[:0]
	for _, l := range m.inbox.labels {
		seen[l.ID] = true
		r := m.rows[l.ID]
		if r == nil {
			r = m.newRow(l)
			m.rows[l.ID] = r
		} else if r.name.Text == r.label.Name { // not being edited
			r.name.SetText(l.Name)
		}
		r.label = l
		r.chip.set(app.Label{Name: " ", Color: l.Color})
		r.color.Selected = colorNames[l.Color]
		r.color.Refresh()
		m.list.Add(r.content)
	}
	for id := range m.rows {
		if !seen[id] {
			delete(m.rows, id)
		}
	}
	m.list.Refresh()
}

// newRow builds the row of l.
func (m *labelManager) newRow(l app.Label) *labelRow {
	r := &labelRow{label: l, chip: newLabelChip(), name: &widget.Entry{Text: l.Name}}
	r.name.OnSubmitted = func(string) { m.onSave(r) }
	r.color = &widget.Select{Options: colorOptions(), Selected: colorNames[l.Color]}
	r.color.OnChanged = func(string) { m.onSave(r) }
	save := &widget.Button{Text: "Save", Importance: widget.LowImportance, OnTapped: func() { m.onSave(r) }}
	del := &widget.Button{Icon: theme.DeleteIcon(), Importance: widget.LowImportance, OnTapped: func() { m.onDelete(r) }}
	r.content = container.NewBorder(nil, nil, container.NewHBox(container.NewCenter(r.chip.content), r.color),
		container.NewHBox(save, del), r.name)
	return r
}

// onAdd adds the typed label; the name stays until it is saved.
func (m *labelManager) onAdd() {
	core, name, color := m.inbox.env.core, m.newName.Text, colorNamed(m.newCol.Selected)
	kit.Load(m.inbox.env.Run, context.Background(), func(ctx context.Context) (app.Label, error) {
		return core.CreateLabel(ctx, name, color)
	}, func(_ app.Label, err error) {
		if m.showProblem(err) {
			return
		}
		m.newName.SetText("")
	})
}

// onSave renames or recolours a label.
func (m *labelManager) onSave(r *labelRow) {
	l := app.Label{ID: r.label.ID, Name: r.name.Text, Color: colorNamed(r.color.Selected)}
	if l.Name == r.label.Name && l.Color == r.label.Color {
		return
	}
	core := m.inbox.env.core
	kit.Load(m.inbox.env.Run, context.Background(), func(ctx context.Context) (struct{}, error) {
		return struct{}{}, core.UpdateLabel(ctx, l)
	}, func(_ struct{}, err error) {
		if !m.showProblem(err) {
			r.label.Name = r.name.Text // saved: no longer being edited
		}
	})
}

// onDelete deletes a label after the owner confirms.
func (m *labelManager) onDelete(r *labelRow) {
	core, id := m.inbox.env.core, r.label.ID
	dialog.ShowConfirm("Delete the label "+r.label.Name+"?",
		"It comes off every conversation that has it. The conversations stay.", func(ok bool) {
			if !ok {
				return
			}
			kit.Load(m.inbox.env.Run, context.Background(), func(ctx context.Context) (struct{}, error) {
				return struct{}{}, core.DeleteLabel(ctx, id)
			}, func(_ struct{}, err error) { m.showProblem(err) })
		}, m.inbox.env.Window)
}

// showProblem shows err in plain words under the labels and reports
// whether there was one.
func (m *labelManager) showProblem(err error) bool {
	if err == nil {
		m.problem.Hide()
		return false
	}
	text := app.Explain(err)
	var v app.ValidationErrors
	if errors.As(err, &v) {
		text = v.UnderField(app.FieldLabelName)
		if text == "" {
			text = v.UnderField(app.FieldLabelColor)
		}
	}
	m.problem.SetText(text)
	m.problem.Show()
	return true
}

// labelNamed returns the loaded label called name, for tests and the
// quick actions.
func (s *spaceInbox) labelNamed(name string) (app.Label, bool) {
	i := slices.IndexFunc(s.labels, func(l app.Label) bool { return l.Name == name })
	if i < 0 {
		return app.Label{}, false
	}
	return s.labels[i], true
}
