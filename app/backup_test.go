package app_test

import (
	"archive/zip"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/internal/testworld"
	"github.com/parley-app/parley/persistence"
)

// backupWorld is a world whose core has a media folder (with a saved
// photo) and a data folder to stage restores in.
type backupWorld struct {
	*world
	data, media string
}

func newBackupWorld(t *testing.T) *backupWorld {
	t.Helper()
	data, media := t.TempDir(), t.TempDir()
	tw := testworld.New(t, testworld.Options{Edit: func(d *app.Deps) { d.DataDir, d.MediaDir = data, media }})
	w := &world{core: tw.Core, store: tw.Store, emu: tw.Emu, server: tw.Server, clock: tw.Clock, ctx: context.Background(), tw: tw}
	if err := os.MkdirAll(filepath.Join(media, "in"), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(media, "in", "7.jpg"), []byte("a photo"), 0o600); err != nil {
		t.Fatal(err)
	}
	return &backupWorld{world: w, data: data, media: media}
}

// currentData fills the data folder with what a running Parley has
// there: a database (with a write-ahead log) and attachments.
func (b *backupWorld) currentData(t *testing.T) {
	t.Helper()
	for name, content := range map[string]string{"parley.db": "old db", "parley.db-wal": "old wal", "media/old.jpg": "old photo"} {
		p := filepath.Join(b.data, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o700); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
	}
}

// TestBackUpAndRestoreEverything backs up while Parley runs, stages the
// restore, applies it as the next start does, and opens the result: the
// messages, the owner's contact fields and the attachments are back, and
// the data that was replaced is gone.
func TestBackUpAndRestoreEverything(t *testing.T) {
	b := newBackupWorld(t)
	ch := b.addChannel(t)
	conv := customerSays(t, b.world, ch, "4917", "Ann", "wamid.1", "Hello")
	if _, err := b.core.SaveContact(b.ctx, conv, app.ContactFields{CustomName: "Ann from the corner"}); err != nil {
		t.Fatal(err)
	}
	photo(t, b, ch)
	dst := filepath.Join(t.TempDir(), "Parley backup.zip")
	var seen []int64
	res, err := b.core.BackUp(b.ctx, dst, func(done, total int64) { seen = append(seen, done) })
	if err != nil {
		t.Fatal(err)
	}
	if res.Files != 1 || len(seen) == 0 || seen[len(seen)-1] != res.Bytes {
		t.Errorf("result %+v, progress %v", res, seen)
	}
	if leftovers, _ := filepath.Glob(filepath.Join(filepath.Dir(dst), ".parley*")); len(leftovers) > 0 {
		t.Errorf("the backup left %v beside it", leftovers)
	}

	b.currentData(t)
	info, err := b.core.StageRestore(b.ctx, dst, nil)
	if err != nil {
		t.Fatal(err)
	}
	if info.Files != 1 || info.Created.IsZero() {
		t.Errorf("restore info %+v", info)
	}
	// Staged only: what Parley uses now is untouched until the restart.
	if got, _ := os.ReadFile(filepath.Join(b.data, "parley.db")); string(got) != "old db" {
		t.Fatalf("staging changed the database in use")
	}
	applied, err := persistence.ApplyStagedRestore(b.data)
	if err != nil || !applied {
		t.Fatalf("ApplyStagedRestore = %v, %v", applied, err)
	}
	checkRestored(t, b.data)
	if applied, err := persistence.ApplyStagedRestore(b.data); applied || err != nil {
		t.Errorf("a second start applied again: %v, %v", applied, err)
	}
}

// checkRestored opens the data folder as Parley does and finds the
// backed-up data, and nothing of the data it replaced.
func checkRestored(t *testing.T, data string) {
	t.Helper()
	st, err := persistence.Open(context.Background(), data)
	if err != nil {
		t.Fatalf("open the restored database: %v", err)
	}
	defer st.Close()
	entries, _ := os.ReadDir(data)
	for _, e := range entries {
		if !slicesContains([]string{"parley.db", "parley.db-wal", "parley.db-shm", "media"}, e.Name()) {
			t.Errorf("the data folder still holds %s", e.Name())
		}
	}
	if _, err := os.Stat(filepath.Join(data, "media", "old.jpg")); err == nil {
		t.Error("the replaced attachments are still there")
	}
	if got, err := os.ReadFile(filepath.Join(data, "media", "in", "7.jpg")); err != nil || string(got) != "a photo" {
		t.Errorf("the backed-up photo: %q, %v", got, err)
	}
	cards, err := st.ContactCards(context.Background())
	if err != nil || len(cards) != 1 || cards[0].CustomName != "Ann from the corner" || cards[0].LastContact.IsZero() {
		t.Fatalf("restored contacts %+v, %v", cards, err)
	}
	// The photo's saved copy is linked in this data folder, where the
	// restore put it, not in the folder of the computer backed up.
	msgs, err := st.Messages(context.Background(), cards[0].ConversationID, 0, 10)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range msgs {
		if m.Media == nil {
			continue
		}
		abs, _ := filepath.Abs(filepath.Join(data, "media", "in", "7.jpg"))
		if m.Media.LocalPath != abs {
			t.Errorf("the photo links %q, want %q", m.Media.LocalPath, abs)
		}
		if _, err := os.Stat(m.Media.LocalPath); err != nil {
			t.Error(err)
		}
	}
}

