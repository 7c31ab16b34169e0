package inbox

import (
	"context"
	"errors"
	"log/slog"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/screens/kit"
)

// contactPanelWidth is how wide the contact panel is beside the
// conversation.
const contactPanelWidth = 300

// contactPanel is the panel beside an open conversation that shows the
// customer: the avatar, the owner's own name for them (editable), their
// WhatsApp name and number, email, birthday, address and notes (all
// editable, saved on this computer at once), and when they first and last
// wrote. Its methods run on the UI goroutine.
type contactPanel struct {
	env    env
	convID int64
	ctx    context.Context
	// onClose hides the panel (the conversation's toggle).
	onClose func()

	avatar   *kit.Avatar
	title    *widget.Label
	waName   *widget.Label
	number   *widget.Label
	copyNum  *widget.Button
	name     *widget.Entry
	email    *widget.Entry
	birthday *widget.Entry
	address  *widget.Entry
	notes    *widget.Entry
	fields   map[string]*kit.FieldNote    // notes under the fields, by app.ContactField*
	boxes    map[string]fyne.CanvasObject // each field with its label and note
	first    *widget.Label
	last     *widget.Label
	save     *widget.Button
	status   *widget.Label
	// Extras holds what other parts of the Space show about the
	// conversation in this panel: its labels and whether the customer
	// opted out of marketing (panelExtras).
	Extras *fyne.Container

	card    app.ContactCard
	loaded  bool
	body    *fyne.Container // the fields, laid out again when a note grows
	content fyne.CanvasObject
}

func newContactPanel(e env, ctx context.Context, convID int64, onClose func()) *contactPanel {
	p := &contactPanel{env: e, convID: convID, ctx: ctx, onClose: onClose, fields: map[string]*kit.FieldNote{}, boxes: map[string]fyne.CanvasObject{}}
	p.avatar = kit.NewAvatar(64)
	p.title = &widget.Label{TextStyle: fyne.TextStyle{Bold: true}, Alignment: fyne.TextAlignCenter, Wrapping: fyne.TextWrapWord}
	p.waName = &widget.Label{Wrapping: fyne.TextWrapWord}
	p.number = &widget.Label{}
	p.copyNum = &widget.Button{Icon: theme.ContentCopyIcon(), Importance: widget.LowImportance, OnTapped: p.onCopyNumber}
	p.name = &widget.Entry{PlaceHolder: "Your name for this customer"}
	p.email = &widget.Entry{PlaceHolder: "name@example.com"}
	p.birthday = &widget.Entry{PlaceHolder: "1990-04-23"}
	p.address = &widget.Entry{MultiLine: true, Wrapping: fyne.TextWrapWord, PlaceHolder: "Street, town"}
	p.address.SetMinRowsVisible(2)
	p.notes = &widget.Entry{MultiLine: true, Wrapping: fyne.TextWrapWord, PlaceHolder: "Anything to remember about them"}
	p.notes.SetMinRowsVisible(4)
	p.first, p.last = &widget.Label{}, &widget.Label{}
	p.save = &widget.Button{Text: "Save", Icon: theme.DocumentSaveIcon(), Importance: widget.HighImportance, OnTapped: p.onSave}
	p.status = &widget.Label{Wrapping: fyne.TextWrapWord}
	p.Extras = container.NewVBox()
	closeBtn := &widget.Button{Icon: theme.CancelIcon(), Importance: widget.LowImportance, OnTapped: p.Close}

	field := func(key, label string, in fyne.CanvasObject, hint string) fyne.CanvasObject {
		p.fields[key] = kit.NewFieldNote(hint)
		p.boxes[key] = kit.NewFormField(label, in, p.fields[key])
		return p.boxes[key]
	}
	head := container.NewBorder(nil, nil, nil, closeBtn, &widget.Label{Text: "Contact", TextStyle: fyne.TextStyle{Bold: true}})
	p.body = container.NewVBox(
		container.NewCenter(p.avatar.Content), p.title,
		kit.NewFormField("WhatsApp name", p.waName, nil),
		kit.NewFormField("Number", container.NewBorder(nil, nil, nil, p.copyNum, p.number), nil),
		widget.NewSeparator(),
		field(app.ContactFieldName, "Your name for them", p.name, "Shown instead of their WhatsApp name, only to you."),
		field(app.ContactFieldEmail, "Email", p.email, ""),
		field(app.ContactFieldBirthday, "Birthday", p.birthday, "Year-month-day, like 1990-04-23."),
		field(app.ContactFieldAddress, "Address", p.address, ""),
		field(app.ContactFieldNotes, "Notes", p.notes, ""),
		container.NewBorder(nil, nil, nil, p.save, p.status),
		widget.NewSeparator(),
		kit.NewFormField("First contact", p.first, nil),
		kit.NewFormField("Last contact", p.last, nil),
		p.Extras,
	)
	scroll := container.NewVScroll(container.New(layout.NewCustomPaddedLayout(0, 12, 4, 8), p.body))
	p.content = container.New(fixedWidth(contactPanelWidth), container.NewBorder(
		container.New(layout.NewCustomPaddedLayout(4, 0, 8, 4), head), nil, widget.NewSeparator(), nil, scroll))
	return p
}

