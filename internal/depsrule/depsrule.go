// Package depsrule checks Parley's dependency rule: the core (package app
// and everything under it) must not import a UI toolkit, a SQL driver or
// the keyring (Check), and each layer imports only the layers below it
// (CheckRule with the lines of Rules). It asks the go command for the
// real import graph, so build tags and module versions count exactly as
// in a build.
package depsrule

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"slices"
	"strings"
)

// Forbidden lists the import paths (and path prefixes ending in "/") the
// core may not depend on, directly or through another package.
var Forbidden = []string{
	"fyne.io/",                       // the UI toolkit
	"database/sql",                   // SQL belongs in persistence
	"github.com/mattn/go-sqlite3",    // SQL drivers ...
	"modernc.org/sqlite",             //
	"github.com/ncruces/go-sqlite3",  //
	"zombiezen.com/go/sqlite",        //
	"crawshaw.io/sqlite",             //
	"github.com/glebarez/go-sqlite",  //
	"github.com/go-sql-driver/mysql", //
	"github.com/lib/pq",              //
	"github.com/jackc/pgx",           //
	"github.com/zalando/go-keyring",  // the keyring belongs in persistence
	"github.com/99designs/keyring",   //
	"github.com/godbus/dbus",         // the keyring's transport on Linux
	"github.com/danieljoos/wincred",  // the keyring's backend on Windows
	"github.com/keybase/go-keychain", // the keyring's backend on macOS
	"github.com/go-gl/",              // OpenGL, pulled in by UI toolkits
}

// Violation is one forbidden package reached from a checked package.
type Violation struct {
	Package   string   // the checked package
	Forbidden string   // the forbidden import it reaches
	Chain     []string // Package ... Forbidden, each importing the next
}

// String explains the violation as an import chain.
func (v Violation) String() string {
	return fmt.Sprintf("%s imports %s (via %s)", v.Package, v.Forbidden, strings.Join(v.Chain, " → "))
}

// IsForbidden reports whether importPath matches an entry of Forbidden.
func IsForbidden(importPath string) bool {
	for _, f := range Forbidden {
		if importPath == f || strings.HasPrefix(importPath, strings.TrimSuffix(f, "/")+"/") {
			return true
		}
	}
	return false
}

type listedPackage struct {
	ImportPath string
	Imports    []string
	DepOnly    bool
	Standard   bool
	Error      *struct{ Err string }
}

// Check lists the packages matching patterns (run from dir, as with
// `go list -deps`) and returns every forbidden package they reach. Test
// files are not part of the rule: core tests may use real stores.
func Check(dir string, patterns ...string) ([]Violation, error) {
	return check(dir, patterns, IsForbidden)
}

// check lists the packages matching patterns and returns every package
// they reach for which forbidden is true.
func check(dir string, patterns []string, forbidden func(string) bool) ([]Violation, error) {
	pkgs, err := list(dir, patterns)
	if err != nil {
		return nil, err
	}
	byPath := make(map[string]listedPackage, len(pkgs))
	var roots []string
	for _, p := range pkgs {
		byPath[p.ImportPath] = p
		if !p.DepOnly {
			if p.Error != nil {
				return nil, fmt.Errorf("go list %s: %s", p.ImportPath, p.Error.Err)
			}
			roots = append(roots, p.ImportPath)
		}
	}
	if len(roots) == 0 {
		return nil, fmt.Errorf("go list %s matched no package", strings.Join(patterns, " "))
	}
	var out []Violation
	for _, root := range roots {
		out = append(out, reach(root, byPath, forbidden)...)
	}
	return out, nil
}

// reach walks the import graph from root breadth-first and reports each
// forbidden package with the shortest chain that leads to it.
func reach(root string, byPath map[string]listedPackage, forbidden func(string) bool) []Violation {
	prev := map[string]string{root: ""}
	queue := []string{root}
	var out []Violation
	for len(queue) > 0 {
		cur := queue[0]
		queue = queue[1:]
		if forbidden(cur) {
			out = append(out, Violation{Package: root, Forbidden: cur, Chain: chain(prev, cur)})
			continue // what it imports in turn is beside the point
		}
		for _, imp := range byPath[cur].Imports {
			if _, seen := prev[imp]; !seen {
				prev[imp] = cur
				queue = append(queue, imp)
			}
		}
	}
	return out
}

func chain(prev map[string]string, end string) []string {
	var c []string
	for p := end; p != ""; p = prev[p] {
		c = append(c, p)
	}
	slices.Reverse(c)
	return c
}

func list(dir string, patterns []string) ([]listedPackage, error) {
	args := append([]string{"list", "-e", "-deps", "-json=ImportPath,Imports,DepOnly,Standard,Error"}, patterns...)
	// go test puts its own toolchain first on PATH.
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("go list: %w: %s", err, stderr.String())
	}
	var pkgs []listedPackage
	dec := json.NewDecoder(bytes.NewReader(out))
	for {
		var p listedPackage
		if err := dec.Decode(&p); errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			return nil, fmt.Errorf("read go list output: %w", err)
		}
		pkgs = append(pkgs, p)
	}
	return pkgs, nil
}