// photo stores a customer's photo saved in the media folder.
func photo(t *testing.T, b *backupWorld, ch app.Channel) {
	t.Helper()
	ms, err := b.core.Ingest(b.ctx, ch.ID, app.InboundBatch{Messages: []app.Message{{WAMessageID: "wamid.photo", From: "4917",
		Type: app.MsgImage, RawType: "image", Timestamp: b.clock.Now(), Media: &app.Media{ID: "m7", MIMEType: "image/jpeg"}}}})
	if err != nil {
		t.Fatal(err)
	}
	if err := b.store.SetMediaPath(b.ctx, ms[0].ID, filepath.Join(b.media, "in", "7.jpg")); err != nil {
		t.Fatal(err)
	}
}

func slicesContains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

// TestRestoreSurvivesACrashAtEveryStep: a start that stops between any
// two steps of applying a restore leaves a folder the next start
// finishes, never one half-restored; a staging that never finished is
// thrown away and the data stays as it was.
func TestRestoreSurvivesACrashAtEveryStep(t *testing.T) {
	b := newBackupWorld(t)
	ch := b.addChannel(t)
	conv := customerSays(t, b.world, ch, "4917", "Ann", "wamid.1", "Hello")
	if _, err := b.core.SaveContact(b.ctx, conv, app.ContactFields{CustomName: "Ann from the corner"}); err != nil {
		t.Fatal(err)
	}
	photo(t, b, ch)
	dst := filepath.Join(t.TempDir(), "backup.zip")
	if _, err := b.core.BackUp(b.ctx, dst, nil); err != nil {
		t.Fatal(err)
	}
	staging := func(t *testing.T) {
		t.Helper()
		b.currentData(t)
		if _, err := b.core.StageRestore(b.ctx, dst, nil); err != nil {
			t.Fatal(err)
		}
	}
	mv := func(from, to string) {
		t.Helper()
		if err := os.MkdirAll(filepath.Dir(filepath.Join(b.data, to)), 0o700); err != nil {
			t.Fatal(err)
		}
		if err := os.Rename(filepath.Join(b.data, from), filepath.Join(b.data, to)); err != nil {
			t.Fatal(err)
		}
	}
	reset := func() {
		for _, n := range []string{"parley.db", "parley.db-wal", "parley.db-shm", "media", "restore-staging", "restore-previous"} {
			os.RemoveAll(filepath.Join(b.data, n))
		}
	}
	crashes := map[string]func(){
		"after the old database moved aside": func() {
			mv("parley.db", "restore-previous/parley.db")
		},
		"after the old log moved aside too": func() {
			mv("parley.db-wal", "restore-previous/parley.db-wal")
			mv("parley.db", "restore-previous/parley.db")
		},
		"after the new database is in place": func() {
			mv("parley.db-wal", "restore-previous/parley.db-wal")
			mv("parley.db", "restore-previous/parley.db")
			mv("restore-staging/parley.db", "parley.db")
		},
		"after the old media moved aside": func() {
			mv("parley.db-wal", "restore-previous/parley.db-wal")
			mv("parley.db", "restore-previous/parley.db")
			mv("restore-staging/parley.db", "parley.db")
			mv("media", "restore-previous/media")
		},
		"while cleaning up": func() {
			mv("parley.db-wal", "restore-previous/parley.db-wal")
			mv("parley.db", "restore-previous/parley.db")
			mv("restore-staging/parley.db", "parley.db")
			mv("media", "restore-previous/media")
			mv("restore-staging/media", "media")
			// What applying writes before it removes the mark: the
			// folder the attachments were saved in, to link them anew.
			os.WriteFile(filepath.Join(b.data, "restore-relink"), []byte(b.media), 0o600)
			os.Remove(filepath.Join(b.data, "restore-staging", "READY"))
		},
	}
	for name, crash := range crashes {
		t.Run(name, func(t *testing.T) {
			reset()
			staging(t)
			crash()
			if _, err := persistence.ApplyStagedRestore(b.data); err != nil {
				t.Fatal(err)
			}
			checkRestored(t, b.data)
		})
	}
	t.Run("Open puts it in place", func(t *testing.T) {
		reset()
		staging(t)
		st, err := persistence.Open(b.ctx, b.data)
		if err != nil {
			t.Fatal(err)
		}
		st.Close()
		checkRestored(t, b.data)
	})
	t.Run("staging never finished", func(t *testing.T) {
		reset()
		staging(t)
		os.Remove(filepath.Join(b.data, "restore-staging", "READY"))
		applied, err := persistence.ApplyStagedRestore(b.data)
		if err != nil || applied {
			t.Fatalf("applied %v, %v", applied, err)
		}
		if got, _ := os.ReadFile(filepath.Join(b.data, "parley.db")); string(got) != "old db" {
			t.Error("an unfinished staging replaced the database")
		}
		if _, err := os.Stat(filepath.Join(b.data, "restore-staging")); err == nil {
			t.Error("the unfinished staging is still there")
		}
	})
}

