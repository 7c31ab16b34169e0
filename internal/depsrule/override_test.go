package depsrule

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"
)

// TestNothingOverridesTheTheme keeps container.ThemeOverride out of
// Parley's code: Fyne 2.7 gives every override its own copy of the fonts
// (about 6 MB per text style, the 4 MB emoji font included) and never
// frees it, so each page or bubble that made one grew the window for
// good. Colours and sizes that differ from the app's are named instead
// (widgets.WithChatNames). Test files are exempt.
func TestNothingOverridesTheTheme(t *testing.T) {
	root := "../.."
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if name := d.Name(); path != root && (strings.HasPrefix(name, ".") || name == "build" || name == "testdata") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if sel, ok := n.(*ast.SelectorExpr); ok && strings.Contains(sel.Sel.Name, "ThemeOverride") {
				t.Errorf("%s uses %s: name the colours and sizes instead (see widgets/chatnames.go)", path, sel.Sel.Name)
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
