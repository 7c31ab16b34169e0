package kit

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"
)

// Every way of quitting (the tray, About, the error window, a backup's
// restart, SIGTERM) goes through Quit: a call of Fyne's App.Quit
// anywhere else brings back the crash on quit that Quit avoids.
func TestEveryQuitGoesThroughKitQuit(t *testing.T) {
	root := filepath.Join("..", "..")
	fset := token.NewFileSet()
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "build" || strings.HasPrefix(d.Name(), ".")) && path != root {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		file, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			return err
		}
		ast.Inspect(file, func(n ast.Node) bool {
			sel, ok := n.(*ast.SelectorExpr)
			if !ok || sel.Sel.Name != "Quit" {
				return true
			}
			if call, ok := sel.X.(*ast.CallExpr); ok {
				if inner, ok := call.Fun.(*ast.SelectorExpr); ok && inner.Sel.Name == "Driver" {
					return true // a.Driver().Quit(), as kit.Quit does
				}
			}
			if id, ok := sel.X.(*ast.Ident); ok && id.Name == "kit" {
				return true
			}
			t.Errorf("%s quits with %s.Quit; use kit.Quit", fset.Position(sel.Pos()), exprText(sel.X))
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// exprText is a short rendering of a selector's receiver for messages.
func exprText(e ast.Expr) string {
	switch x := e.(type) {
	case *ast.Ident:
		return x.Name
	case *ast.SelectorExpr:
		return exprText(x.X) + "." + x.Sel.Name
	case *ast.CallExpr:
		return exprText(x.Fun) + "()"
	}
	return "…"
}
