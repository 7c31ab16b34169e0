package templates

import (
	"fmt"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/app"
)

// The "everything" choice of each filter.
const (
	allStatuses   = "All statuses"
	allCategories = "All categories"
	allLanguages  = "All languages"
)

// templateStatuses are the statuses the status filter offers, in order.
var templateStatuses = []app.TemplateStatus{
	app.TemplateApproved, app.TemplateSubmitted, app.TemplateRejected,
	app.TemplatePaused, app.TemplateDisabled, app.TemplateDraft,
}

// templateFilters is the search entry, the status, category and language
// choices and the count of matches above the template list.
type templateFilters struct {
	onChange func()
	quiet    bool // set while options change, so onChange is not called

	search   *widget.Entry
	status   *widget.Select
	category *widget.Select
	language *widget.Select
	count    *widget.Label

	statuses   map[string]app.TemplateStatus // option → status
	categories map[string]string             // option → category
	languages  map[string]string             // option → language code
	content    fyne.CanvasObject
}

func newTemplateFilters(onChange func()) *templateFilters {
	f := &templateFilters{onChange: onChange, statuses: map[string]app.TemplateStatus{}}
	f.search = &widget.Entry{PlaceHolder: "Search name or text", ActionItem: widget.NewIcon(theme.SearchIcon())}
	f.search.OnChanged = func(string) { f.changed() }
	options := []string{allStatuses}
	for _, s := range templateStatuses {
		options = append(options, app.StatusLabel(s))
		f.statuses[app.StatusLabel(s)] = s
	}
	f.status = &widget.Select{Options: options, Selected: allStatuses, PlaceHolder: allStatuses}
	f.category = &widget.Select{Selected: allCategories, PlaceHolder: allCategories}
	f.language = &widget.Select{Selected: allLanguages, PlaceHolder: allLanguages}
	for _, s := range []*widget.Select{f.status, f.category, f.language} {
		s.OnChanged = func(string) { f.changed() }
	}
	f.setTemplates(nil)
	f.count = &widget.Label{TextStyle: fyne.TextStyle{Bold: true}}

	f.content = container.New(&filterBarLayout{widths: []float32{140, 150, 170}},
		f.count, f.search, f.status, f.category, f.language)
	return f
}

func (f *templateFilters) changed() {
	if !f.quiet && f.onChange != nil {
		f.onChange()
	}
}

// filter is what the owner has typed and chosen.
func (f *templateFilters) filter() app.TemplateFilter {
	return app.TemplateFilter{
		Query:    f.search.Text,
		Status:   f.statuses[f.status.Selected],
		Category: f.categories[f.category.Selected],
		Language: f.languages[f.language.Selected],
	}
}

// active reports whether any search or filter narrows the list.
func (f *templateFilters) active() bool {
	q := f.filter()
	return strings.TrimSpace(q.Query) != "" || q.Status != "" || q.Category != "" || q.Language != ""
}

// clear resets the search and every filter.
func (f *templateFilters) clear() {
	f.quiet = true
	f.search.SetText("")
	f.status.SetSelected(allStatuses)
	f.category.SetSelected(allCategories)
	f.language.SetSelected(allLanguages)
	f.quiet = false
	f.changed()
}

// setTemplates offers the categories and languages of ts, keeping the
// current choice when it is still offered.
func (f *templateFilters) setTemplates(ts []app.Template) {
	cats := map[string]bool{app.CategoryMarketing: true, app.CategoryUtility: true, app.CategoryAuthentication: true}
	langs := map[string]bool{}
	for _, t := range ts {
		if t.Category != "" {
			cats[t.Category] = true
		}
		langs[t.Language] = true
	}
	f.categories = map[string]string{}
	catOptions := []string{}
	for c := range cats {
		label := categoryLabel(c)
		f.categories[label] = c
		catOptions = append(catOptions, label)
	}
	sort.Strings(catOptions)
	f.languages = map[string]string{}
	codes := make([]string, 0, len(langs))
	for c := range langs {
		codes = append(codes, c)
	}
	sort.Slice(codes, func(i, j int) bool {
		ni, nj := app.LanguageName(codes[i]), app.LanguageName(codes[j])
		return ni < nj || ni == nj && codes[i] < codes[j]
	})
	langOptions := []string{}
	for _, c := range codes {
		label := app.LanguageLabel(c)
		f.languages[label] = c
		langOptions = append(langOptions, label)
	}
	f.quiet = true
	resetFilterOptions(f.category, allCategories, catOptions)
	resetFilterOptions(f.language, allLanguages, langOptions)
	f.quiet = false
}

// resetFilterOptions replaces the options of s after its "all" choice and keeps
// the selection when it is still offered.
func resetFilterOptions(s *widget.Select, all string, options []string) {
	keep := s.Selected
	s.SetOptions(append([]string{all}, options...))
	for _, o := range options {
		if o == keep {
			return
		}
	}
	s.SetSelected(all)
}

// setCount shows how many templates match.
func (f *templateFilters) setCount(shown, total int) {
	switch {
	case total == 0:
		f.count.SetText("")
	case f.active():
		f.count.SetText(fmt.Sprintf("%d of %d %s", shown, total, templatesNoun(total)))
	default:
		f.count.SetText(fmt.Sprintf("%d %s", total, templatesNoun(total)))
	}
	f.content.Refresh() // the search box makes room for the new count
}

// templatesNoun is "template" or "templates", to follow the number n.
func templatesNoun(n int) string {
	if n == 1 {
		return "template"
	}
	return "templates"
}

// categoryLabel is a category the way the owner reads it: "Marketing"
// for "MARKETING".
func categoryLabel(c string) string {
	if c == "" {
		return "No category"
	}
	return strings.ToUpper(c[:1]) + strings.ToLower(c[1:])
}

// filterBarLayout lays out the filter bar: the count on the left, then the
// search box and the choices aligned right. The choices have fixed
// widths; the search box takes the room left, between its minimum and
// searchWidth, so a long count never widens the window.
type filterBarLayout struct {
	widths []float32 // of the choices, after the count and search box
}

// Widths of the search box.
const (
	searchWidth    float32 = 240
	searchMinWidth float32 = 120
)

// Layout places the objects: count, search box, choices.
func (l *filterBarLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	pad := theme.Padding()
	fixed := float32(0)
	for _, w := range l.widths {
		fixed += w + pad
	}
	count := objects[0].MinSize().Width
	search := max(searchMinWidth, min(searchWidth, size.Width-fixed-count-pad))
	objects[0].Move(fyne.NewPos(0, 0))
	objects[0].Resize(fyne.NewSize(max(0, size.Width-fixed-search-pad), size.Height))
	x := size.Width - fixed - search
	objects[1].Move(fyne.NewPos(x, 0))
	objects[1].Resize(fyne.NewSize(search, size.Height))
	x += search + pad
	for i, w := range l.widths {
		objects[2+i].Move(fyne.NewPos(x, 0))
		objects[2+i].Resize(fyne.NewSize(w, size.Height))
		x += w + pad
	}
}

// MinSize leaves the count room for a short text only; it may be cut off
// in a very narrow window rather than widen it.
func (l *filterBarLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	h := float32(0)
	for _, o := range objects {
		h = max(h, o.MinSize().Height)
	}
	w := searchMinWidth + theme.Padding()
	for _, cw := range l.widths {
		w += cw + theme.Padding()
	}
	return fyne.NewSize(w, h)
}
