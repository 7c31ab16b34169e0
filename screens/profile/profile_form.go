package profile

import (
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/app"
)

// verticalNotChosen is the empty industry choice, offered only while
// WhatsApp has no industry for the number: once set, it cannot be cleared.
const verticalNotChosen = "Not chosen yet"

// profileForm holds the editable text fields of the profile and knows how
// to read, fill and check them.
type profileForm struct {
	about, address, description, email *profileField
	websites                           [app.MaxWebsites]*profileField

	vertical        *widget.Select
	verticalMessage *widget.Label
	// reported is a vertical WhatsApp reported that the owner may not
	// choose (UNDEFINED, NOT_A_BIZ); it is shown until replaced.
	reported string

	// shown is what the form was last filled with; fields still holding
	// it are the owner's to keep or WhatsApp's to refresh.
	shown app.Profile
	// filling is set while the page fills the fields, so their change
	// handlers do not treat it as typing.
	filling  bool
	onChange func()
	content  fyne.CanvasObject
}

func newProfileForm(onChange func()) *profileForm {
	f := &profileForm{onChange: onChange}
	f.about = newProfileField(app.FieldAbout, "About", "A short line customers see under your name", app.MaxAbout, 2)
	f.about.entry.oneLine = true
	f.description = newProfileField(app.FieldDescription, "Description", "What you sell or do, opening hours, …", app.MaxDescription, 4)
	f.address = newProfileField(app.FieldAddress, "Address", "Street, number, town", app.MaxAddress, 2)
	f.email = newProfileField(app.FieldEmail, "Email", "hello@myshop.com", app.MaxEmail, 1)
	for i := range f.websites {
		label := "Website"
		if i > 0 {
			label = "Second website"
		}
		f.websites[i] = newProfileField(fmt.Sprintf("%s.%d", app.FieldWebsites, i), label, "https://myshop.com", app.MaxWebsiteLen, 1)
	}
	for _, fl := range f.fields() {
		fl.entry.OnChanged = func(string) { f.changed(fl) }
		fl.entry.onBlur = func() { f.blurred(fl) }
	}
	f.vertical = &widget.Select{PlaceHolder: "Choose your industry", OnChanged: func(string) { f.changed(nil) }}
	f.verticalMessage = &widget.Label{Importance: widget.DangerImportance, Wrapping: fyne.TextWrapWord}
	f.verticalMessage.Hide()
	f.setVerticalOptions("")

	industry := container.NewVBox(
		&widget.Label{Text: "Industry", TextStyle: fyne.TextStyle{Bold: true}},
		container.New(layout.NewCustomPaddedLayout(-theme.Padding(), 0, 0, 0), f.vertical),
		container.New(layout.NewCustomPaddedLayout(-theme.Padding()*2, 0, 0, 0), f.verticalMessage),
	)
	f.content = container.NewVBox(
		f.about.content,
		industry,
		f.description.content,
		f.address.content,
		f.email.content,
		f.websites[0].content,
		f.websites[1].content,
	)
	return f
}

// fields lists the text fields in the order they are shown.
func (f *profileForm) fields() []*profileField {
	return []*profileField{f.about, f.description, f.address, f.email, f.websites[0], f.websites[1]}
}

func (f *profileForm) changed(fl *profileField) {
	if fl != nil {
		fl.updateCounter()
	}
	if !f.filling && f.onChange != nil {
		f.onChange()
	}
}

func (f *profileForm) blurred(fl *profileField) {
	if fl.text() == "" && !fl.touched {
		return // passing through an empty field is not finishing it
	}
	fl.touched = true
	if f.onChange != nil {
		f.onChange()
	}
}

// profile reads the form as the owner typed it. Empty websites are left
// out, as they are when saved.
func (f *profileForm) profile() app.Profile {
	p := app.Profile{
		About:       strings.ReplaceAll(f.about.entry.Text, "\n", " "),
		Address:     f.address.entry.Text,
		Description: f.description.entry.Text,
		Email:       f.email.entry.Text,
		Vertical:    f.verticalCode(),
	}
	for _, w := range f.websites {
		p.Websites = append(p.Websites, w.entry.Text)
	}
	return app.CleanProfile(p)
}

// verticalCode maps the chosen industry back to its API code.
func (f *profileForm) verticalCode() string {
	switch sel := f.vertical.Selected; {
	case sel == "" || sel == verticalNotChosen:
		return ""
	case f.reported != "" && sel == app.VerticalName(f.reported):
		return f.reported
	default:
		return app.VerticalCode(sel)
	}
}

// setVerticalOptions offers the 17 industries, and the empty choice only
// while WhatsApp has none (base is WhatsApp's vertical).
func (f *profileForm) setVerticalOptions(base string) {
	opts := make([]string, 0, len(app.Verticals)+1)
	if base == "" {
		opts = append(opts, verticalNotChosen)
	}
	for _, v := range app.Verticals {
		opts = append(opts, v.Name)
	}
	f.vertical.Options = opts
	f.vertical.Refresh()
}

