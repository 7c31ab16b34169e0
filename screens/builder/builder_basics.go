package builder

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/app"
)

// templateCategories are the categories the builder can make, each with a
// line on what it is for. Authentication is left out on purpose: WhatsApp
// writes those templates' text itself and adds a one-time-code button, so
// a template with a body of its own is rejected (app.ValidateTemplate
// refuses it too). A draft that still says Authentication opens with no
// category chosen and the reason under the field.
var templateCategories = []choiceOption{
	{app.CategoryMarketing, "Marketing", "Offers, news and invitations: anything that promotes your business."},
	{app.CategoryUtility, "Utility", "Updates on something the customer asked for, such as an order or a booking."},
}

// basicsSection is the first card of the builder: the template's name,
// category and language.
type basicsSection struct {
	name        *widget.Entry
	nameNote    *formNote
	nameWarning *widget.Label // the name is already used in this language

	category     *choiceGroup
	categoryNote *formNote

	language     *languagePicker
	languageNote *formNote

	content fyne.CanvasObject
}

// newBasicsSection builds the card; changed is called after every change
// the owner makes.
func newBasicsSection(changed func()) *basicsSection {
	s := &basicsSection{nameNote: newFormNote(), categoryNote: newFormNote(), languageNote: newFormNote()}
	s.name = &widget.Entry{PlaceHolder: "for example order_ready", OnChanged: func(string) {
		s.nameNote.touched = true
		changed()
	}}
	s.nameWarning = &widget.Label{Importance: widget.WarningImportance, Wrapping: fyne.TextWrapWord, SizeName: theme.SizeNameCaptionText}
	s.nameWarning.Hide()
	s.category = newChoiceGroup(templateCategories, func(string) {
		s.categoryNote.touched = true
		changed()
	})
	s.language = newLanguagePicker(func() {
		s.languageNote.touched = true
		changed()
	})
	s.content = newBuilderSection("Name and language", "",
		newBuilderField("Name", "Only you and WhatsApp see it. Use lowercase letters, numbers and underscores.", nil,
			s.name, s.nameNote),
		tuckUnder(s.nameWarning),
		newBuilderField("Category", "WhatsApp checks that the message fits the category you choose.", nil,
			s.category.content, s.categoryNote),
		newBuilderField("Language", "The language the message is written in.", nil,
			container.NewVBox(s.language.entry, s.language.results), s.languageNote),
	)
	return s
}

// fill shows t's name, category and language.
func (s *basicsSection) fill(t app.Template) {
	s.name.SetText(t.Name)
	s.category.setSelected(t.Category)
	s.language.setCode(t.Language)
}

// showProblems puts each problem under its field.
func (s *basicsSection) showProblems(errs app.ValidationErrors, all bool) {
	s.nameNote.show(errs.For(app.FieldTemplateName), all)
	s.categoryNote.show(errs.For(app.FieldTemplateCategory), all)
	s.languageNote.show(errs.For(app.FieldTemplateLanguage), all)
}

// setNameWarning shows msg under the name, or hides the warning for "".
func (s *basicsSection) setNameWarning(msg string) {
	if msg == "" {
		s.nameWarning.Hide()
		return
	}
	s.nameWarning.SetText(msg)
	s.nameWarning.Show()
}

// notes lists the section's notes in the order they appear.
func (s *basicsSection) notes() []*formNote {
	return []*formNote{s.nameNote, s.categoryNote, s.languageNote}
}
