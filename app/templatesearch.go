package app

import (
	"strings"
)

// TemplateFilter narrows the template list. Empty fields match everything.
type TemplateFilter struct {
	Query    string // matched against name and body text, case-insensitively
	Status   TemplateStatus
	Category string
	Language string
}

// TemplateIndex answers searches over a template list fast enough to run
// on every keystroke (see BenchmarkTemplateSearch).
type TemplateIndex struct {
	templates []Template
	haystack  []string // lower-case name + "\n" + body, per template
}

// NewTemplateIndex prepares ts for searching. ts is not copied.
func NewTemplateIndex(ts []Template) *TemplateIndex {
	ix := &TemplateIndex{templates: ts, haystack: make([]string, len(ts))}
	for i, t := range ts {
		ix.haystack[i] = strings.ToLower(t.Name + "\n" + t.Body + "\n" + t.Header.Text + "\n" + t.Footer)
	}
	return ix
}

// Len is the number of indexed templates.
func (ix *TemplateIndex) Len() int { return len(ix.templates) }

// Search returns the templates matching f, in list order.
func (ix *TemplateIndex) Search(f TemplateFilter) []Template {
	q := strings.ToLower(strings.TrimSpace(f.Query))
	terms := strings.Fields(q)
	out := make([]Template, 0, 64)
	for i := range ix.templates {
		t := &ix.templates[i]
		if f.Status != "" && t.Status != f.Status {
			continue
		}
		if f.Category != "" && t.Category != f.Category {
			continue
		}
		if f.Language != "" && t.Language != f.Language {
			continue
		}
		if !containsAll(ix.haystack[i], terms) {
			continue
		}
		out = append(out, *t)
	}
	return out
}

func containsAll(hay string, terms []string) bool {
	for _, term := range terms {
		if !strings.Contains(hay, term) {
			return false
		}
	}
	return true
}
