package persistence

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"
)

// BenchmarkBackupDatabase copies a database of 200,000 messages with
// SQLite's online backup (Back up everything) and compares it with a
// bare copy of the database file's and its log's bytes on the same disk
// (raw: what any copy costs, though it would not be consistent while
// Parley writes).
// It reports ms/backup and x-raw.
func BenchmarkBackupDatabase(b *testing.B) {
	ctx := context.Background()
	s, err := Open(ctx, b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	benchSeedConversation(b, s)
	dir := b.TempDir()
	n := 0
	for b.Loop() {
		n++
		if err := s.BackupDatabase(ctx, filepath.Join(dir, "backup-"+strconv.Itoa(n)+".db")); err != nil {
			b.Fatal(err)
		}
	}
	backup := b.Elapsed() / time.Duration(b.N)
	start := time.Now()
	for i := range b.N {
		benchCopyFile(b, s.Path(), filepath.Join(dir, "raw-"+strconv.Itoa(i)+".db"))
		benchCopyFile(b, s.Path()+"-wal", filepath.Join(dir, "raw-"+strconv.Itoa(i)+".db-wal"))
	}
	raw := time.Since(start) / time.Duration(b.N)
	b.ReportMetric(float64(backup.Nanoseconds())/1e6, "ms/backup")
	b.ReportMetric(float64(raw.Nanoseconds())/1e6, "raw-ms/backup")
	b.ReportMetric(float64(backup)/float64(raw), "x-raw")
}

// BenchmarkContactCards reads the contacts of 2,000 conversations with
// their first and last contact times (Export contacts) in a database of
// 200,000 messages, against a bare query of the contact rows alone.
func BenchmarkContactCards(b *testing.B) {
	ctx := context.Background()
	s, err := Open(ctx, b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	benchSeedConversation(b, s)
	for b.Loop() {
		cards, err := s.ContactCards(ctx)
		if err != nil || len(cards) != benchOtherConvs+1 {
			b.Fatalf("%d cards, %v", len(cards), err)
		}
	}
	read := b.Elapsed() / time.Duration(b.N)
	start := time.Now()
	for range b.N {
		rows, err := s.ro.Query(`SELECT wa_id, name, custom_name, notes FROM contacts`)
		if err != nil {
			b.Fatal(err)
		}
		for rows.Next() {
			var a, bb, c, d string
			if err := rows.Scan(&a, &bb, &c, &d); err != nil {
				b.Fatal(err)
			}
		}
		rows.Close()
	}
	raw := time.Since(start) / time.Duration(b.N)
	b.ReportMetric(float64(read.Nanoseconds())/1e6, "ms/read")
	b.ReportMetric(float64(raw.Nanoseconds())/1e6, "raw-ms/read")
	b.ReportMetric(float64(read)/float64(raw), "x-raw")
}

// benchCopyFile copies src to the new file dst.
func benchCopyFile(b *testing.B, src, dst string) {
	in, err := os.Open(src)
	if err != nil {
		b.Fatal(err)
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		b.Fatal(err)
	}
	if err := out.Sync(); err != nil {
		b.Fatal(err)
	}
	if err := out.Close(); err != nil {
		b.Fatal(err)
	}
}