// setVertical shows code, including a reported-only one that is not in
// the list.
func (f *profileForm) setVertical(code string) {
	f.reported = ""
	name := app.VerticalName(code)
	switch {
	case code == "":
		f.vertical.ClearSelected()
	case app.VerticalCode(name) == "":
		f.reported = code
		f.vertical.Selected = name
		f.vertical.Refresh()
	default:
		f.vertical.SetSelected(name)
	}
}

// show fills the form with p. A field the owner has changed since the last
// fill keeps their text, unless it equals sent (what was just saved): an
// edit in progress is never overwritten. base is WhatsApp's copy the edit
// is checked against.
func (f *profileForm) show(p, base app.Profile, sent *app.Profile) {
	f.filling = true
	defer func() { f.filling = false }()
	ours := func(typed, shown string, sentVal func(app.Profile) string) bool {
		return strings.TrimSpace(typed) == shown || (sent != nil && strings.TrimSpace(typed) == sentVal(*sent))
	}
	set := func(fl *profileField, val string, get func(app.Profile) string) {
		if ours(fl.entry.Text, get(f.shown), get) {
			fl.setText(val)
		}
	}
	set(f.about, p.About, func(q app.Profile) string { return q.About })
	set(f.address, p.Address, func(q app.Profile) string { return q.Address })
	set(f.description, p.Description, func(q app.Profile) string { return q.Description })
	set(f.email, p.Email, func(q app.Profile) string { return q.Email })
	for i, w := range f.websites {
		get := func(q app.Profile) string { return websiteAt(q.Websites, i) }
		set(w, websiteAt(p.Websites, i), get)
	}
	f.setVerticalOptions(base.Vertical)
	typed := f.verticalCode()
	if typed == f.shown.Vertical || (sent != nil && typed == sent.Vertical) {
		f.setVertical(p.Vertical)
	}
	f.shown = p
	f.shown.Websites = slices.Clone(p.Websites)
}

func websiteAt(sites []string, i int) string {
	if i < len(sites) {
		return sites[i]
	}
	return ""
}

// dirty reports whether the form differs from what it was last filled with.
func (f *profileForm) dirty() bool {
	return !sameProfileFields(f.profile(), f.shown)
}

// sameProfileFields compares the editable fields of two profiles.
func sameProfileFields(a, b app.Profile) bool {
	a, b = app.CleanProfile(a), app.CleanProfile(b)
	return a.About == b.About && a.Address == b.Address && a.Description == b.Description &&
		a.Email == b.Email && a.Vertical == b.Vertical && slices.Equal(a.Websites, b.Websites)
}

// validate checks the form against WhatsApp's rules and puts each problem
// under its field. all marks every field as finished (on Save), so format
// problems show too. It reports whether the form is fine.
func (f *profileForm) validate(base app.Profile, all bool) bool {
	p := f.profile()
	// Saved websites skip empty entries: map each problem back to its entry.
	var entries []int
	for i, w := range f.websites {
		if w.text() != "" {
			entries = append(entries, i)
		}
	}
	errs := app.ValidateProfile(p, base)
	for _, fl := range []*profileField{f.about, f.address, f.description, f.email} {
		if all {
			fl.touched = true
		}
		fl.showProblem(errs.For(fl.key))
	}
	siteProblems := make([]string, len(f.websites))
	for k, i := range entries {
		siteProblems[i] = errs.UnderField(fmt.Sprintf("%s.%d", app.FieldWebsites, k))
	}
	for i, w := range f.websites {
		if all {
			w.touched = true
		}
		w.showProblem(siteProblems[i])
	}
	msg := errs.For(app.FieldVertical)
	f.verticalMessage.SetText(msg)
	f.verticalMessage.Hidden = msg == ""
	f.verticalMessage.Refresh()
	return len(errs) == 0
}

// showErrors puts problems the core reported under their fields and
// returns the ones that belong to no field.
func (f *profileForm) showErrors(errs app.ValidationErrors) app.ValidationErrors {
	var rest app.ValidationErrors
	for _, e := range errs {
		switch {
		case e.Field == app.FieldVertical:
			f.verticalMessage.SetText(e.Message)
			f.verticalMessage.Show()
		case f.field(e.Field) != nil:
			fl := f.field(e.Field)
			fl.touched = true
			fl.showProblem(e.UnderField())
		default:
			rest = append(rest, e)
		}
	}
	return rest
}

// firstProblem is the first part of the form that shows a problem, or
// nil.
func (f *profileForm) firstProblem() fyne.CanvasObject {
	if f.about.message.Visible() {
		return f.about.content
	}
	if f.verticalMessage.Visible() {
		return f.vertical
	}
	for _, fl := range f.fields()[1:] {
		if fl.message.Visible() {
			return fl.content
		}
	}
	return nil
}

func (f *profileForm) field(key string) *profileField {
	for _, fl := range f.fields() {
		if fl.key == key {
			return fl
		}
	}
	return nil
}
