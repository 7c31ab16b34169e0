package stress

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// parleyBin is the real binary under test, built once by TestMain.
var parleyBin string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "parley-stress-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "stress:", err)
		os.Exit(1)
	}
	parleyBin = filepath.Join(dir, "parley")
	build := exec.Command("go", "build", "-tags", "sqlite_fts5", "-o", parleyBin, ".")
	build.Dir = ".."
	build.Stdout, build.Stderr = os.Stdout, os.Stderr
	if err := build.Run(); err != nil {
		fmt.Fprintln(os.Stderr, "stress: build parley:", err)
		os.Exit(1)
	}
	code := m.Run()
	_ = os.RemoveAll(dir)
	os.Exit(code)
}

// full reports whether the full suite runs (make stress), not the short
// form of make test.
func full() bool { return os.Getenv("PARLEY_STRESS") == "full" }

// pick returns short in the short form and long in the full one.
func pick[T any](short, long T) T {
	if full() {
		return long
	}
	return short
}