// load reads the customer in the background and shows them; fields the
// owner is editing are kept unless nothing was loaded yet.
func (p *contactPanel) load() {
	core, id := p.env.core, p.convID
	kit.Load(p.env.Run, p.ctx, func(ctx context.Context) (app.ContactCard, error) {
		return core.Contact(ctx, id)
	}, p.show)
}

// show puts a freshly read card on the panel. The editable fields take
// its values only the first time, so that a reload while the owner
// types (a message arrived) loses nothing.
func (p *contactPanel) show(card app.ContactCard, err error) {
	if err != nil {
		slog.Warn("load contact", "conversation", p.convID, "err", err)
		p.status.SetText("Parley could not read this contact. " + app.Explain(err))
		return
	}
	p.card = card
	name := card.Name()
	p.avatar.Set(name, card.WAID)
	p.title.SetText(name)
	p.waName.SetText(orDash(app.DisplayName(card.ProfileName)))
	p.number.SetText(app.FormatPhone("+" + card.WAID))
	p.first.SetText(orDash(formatWhen(card.FirstContact)))
	p.last.SetText(orDash(formatWhen(card.LastContact)))
	if !p.loaded {
		p.loaded = true
		p.setFields(card.ContactFields)
	}
}

// setFields shows f in the editable fields.
func (p *contactPanel) setFields(f app.ContactFields) {
	p.name.SetText(f.CustomName)
	p.email.SetText(f.Email)
	p.birthday.SetText("")
	if !f.Birthday.IsZero() {
		p.birthday.SetText(f.Birthday.Format(app.BirthdayLayout))
	}
	p.address.SetText(f.Address)
	p.notes.SetText(f.Notes)
}

// onSave checks and saves the fields; each problem shows under its field
// in plain words, and what the owner typed stays.
func (p *contactPanel) onSave() {
	for _, n := range p.fields {
		n.SetProblem("")
	}
	p.status.SetText("")
	f := app.ContactFields{CustomName: p.name.Text, Email: p.email.Text, Address: p.address.Text, Notes: p.notes.Text}
	birthday, err := app.ParseBirthday(p.birthday.Text)
	if err != nil {
		p.showProblem(err)
		return
	}
	f.Birthday = birthday
	p.save.Disable()
	core, id := p.env.core, p.convID
	p.env.Run(func() {
		saved, err := core.SaveContact(context.Background(), id, f)
		fyne.Do(func() {
			p.save.Enable()
			if err != nil {
				p.showProblem(err)
				return
			}
			p.setFields(saved)
			p.status.SetText("Saved on this computer.")
			p.load()
		})
	})
}

// showProblem puts field problems under their fields and anything else
// in the status line.
func (p *contactPanel) showProblem(err error) {
	var verrs app.ValidationErrors
	var fe app.FieldError
	switch {
	case errors.As(err, &verrs):
	case errors.As(err, &fe):
		verrs = app.ValidationErrors{fe}
	default:
		slog.Warn("save contact", "conversation", p.convID, "err", err)
		p.status.SetText("Not saved. " + app.Explain(err))
		return
	}
	for _, e := range verrs {
		if n := p.fields[e.Field]; n != nil {
			n.SetProblem(e.UnderField())
		} else {
			p.status.SetText(e.Message)
		}
	}
	p.body.Refresh()
}

// onCopyNumber puts the customer's number on the clipboard.
func (p *contactPanel) onCopyNumber() {
	if p.card.WAID == "" {
		return
	}
	fyne.CurrentApp().Clipboard().SetContent("+" + p.card.WAID)
	p.status.SetText("Number copied.")
}

// Close hides the panel, as its close button and Esc do.
func (p *contactPanel) Close() {
	if p.onClose != nil {
		p.onClose()
	}
}

// orDash shows "—" for an empty value.
func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

// formatWhen is a contact time as the panel shows it, "" for none.
func formatWhen(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Local().Format("2 Jan 2006, 15:04")
}

// fixedWidth lays its objects out over the whole space, asking for
// exactly its width.
type fixedWidth float32

func (w fixedWidth) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var h float32
	for _, o := range objs {
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(float32(w), h)
}

func (w fixedWidth) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}