// writeZip writes a zip with the given entries (name to content).
func writeZip(t *testing.T, entries [][2]string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "backup.zip")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(f)
	for _, e := range entries {
		w, err := zw.Create(e[0])
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(e[1]))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	return p
}

// sqliteHeader is the start of an SQLite file of schema version v.
func sqliteHeader(v byte) string {
	h := make([]byte, 100)
	copy(h, "SQLite format 3\x00")
	h[63] = v
	return string(h)
}

func manifest(schema int) string {
	b, _ := json.Marshal(map[string]any{"format": "parley-backup", "version": 1, "schema": schema})
	return string(b)
}

// TestRestoreRefusesWhatIsNotASafeBackup: a newer Parley's backup, a zip
// that is no backup, and entries that would land outside the folder are
// refused in plain words, and nothing is staged or written elsewhere.
func TestRestoreRefusesWhatIsNotASafeBackup(t *testing.T) {
	b := newBackupWorld(t)
	cases := []struct {
		name    string
		entries [][2]string
		kind    error
		words   string
	}{
		{"newer schema in the manifest", [][2]string{{"manifest.json", manifest(999)}, {"parley.db", sqliteHeader(1)}},
			app.ErrBackupTooNew, "newer version of Parley"},
		{"newer schema in the database", [][2]string{{"manifest.json", manifest(1)}, {"parley.db", sqliteHeader(200)}},
			app.ErrBackupTooNew, "Update Parley"},
		{"no manifest", [][2]string{{"parley.db", sqliteHeader(1)}}, app.ErrNotABackup, "not a Parley backup"},
		{"climbing out", [][2]string{{"manifest.json", manifest(1)}, {"parley.db", sqliteHeader(1)}, {"media/../../escaped", "x"}},
			app.ErrNotABackup, "will not unpack"},
		{"absolute path", [][2]string{{"manifest.json", manifest(1)}, {"parley.db", sqliteHeader(1)}, {"/tmp/escaped", "x"}},
			app.ErrNotABackup, "will not unpack"},
		{"backslashes", [][2]string{{"manifest.json", manifest(1)}, {"parley.db", sqliteHeader(1)}, {`media\..\..\escaped`, "x"}},
			app.ErrNotABackup, "will not unpack"},
		{"other files", [][2]string{{"manifest.json", manifest(1)}, {"parley.db", sqliteHeader(1)}, {"keys.txt", "x"}},
			app.ErrNotABackup, "not a Parley backup"},
		{"not a database", [][2]string{{"manifest.json", manifest(1)}, {"parley.db", "hello"}}, app.ErrNotABackup, "damaged"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := b.core.StageRestore(b.ctx, writeZip(t, c.entries), nil)
			if !errors.Is(err, c.kind) || !strings.Contains(app.Explain(err), c.words) || !strings.Contains(app.Explain(err), "Nothing was changed") {
				t.Errorf("StageRestore: %v\nExplain: %q", err, app.Explain(err))
			}
			if _, err := os.Stat(filepath.Join(b.data, app.RestoreStagingDir)); err == nil {
				t.Error("a refused backup was staged")
			}
			if _, err := os.Stat(filepath.Join(filepath.Dir(b.data), "escaped")); err == nil {
				t.Error("an entry was written outside the data folder")
			}
		})
	}
	notZip := filepath.Join(t.TempDir(), "photo.zip")
	os.WriteFile(notZip, []byte("not a zip"), 0o600)
	if _, err := b.core.StageRestore(b.ctx, notZip, nil); !errors.Is(err, app.ErrNotABackup) {
		t.Errorf("a file that is no zip: %v", err)
	}
}

// TestRestoreRefusesAnEntryLongerThanItSays: a zip whose entry holds
// more than its header says (a zip bomb's trick) is refused while
// unpacking, and the staging is removed.
func TestRestoreRefusesAnEntryLongerThanItSays(t *testing.T) {
	b := newBackupWorld(t)
	p := filepath.Join(t.TempDir(), "bomb.zip")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(f)
	for _, e := range [][2]string{{"manifest.json", manifest(1)}, {"parley.db", sqliteHeader(1)}} {
		w, _ := zw.Create(e[0])
		w.Write([]byte(e[1]))
	}
	body := strings.Repeat("x", 4096)
	w, err := zw.CreateRaw(&zip.FileHeader{Name: "media/big.jpg", Method: zip.Store, CompressedSize64: uint64(len(body)), UncompressedSize64: 10})
	if err != nil {
		t.Fatal(err)
	}
	w.Write([]byte(body))
	zw.Close()
	f.Close()
	_, err = b.core.StageRestore(b.ctx, p, nil)
	if !errors.Is(err, app.ErrNotABackup) || !strings.Contains(app.Explain(err), "damaged") {
		t.Errorf("StageRestore: %v", err)
	}
	if _, err := os.Stat(filepath.Join(b.data, app.RestoreStagingDir)); err == nil {
		t.Error("the staging of a refused backup is still there")
	}
}
