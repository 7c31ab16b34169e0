package builder

import (
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/screens/kit"
)

// languageListHeight is the height of the list of matching languages:
// about five rows.
const languageListHeight = 176

// languagePicker is a searchable list of WhatsApp's template languages:
// typing a name or code ("german", "de") narrows the list under the
// entry; tapping a language (or pressing Enter for the first match)
// chooses it, and the entry then shows "German · de".
type languagePicker struct {
	entry   *widget.Entry
	list    *widget.List
	none    *widget.RichText // says when nothing matches
	results fyne.CanvasObject

	matches []app.Language // what the list shows; replaced on the UI goroutine
	code    string         // the chosen language, or ""
	setting bool           // the picker itself is changing the entry

	// onChanged is called when the owner changes the text or the choice.
	onChanged func()
}

func newLanguagePicker(onChanged func()) *languagePicker {
	p := &languagePicker{onChanged: onChanged, matches: app.Languages}
	p.entry = &widget.Entry{PlaceHolder: "Search by name or code, for example German or de", OnChanged: p.onTyped, OnSubmitted: p.onSubmitted}
	p.entry.ActionItem = widget.NewIcon(theme.SearchIcon())
	p.list = widget.NewList(
		func() int { return len(p.matches) },
		func() fyne.CanvasObject { return &widget.Label{Truncation: fyne.TextTruncateEllipsis} },
		func(id widget.ListItemID, o fyne.CanvasObject) {
			o.(*widget.Label).SetText(app.LanguageLabel(p.matches[id].Code))
		})
	p.list.OnSelected = p.onPicked
	p.none = kit.NewMutedText("", fyne.TextAlignLeading, theme.SizeNameText)
	p.none.Hide()
	p.results = atLeast(fyne.NewSize(0, languageListHeight), container.NewStack(p.list, p.none))
	return p
}

// setCode chooses code without calling onChanged, as when a draft opens.
func (p *languagePicker) setCode(code string) {
	p.code = code
	p.setting = true
	if code == "" {
		p.entry.SetText("")
	} else {
		p.entry.SetText(app.LanguageLabel(code))
	}
	p.setting = false
	p.filter(p.entry.Text)
}

func (p *languagePicker) onTyped(text string) {
	if p.setting {
		return
	}
	p.code = exactLanguage(text)
	p.filter(text)
	p.onChanged()
}

func (p *languagePicker) onSubmitted(string) {
	if len(p.matches) > 0 {
		p.onPicked(0)
	}
}

func (p *languagePicker) onPicked(id widget.ListItemID) {
	p.list.UnselectAll()
	if id < 0 || id >= len(p.matches) {
		return
	}
	p.code = p.matches[id].Code
	p.setting = true
	p.entry.SetText(app.LanguageLabel(p.code))
	p.setting = false
	p.filter(p.entry.Text)
	p.onChanged()
}

// filter narrows the list to the languages matching text and hides it
// once a language is chosen and shown in the entry.
func (p *languagePicker) filter(text string) {
	if p.code != "" && text == app.LanguageLabel(p.code) {
		p.results.Hide()
		return
	}
	p.matches = matchLanguages(text)
	p.list.ScrollToTop()
	p.list.Refresh()
	if len(p.matches) == 0 {
		p.none.Segments[0].(*widget.TextSegment).Text = "No language matches \u201c" + strings.TrimSpace(text) + "\u201d. Try its English name or code."
		p.none.Refresh()
		p.none.Show()
		p.list.Hide()
	} else {
		p.none.Hide()
		p.list.Show()
	}
	p.results.Show()
}

// exactLanguage returns the code of the language text names exactly (its
// code, English name or label, ignoring case), or "".
func exactLanguage(text string) string {
	q := strings.TrimSpace(text)
	for _, l := range app.Languages {
		if strings.EqualFold(q, l.Code) || strings.EqualFold(q, l.Name) || q == app.LanguageLabel(l.Code) {
			return l.Code
		}
	}
	return ""
}

// matchLanguages returns the languages whose name or code contains
// query, ignoring case: exact matches first, then names starting with
// the query, then the rest in alphabetical order.
func matchLanguages(query string) []app.Language {
	q := strings.ToLower(strings.TrimSpace(query))
	if q == "" {
		return app.Languages
	}
	rank := func(l app.Language) int {
		name, code := strings.ToLower(l.Name), strings.ToLower(l.Code)
		switch {
		case code == q || name == q:
			return 0
		case strings.HasPrefix(name, q) || strings.HasPrefix(code, q):
			return 1
		case strings.Contains(name, q) || strings.Contains(strings.ToLower(app.LanguageLabel(l.Code)), q):
			return 2
		}
		return -1
	}
	var out []app.Language
	for _, l := range app.Languages {
		if rank(l) >= 0 {
			out = append(out, l)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return rank(out[i]) < rank(out[j]) })
	return out
}
