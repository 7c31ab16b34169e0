package logfile

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func read(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read %s: %v", path, err)
	}
	return string(b)
}

func TestWriteAppendsAcrossOpens(t *testing.T) {
	dir := t.TempDir()
	for i := range 2 {
		l, err := Open(dir, 1<<20)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(l, "line %d\n", i)
		if err := l.Close(); err != nil {
			t.Fatal(err)
		}
	}
	if got := read(t, filepath.Join(dir, Name)); got != "line 0\nline 1\n" {
		t.Fatalf("log = %q, want both lines", got)
	}
}

func TestRotatesWhenFull(t *testing.T) {
	dir := t.TempDir()
	l, err := Open(dir, 100)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	line := strings.Repeat("a", 39) + "\n" // 40 bytes
	for range 3 {                          // 120 bytes: the third line rotates
		if _, err := l.Write([]byte(line)); err != nil {
			t.Fatal(err)
		}
	}
	old := read(t, filepath.Join(dir, Name+".1"))
	cur := read(t, filepath.Join(dir, Name))
	if old != line+line || cur != line {
		t.Fatalf("after rotation: old %d bytes, current %d bytes; want 80 and 40", len(old), len(cur))
	}

	// A second rotation replaces the old backup: only one is kept.
	for range 3 {
		l.Write([]byte(strings.ToUpper(line)))
	}
	if got := read(t, filepath.Join(dir, Name+".1")); !strings.HasPrefix(got, line) || !strings.Contains(got, strings.ToUpper(line)) {
		t.Fatalf("second backup = %q, want the previous current file plus new lines", got)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		t.Fatalf("data dir holds %d files, want the log and one backup", len(entries))
	}
}

func TestOpenRotatesOversizedFile(t *testing.T) {
	dir := t.TempDir()
	big := bytes.Repeat([]byte("x"), 300)
	if err := os.WriteFile(filepath.Join(dir, Name), big, 0o600); err != nil {
		t.Fatal(err)
	}
	l, err := Open(dir, 100)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	if got := read(t, filepath.Join(dir, Name)); got != "" {
		t.Fatalf("new log holds %d bytes, want an empty file", len(got))
	}
	if got := read(t, filepath.Join(dir, Name+".1")); len(got) != 300 {
		t.Fatalf("backup holds %d bytes, want 300", len(got))
	}
}

func TestWriteAfterCloseFails(t *testing.T) {
	l, err := Open(t.TempDir(), 100)
	if err != nil {
		t.Fatal(err)
	}
	l.Close()
	if _, err := l.Write([]byte("late\n")); err == nil {
		t.Fatal("write after close succeeded")
	}
}
