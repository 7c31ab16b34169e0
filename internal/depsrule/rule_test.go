package depsrule

import (
	"strings"
	"testing"
)

const features = Module + "/internal/depsrule/testdata/features"

// featureRule is the features' line of the rule for the test packages:
// one, two and three may not reach each other.
func featureRule(from string) Rule {
	var forbid []string
	for _, f := range []string{"one", "two", "three"} {
		if !strings.HasSuffix(from, "/"+f) {
			forbid = append(forbid, features+"/"+f+"/...")
		}
	}
	return Rule{From: from, Forbid: forbid}
}

func TestRuleCatchesAFeatureImportingAnother(t *testing.T) {
	vs, err := CheckRule(".", featureRule("./testdata/features/one"))
	if err != nil {
		t.Fatal(err)
	}
	if len(vs) != 1 || vs[0].Forbidden != features+"/two" || len(vs[0].Chain) != 2 {
		t.Fatalf("the direct import of another feature was not reported as one step; got %v", vs)
	}
}

func TestRuleCatchesAFeatureReachedThroughTheKit(t *testing.T) {
	vs, err := CheckRule(".", featureRule("./testdata/features/three"))
	if err != nil {
		t.Fatal(err)
	}
	if len(vs) != 1 || vs[0].Forbidden != features+"/two" {
		t.Fatalf("the feature reached through the kit was not reported; got %v", vs)
	}
	if got := strings.Join(vs[0].Chain, " "); !strings.Contains(got, "/features/shared ") {
		t.Errorf("chain %q does not name the kit in between", got)
	}
}

func TestRuleLetsAFeatureThatFollowsItPass(t *testing.T) {
	vs, err := CheckRule(".", featureRule("./testdata/features/two"))
	if err != nil {
		t.Fatal(err)
	}
	if len(vs) != 0 {
		t.Fatalf("a feature importing no other was reported: %v", vs)
	}
}

func TestMatches(t *testing.T) {
	for _, c := range []struct {
		path, pattern string
		want          bool
	}{
		{Module + "/screens", Module + "/screens", true},
		{Module + "/screens/kit", Module + "/screens", false},
		{Module + "/screens/kit", Module + "/screens/...", true},
		{Module + "/screens", Module + "/screens/...", true},
		{Module + "/screensaver", Module + "/screens/...", false},
		{"fyne.io/fyne/v2/widget", "fyne.io/...", true},
	} {
		if got := Matches(c.path, c.pattern); got != c.want {
			t.Errorf("Matches(%q, %q) = %v, want %v", c.path, c.pattern, got, c.want)
		}
	}
}

// TestParleyFollowsTheRules checks the whole module against Rules:
// persistence never imports the window, widgets never import the store,
// the kit knows no feature and no feature imports another.
func TestParleyFollowsTheRules(t *testing.T) {
	for _, r := range Rules() {
		vs, err := CheckRule("../..", r)
		if err != nil {
			t.Fatalf("%s: %v", r.From, err)
		}
		for _, v := range vs {
			t.Errorf("dependency rule broken (%s): %s", r.Why, v)
		}
	}
}
