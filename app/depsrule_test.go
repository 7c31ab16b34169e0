package app_test

import (
	"testing"

	"github.com/parley-app/parley/internal/depsrule"
)

// TestDependencyRule keeps the core free of the UI toolkit, SQL and the
// keyring: app and every package under it may import only the standard
// library and small pure libraries. Test files are exempt.
func TestDependencyRule(t *testing.T) {
	violations, err := depsrule.Check(".", "github.com/parley-app/parley/app/...")
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range violations {
		t.Errorf("dependency rule broken: %s", v)
	}
}
