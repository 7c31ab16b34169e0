package app

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

func sampleTemplates(n int) []Template {
	statuses := []TemplateStatus{TemplateApproved, TemplateSubmitted, TemplateRejected}
	cats := []string{CategoryMarketing, CategoryUtility, CategoryAuthentication}
	langs := []string{"en_US", "de", "pt_BR", "es"}
	ts := make([]Template, n)
	for i := range ts {
		ts[i] = Template{
			Name:     fmt.Sprintf("template_%05d", i),
			Language: langs[i%len(langs)],
			Category: cats[i%len(cats)],
			Status:   statuses[i%len(statuses)],
			Body:     fmt.Sprintf("Hello {{1}}, your order %d from Bäckerei Müller is ready for pickup at the counter. Reply STOP to opt out.", i),
		}
	}
	ts[42].Body = "Our summer SALE starts tomorrow, {{1}}!"
	return ts
}

func TestTemplateSearchCombinations(t *testing.T) {
	ix := NewTemplateIndex(sampleTemplates(120))
	cases := []struct {
		name string
		f    TemplateFilter
		want int
	}{
		{"everything", TemplateFilter{}, 120},
		{"body word, any case", TemplateFilter{Query: "summer sale"}, 1},
		{"name prefix", TemplateFilter{Query: "TEMPLATE_0001"}, 10},
		{"status", TemplateFilter{Status: TemplateRejected}, 40},
		{"status and category", TemplateFilter{Status: TemplateApproved, Category: CategoryMarketing}, 40},
		{"status and language", TemplateFilter{Status: TemplateApproved, Language: "de"}, 10},
		{"language", TemplateFilter{Language: "pt_BR"}, 30},
		{"query and status", TemplateFilter{Query: "müller", Status: TemplateSubmitted}, 40},
		{"no match", TemplateFilter{Query: "pizza"}, 0},
	}
	for _, tc := range cases {
		if got := len(ix.Search(tc.f)); got != tc.want {
			t.Errorf("%s: %d matches, want %d", tc.name, got, tc.want)
		}
	}
	if got := ix.Search(TemplateFilter{Query: "sale"}); len(got) != 1 || got[0].Name != "template_00042" {
		t.Fatalf("search by body text found %v", got)
	}
}

// BenchmarkTemplateSearchKeystroke measures one keystroke's search over
// 10,000 templates, beside a raw baseline (one strings.Contains over the
// same lower-cased strings, no filtering or copying) timed in the same run.
func BenchmarkTemplateSearchKeystroke(b *testing.B) {
	ix := NewTemplateIndex(sampleTemplates(10000))
	f := TemplateFilter{Query: "order 99", Status: TemplateApproved}
	const rawRounds = 200
	start := time.Now()
	hits := 0
	for range rawRounds {
		for _, h := range ix.haystack {
			if strings.Contains(h, "order 99") {
				hits++
			}
		}
	}
	raw := float64(time.Since(start).Nanoseconds()) / rawRounds
	if hits == 0 {
		b.Fatal("baseline found nothing")
	}
	b.ResetTimer()
	for b.Loop() {
		if len(ix.Search(f)) == 0 {
			b.Fatal("search found nothing")
		}
	}
	perOp := float64(b.Elapsed().Nanoseconds()) / float64(b.N)
	b.ReportMetric(perOp/1e6, "ms/keystroke")
	b.ReportMetric(perOp/raw, "x-raw-contains")
}
