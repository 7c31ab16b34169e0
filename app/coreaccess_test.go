package app_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// portImplementations are the core's files that implement its ports with
// the standard library: the only ones allowed to touch files and the
// network directly.
var portImplementations = []string{
	"mediafiles_os.go",     // MediaFiles
	"exportfiles_os.go",    // ExportFiles
	"photofetch_http.go",   // PhotoFetcher
	"webhookprobe_http.go", // WebhookProbe
	"quarantine_darwin.go", // MediaFiles.MarkFromInternet
	"quarantine_windows.go",
	"quarantine_other.go",
	"diskspace_unix.go", // DiskSpace
	"diskspace_windows.go",
	"diskspace_other.go",
	"diskspace_dir.go",
}

// forbidden lists, by import path, what a core file must not use: it
// reaches files through MediaFiles and the network through PhotoFetcher,
// WebhookProbe and Provider.
var forbidden = map[string][]string{
	"os": {"Create", "CreateTemp", "Open", "OpenFile", "ReadFile", "WriteFile", "ReadDir",
		"Mkdir", "MkdirAll", "MkdirTemp", "Rename", "Remove", "RemoveAll", "Stat", "Lstat",
		"Chmod", "Truncate", "Link", "Symlink"},
	"net/http": {"DefaultClient", "DefaultTransport", "Get", "Head", "Post", "PostForm"},
}

// forbiddenLiterals are types a core file must not build itself: a client
// of its own would reach the network around the ports.
var forbiddenLiterals = map[string][]string{
	"net/http": {"Client", "Transport"},
}

// directAccess returns, for one Go file, every use of a forbidden name.
func directAccess(t *testing.T, path string) []string {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]string{} // local name → import path
	for _, imp := range f.Imports {
		p, _ := strconv.Unquote(imp.Path.Value)
		if forbidden[p] == nil && forbiddenLiterals[p] == nil {
			continue
		}
		name := p[strings.LastIndex(p, "/")+1:]
		if imp.Name != nil {
			name = imp.Name.Name
		}
		names[name] = p
	}
	var found []string
	use := func(sel *ast.SelectorExpr, list map[string][]string) {
		id, ok := sel.X.(*ast.Ident)
		if !ok {
			return
		}
		if p, ok := names[id.Name]; ok && slices.Contains(list[p], sel.Sel.Name) {
			found = append(found, fset.Position(sel.Pos()).String()+": "+id.Name+"."+sel.Sel.Name)
		}
	}
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.SelectorExpr:
			use(n, forbidden)
		case *ast.CompositeLit:
			if sel, ok := n.Type.(*ast.SelectorExpr); ok {
				use(sel, forbiddenLiterals)
			}
		}
		return true
	})
	return found
}

// TestCoreReachesFilesAndNetworkOnlyThroughPorts fails when a core file
// opens, writes or stats a file, or makes its own HTTP client or
// request, instead of going through its ports, so tests and other
// front ends can replace all of it.
func TestCoreReachesFilesAndNetworkOnlyThroughPorts(t *testing.T) {
	paths, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for _, path := range paths {
		if strings.HasSuffix(path, "_test.go") || slices.Contains(portImplementations, path) {
			continue
		}
		checked++
		for _, use := range directAccess(t, path) {
			t.Errorf("%s: the core reaches the OS or the network directly; go through a port (ports.go)", use)
		}
	}
	if checked < 20 {
		t.Fatalf("only %d core files checked; is the test running in app/?", checked)
	}
	// The check finds what it looks for, in the real implementations.
	if got := directAccess(t, "mediafiles_os.go"); len(got) < 5 {
		t.Fatalf("the check found only %v in mediafiles_os.go", got)
	}
	if got := directAccess(t, "webhookprobe_http.go"); len(got) != 1 {
		t.Fatalf("the check found %v in webhookprobe_http.go, want its own http.Client", got)
	}
}
