package settings

import (
	"context"
	"errors"
	"log/slog"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/screens/kit"
)

// textVariablesHint tells which variables a quick reply may hold.
const textVariablesHint = "Write {{name}} for the customer's name and {{number}} for their number; Parley fills them in for each customer."

// quickEditor is the dialog that adds a quick reply or edits one; it
// stays open, with what was typed, until the core accepts it.
type quickEditor struct {
	section   *quickSection
	reply     app.QuickReply // ID 0 for a new one
	title     *widget.Entry
	text      *widget.Entry
	titleNote *kit.FieldNote
	textNote  *kit.FieldNote
	problem   *widget.Label
	save      *widget.Button
	dlg       *dialog.CustomDialog
}

// openEditor opens the dialog for r (a new quick reply when r.ID is 0).
func (s *quickSection) openEditor(r app.QuickReply) *quickEditor {
	ed := &quickEditor{section: s, reply: r,
		title:     &widget.Entry{Text: r.Title, PlaceHolder: "Opening hours"},
		text:      &widget.Entry{Text: r.Text, MultiLine: true, Wrapping: fyne.TextWrapWord, PlaceHolder: "Hi {{name}}, we are open Monday to Saturday, 9 to 6."},
		titleNote: kit.NewFieldNote("What you type after / to find it."),
		textNote:  kit.NewFieldNote(textVariablesHint),
		problem:   kit.NewFormProblem()}
	ed.text.SetMinRowsVisible(6)
	ed.title.OnChanged = func(string) { ed.titleNote.SetProblem("") }
	ed.text.OnChanged = func(string) { ed.textNote.SetProblem("") }
	heading := "Add a quick reply"
	if r.ID != 0 {
		heading = "Edit quick reply"
	}
	ed.save = &widget.Button{Text: "Save", Importance: widget.HighImportance, OnTapped: ed.onSave}
	cancel := &widget.Button{Text: "Cancel", OnTapped: func() { ed.dlg.Hide() }}
	form := container.NewVBox(
		kit.NewFormField("Title", ed.title, ed.titleNote),
		kit.NewFormField("Text", ed.text, ed.textNote),
		ed.problem)
	ed.dlg = dialog.NewCustomWithoutButtons(heading, form, s.env.Window)
	ed.dlg.SetButtons([]fyne.CanvasObject{cancel, ed.save})
	ed.dlg.Resize(fyne.NewSize(560, 0))
	ed.dlg.Show()
	if c := s.env.Window.Canvas(); c != nil {
		c.Focus(ed.title)
	}
	return ed
}

// onSave hands the quick reply to the core; problems show at their
// fields.
func (ed *quickEditor) onSave() {
	r := ed.reply
	r.Title, r.Text = ed.title.Text, ed.text.Text
	core := ed.section.env.core
	ed.save.Disable()
	ed.section.env.load(func(ctx context.Context) error {
		if r.ID == 0 {
			_, err := core.AddQuickReply(ctx, r)
			return err
		}
		return core.EditQuickReply(ctx, r)
	}, ed.saved)
}

// saved closes the dialog, or shows why the quick reply was not saved.
func (ed *quickEditor) saved(err error) {
	ed.save.Enable()
	if err == nil {
		ed.dlg.Hide()
		ed.section.reload()
		return
	}
	slog.Warn("save quick reply", "err", err)
	var ve app.ValidationErrors
	if !errors.As(err, &ve) {
		kit.SetFormProblem(ed.problem, "Not saved: "+app.Explain(err))
		return
	}
	ed.titleNote.SetProblem(ve.For(app.FieldQuickReplyTitle))
	ed.textNote.SetProblem(ve.For(app.FieldQuickReplyText))
	kit.SetFormProblem(ed.problem, "")
}
