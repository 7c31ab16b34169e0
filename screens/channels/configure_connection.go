package channels

import (
	"context"
	"errors"
	"log/slog"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/screens/kit"
)

// textConnectionWarning is the warning before the connection can be edited.
const textConnectionWarning = "If the number or API key is wrong, messages stop arriving.\nContinue?"

// connectionSection shows a channel's number and API key read-only; after
// a warning, they become editable, and a new key is verified with
// 360dialog before it replaces the old one. A disconnected channel is
// reconnected here.
type connectionSection struct {
	page *configurePage

	editing    bool
	checked    *app.ConnectionStatus // the last check, nil before it
	saved      bool                  // the connection was just saved
	numberView *widget.Label
	keyView    *widget.Label
	status     *widget.Label
	editBtn    *widget.Button
	view       fyne.CanvasObject

	number, key         *keyEntry
	numberNote, keyNote *kit.FieldNote
	saveBtn, cancelBtn  *widget.Button
	progress            fyne.CanvasObject
	spinner             *widget.Activity
	problem             *widget.Label
	edit                fyne.CanvasObject
	disconnectedBox     fyne.CanvasObject
	content             *fyne.Container
}

func newConnectionSection(p *configurePage) *connectionSection {
	c := &connectionSection{page: p}
	c.numberView = &widget.Label{TextStyle: fyne.TextStyle{Bold: true}, Selectable: true}
	c.status = &widget.Label{Wrapping: fyne.TextWrapWord}
	c.editBtn = &widget.Button{Text: "Edit connection…", Icon: theme.DocumentCreateIcon(), OnTapped: c.onEdit}
	c.keyView = &widget.Label{}
	c.view = container.New(layout.NewFormLayout(),
		configureKey("Number"), c.numberView,
		configureKey("Provider"), &widget.Label{Text: "360dialog WhatsApp"},
		configureKey("API key"), c.keyView,
	)

	c.number = newKeyEntry("+49 30 1234567", false)
	c.number.OnChanged = c.onNumberChanged
	c.numberNote = kit.NewFieldNote(hintNumber)
	c.key = newKeyEntry("Leave empty to keep the current key", true)
	c.key.OnChanged = func(string) { c.keyNote.SetProblem("") }
	c.keyNote = kit.NewFieldNote(hintKey)
	for _, e := range []*keyEntry{c.number, c.key} {
		e.OnSubmitted = func(string) { c.saveThen(nil) }
		e.onEscape = c.onCancel
	}
	c.saveBtn = &widget.Button{Text: "Check and save", Icon: theme.ConfirmIcon(), Importance: widget.HighImportance, OnTapped: func() { c.saveThen(nil) }}
	c.cancelBtn = &widget.Button{Text: "Cancel", OnTapped: c.onCancel}
	c.spinner = widget.NewActivity()
	c.progress = kit.NewProgressLine(c.spinner, "Checking the connection with 360dialog…")
	c.progress.Hide()
	c.problem = kit.NewFormProblem()
	note := kit.NewMutedText("A new key is checked with 360dialog before it replaces the current one.", fyne.TextAlignLeading, theme.SizeNameText)
	note.Wrapping = fyne.TextWrapWord
	c.edit = container.NewVBox(
		note,
		kit.NewFormField("WhatsApp-enabled number", c.number, c.numberNote),
		kit.NewFormField("API key", c.key, c.keyNote),
		c.progress, c.problem,
		container.NewHBox(c.saveBtn, c.cancelBtn),
	)
	c.disconnectedBox = kit.NewFormInfoBox(theme.WarningIcon(), "Disconnected — conversations kept",
		"Parley removed this channel's API key, so no messages are sent or received. Its conversations and templates are "+
			"still on this computer. Enter the API key again to reconnect.")
	c.content = container.NewVBox()
	c.show()
	return c
}

// configureKey is a quiet label for the left column of a read-only list.
func configureKey(text string) fyne.CanvasObject {
	return kit.NewMutedText(text, fyne.TextAlignLeading, theme.SizeNameText)
}

