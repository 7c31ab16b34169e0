package depsrule

import "strings"

// Module is the import path of Parley's module.
const Module = "github.com/parley-app/parley"

// Rule is one line of the dependency rule: the packages matching From
// may not import a package matching any of Forbid, directly or through
// another package.
type Rule struct {
	From   string   // a `go list` pattern, such as Module + "/persistence/..."
	Forbid []string // import paths; one ending in "/..." also means every package under it
	Why    string   // the reason, for the failure message
}

// Matches reports whether importPath is pattern, or lies under it when
// pattern ends in "/...".
func Matches(importPath, pattern string) bool {
	if base, ok := strings.CutSuffix(pattern, "/..."); ok {
		return importPath == base || strings.HasPrefix(importPath, base+"/")
	}
	return importPath == pattern
}

// CheckRule lists the packages matching r.From (run from dir) and returns
// every package matching r.Forbid that they reach. Test files are not
// part of the rule.
func CheckRule(dir string, r Rule) ([]Violation, error) {
	return check(dir, []string{r.From}, func(p string) bool {
		for _, f := range r.Forbid {
			if Matches(p, f) {
				return true
			}
		}
		return false
	})
}

// Features are the packages of the window's pages: each imports
// screens/kit, app and widgets, never another feature.
var Features = []string{"inbox", "channels", "profile", "templates", "builder"}

// Rules are the layers of Parley beyond the core's own rule (Check): what
// persistence, widgets, the screens' kit and each feature may not reach.
func Rules() []Rule {
	m := func(p string) string { return Module + "/" + p }
	rules := []Rule{
		{From: m("persistence/..."), Forbid: []string{m("screens/..."), m("widgets/..."), "fyne.io/..."},
			Why: "the store knows nothing of the window"},
		{From: m("widgets/..."), Forbid: []string{m("persistence/..."), m("screens/...")},
			Why: "widgets show what they are given; they never read the store or know the pages"},
		{From: m("screens/kit/..."), Forbid: append([]string{m("screens"), m("persistence/..."), m("internal/...")}, featurePaths(m)...),
			Why: "the kit is what the features share; it knows none of them"},
	}
	for _, f := range Features {
		forbid := []string{m("screens"), m("persistence/..."), m("internal/...")}
		for _, other := range Features {
			if other != f {
				forbid = append(forbid, m("screens/"+other+"/..."))
			}
		}
		rules = append(rules, Rule{From: m("screens/" + f + "/..."), Forbid: forbid,
			Why: "a feature imports only the kit, the core and widgets; the shell leads from one feature to another"})
	}
	return rules
}

func featurePaths(m func(string) string) []string {
	var out []string
	for _, f := range Features {
		out = append(out, m("screens/"+f+"/..."))
	}
	return out
}
