package depsrule

import (
	"strings"
	"testing"
)

func TestCatchesDirectAndIndirectViolations(t *testing.T) {
	vs, err := Check(".", "./testdata/violator")
	if err != nil {
		t.Fatal(err)
	}
	found := map[string]Violation{}
	for _, v := range vs {
		found[v.Forbidden] = v
	}
	keyring, ok := found["github.com/zalando/go-keyring"]
	if !ok {
		t.Fatalf("the direct keyring import was not reported; got %v", vs)
	}
	if len(keyring.Chain) != 2 {
		t.Errorf("keyring chain = %v, want the package and the keyring", keyring.Chain)
	}
	sqlite, ok := found["github.com/mattn/go-sqlite3"]
	if !ok {
		t.Fatalf("the SQL driver reached through another package was not reported; got %v", vs)
	}
	if got := strings.Join(sqlite.Chain, " "); !strings.Contains(got, "/violator/indirect ") {
		t.Errorf("driver chain %q does not name the package in between", got)
	}
	// database/sql is forbidden by itself, without a driver.
	if v, ok := found["database/sql"]; !ok || len(v.Chain) != 2 {
		t.Errorf("the direct database/sql import was not reported; got %v", vs)
	}
}

func TestCleanPackagePasses(t *testing.T) {
	vs, err := Check(".", "./testdata/clean")
	if err != nil {
		t.Fatal(err)
	}
	if len(vs) != 0 {
		t.Fatalf("clean package reported: %v", vs)
	}
}

func TestNoMatchIsAnError(t *testing.T) {
	if _, err := Check(".", "./testdata/nothing-here"); err == nil {
		t.Fatal("a pattern matching nothing passed the rule")
	}
}

func TestIsForbidden(t *testing.T) {
	for path, want := range map[string]bool{
		"fyne.io/fyne/v2/widget":           true,
		"database/sql":                     true,
		"database/sql/driver":              true,
		"github.com/mattn/go-sqlite3":      true,
		"github.com/zalando/go-keyring":    true,
		"github.com/jackc/pgx/v5":          true,
		"github.com/nyaruka/phonenumbers":  false,
		"database/sqlx":                    false,
		"github.com/lib/pqueue":            false,
		"github.com/parley-app/parley/app": false,
		"golang.org/x/image/vector":        false,
	} {
		if got := IsForbidden(path); got != want {
			t.Errorf("IsForbidden(%q) = %v, want %v", path, got, want)
		}
	}
}