// show lays the section out for the channel's current state.
func (c *connectionSection) show() {
	ch := c.page.ch
	c.numberView.SetText(app.FormatPhone(ch.PhoneNumber))
	switch {
	case ch.Disconnected:
		c.keyView.SetText("None: removed when the channel was disconnected")
	case c.checked != nil && c.checked.State == app.ConnectionNoKey:
		c.keyView.SetText("Not found in your system keyring")
	default:
		c.keyView.SetText("••••••••••••  kept in your system keyring")
	}
	objs := []fyne.CanvasObject{}
	switch {
	case ch.Disconnected && !c.editing:
		c.editBtn.SetText("Reconnect…")
		objs = append(objs, c.disconnectedBox, c.view, container.NewHBox(c.editBtn))
	case c.editing:
		objs = append(objs, c.edit)
	default:
		c.editBtn.SetText("Edit connection…")
		objs = append(objs, c.view)
		if text, imp := c.statusText(); text != "" {
			c.status.Importance = imp
			c.status.SetText(text)
			objs = append(objs, c.status)
		}
		objs = append(objs, container.NewHBox(c.editBtn))
	}
	c.content.Objects = objs
	c.content.Refresh()
}

// check asks 360dialog in the background whether the stored key works,
// so the section can say so.
func (c *connectionSection) check() {
	if c.page.ch.Disconnected {
		return
	}
	id := c.page.ch.ID
	core := c.page.env.core
	kit.Load(c.page.env.Run, c.page.ctx, func(ctx context.Context) (app.ConnectionStatus, error) {
		return core.CheckConnection(ctx, id)
	}, func(st app.ConnectionStatus, err error) {
		if err != nil {
			slog.Warn("check connection", "channel", id, "err", err)
			return
		}
		c.checked = &st
		if !c.editing {
			c.show()
		}
	})
}

// statusText is the line under the read-only connection: the outcome of
// the last check or save.
func (c *connectionSection) statusText() (string, widget.Importance) {
	const rejected = "360dialog rejected this API key. Edit the connection and enter the current key from the 360dialog hub."
	if c.saved {
		return "Saved. 360dialog accepted the connection.", widget.SuccessImportance
	}
	if c.checked == nil {
		if c.page.ch.KeyState == app.KeyRejected {
			return rejected, widget.DangerImportance
		}
		return "", widget.LowImportance
	}
	switch c.checked.State {
	case app.ConnectionOK:
		return "Connected: 360dialog accepts this number's API key.", widget.SuccessImportance
	case app.ConnectionKeyRejected:
		return rejected, widget.DangerImportance
	case app.ConnectionOffline:
		return "Offline: Parley cannot reach 360dialog from this computer right now.", widget.WarningImportance
	case app.ConnectionUnavailable:
		return "360dialog is not answering right now. " + c.checked.Plain, widget.WarningImportance
	case app.ConnectionNoKey:
		return "Parley has no API key for this channel. Edit the connection and enter it again.", widget.DangerImportance
	}
	return "", widget.LowImportance
}

// onEdit makes the fields editable after an explicit warning; a
// disconnected channel needs no warning, nothing arrives anyway.
func (c *connectionSection) onEdit() {
	if c.page.ch.Disconnected {
		c.startEditing()
		return
	}
	d := dialog.NewConfirm("Edit the connection?", textConnectionWarning, func(ok bool) {
		if ok {
			c.startEditing()
		}
	}, c.page.env.Window)
	d.SetConfirmText("Edit connection")
	d.SetDismissText("Cancel")
	d.SetConfirmImportance(widget.WarningImportance)
	d.Show()
}

func (c *connectionSection) startEditing() {
	c.editing = true
	c.saved = false
	c.number.SetText(app.FormatPhone(c.page.ch.PhoneNumber))
	c.key.SetText("")
	if c.page.ch.Disconnected {
		c.key.SetPlaceHolder("Paste the API key")
		c.saveBtn.SetText("Reconnect")
	} else {
		c.key.SetPlaceHolder("Leave empty to keep the current key")
		c.saveBtn.SetText("Check and save")
	}
	c.numberNote.SetProblem("")
	c.keyNote.SetProblem("")
	kit.SetFormProblem(c.problem, "")
	c.show()
	c.page.env.Window.Canvas().Focus(c.number)
}

func (c *connectionSection) onCancel() {
	c.editing = false
	c.show()
}

func (c *connectionSection) onNumberChanged(text string) {
	c.numberNote.SetProblem("")
	if e164, err := app.NormalizePhone(text); err == nil {
		c.numberNote.SetGood("Will be saved as " + app.FormatPhone(e164))
	} else {
		c.numberNote.SetHint(hintNumber)
	}
}

// changed reports whether the fields being edited differ from what is
// saved.
func (c *connectionSection) changed() bool {
	if !c.editing {
		return false
	}
	return strings.TrimSpace(c.key.Text) != "" || !app.SamePhone(c.number.Text, c.page.ch.PhoneNumber)
}

// saveThen verifies and saves a changed connection in the background, and
// then runs next (if it worked). Without a change it only leaves editing.
func (c *connectionSection) saveThen(next func()) {
	if !c.changed() && !(c.editing && c.page.ch.Disconnected) {
		c.onCancel()
		if next != nil {
			next()
		}
		return
	}
	number, key := c.number.Text, c.key.Text
	reconnect := c.page.ch.Disconnected
	id := c.page.ch.ID
	c.setBusy(true)
	c.page.env.Run(func() {
		ctx, cancel := context.WithTimeout(context.Background(), verifyTimeout)
		defer cancel()
		var err error
		if reconnect {
			err = c.page.env.core.ReconnectChannel(ctx, id, number, key)
		} else {
			err = c.page.env.core.ChangeConnection(ctx, id, number, key)
		}
		fyne.Do(func() { c.onSaved(number, err, next) })
	})
}

func (c *connectionSection) onSaved(number string, err error, next func()) {
	c.setBusy(false)
	if err != nil {
		c.showProblem(err)
		return
	}
	e164, _ := app.NormalizePhone(number)
	c.page.ch.PhoneNumber = e164
	c.page.ch.KeyState = app.KeyOK
	c.page.ch.Disconnected = false
	c.editing = false
	c.saved = true
	c.checked = &app.ConnectionStatus{State: app.ConnectionOK}
	c.page.showChannel()
	c.show()
	if next != nil {
		next()
	}
}

// showProblem puts each problem at its field, keeping what was typed.
func (c *connectionSection) showProblem(err error) {
	var verrs app.ValidationErrors
	if !errors.As(err, &verrs) {
		slog.Error("change connection", "channel", c.page.ch.ID, "err", err)
		kit.SetFormProblem(c.problem, "Parley could not save the connection; the old one still applies.\n"+app.Explain(err))
		return
	}
	c.numberNote.SetProblem(verrs.For(app.FieldNumber))
	c.keyNote.SetProblem(verrs.For(app.FieldAPIKey))
	kit.SetFormProblem(c.problem, verrs.For(app.FieldForm))
	switch {
	case verrs.For(app.FieldNumber) != "":
		c.page.env.Window.Canvas().Focus(c.number)
	case verrs.For(app.FieldAPIKey) != "":
		c.page.env.Window.Canvas().Focus(c.key)
	}
}

// setBusy shows the progress of the check and holds the buttons.
func (c *connectionSection) setBusy(busy bool) {
	for _, d := range []fyne.Disableable{c.saveBtn, c.cancelBtn, c.number, c.key, c.page.done, c.page.remove} {
		if busy {
			d.Disable()
		} else {
			d.Enable()
		}
	}
	if busy {
		kit.SetFormProblem(c.problem, "")
		c.progress.Show()
		c.spinner.Start()
	} else {
		c.spinner.Stop()
		c.progress.Hide()
	}
}
