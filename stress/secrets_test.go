package stress

import (
	"bytes"
	"context"
	"encoding/base64"
	"io/fs"
	"log/slog"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/app/dialog360"
	"github.com/parley-app/parley/app/dialog360/emulator"
	"github.com/parley-app/parley/internal/logfile"
	"github.com/parley-app/parley/persistence"
)

// After a session that uses every part that touches the API key (adding
// the channel, template and profile sync, a customer conversation with a
// reply, going live), the key is nowhere in the data folder: not in the
// database, its WAL, the log or the media cache. It lives in the real
// system keyring only (make test runs this inside a private one).
func TestAPIKeyNeverReachesTheDataFolder(t *testing.T) {
	const key = "STRESS-KEY-9f8e7d6c5b4a39281706-SECRET"
	ctx := context.Background()
	emu := emulator.New(emulator.WithManualDelivery())
	emu.AddNumber(key, "+4930123456", "Bäckerei Müller")
	srv := httptest.NewServer(emu)
	t.Cleanup(func() { srv.Close(); emu.Close() })

	dir := t.TempDir()
	logs, err := logfile.Open(dir, logfile.DefaultMaxSize)
	if err != nil {
		t.Fatal(err)
	}
	defer logs.Close()
	st, err := persistence.Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	secrets := persistence.NewKeyringSecrets()
	core := app.New(app.Deps{
		Store:     st,
		Secrets:   secrets,
		Providers: dialog360.Factory(dialog360.WithBaseURL(srv.URL), dialog360.WithLogger(slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug})))),
		Log:       slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug})),
		MediaDir:  filepath.Join(dir, "media"),
	})
	ch, err := core.AddChannel(ctx, app.NewChannel{Name: "Shop", Number: "+4930123456", APIKey: key})
	if err != nil {
		t.Fatalf("add channel (is a keyring running? use scripts/with-keyring.sh): %v", err)
	}
	t.Cleanup(func() { _ = secrets.DeleteAPIKey(ch.ID) })
	if err := emu.AddTemplate(key, app.Template{Name: "pickup", Language: "de", Category: app.CategoryUtility, Body: "Abholbereit"}); err != nil {
		t.Fatal(err)
	}
	if _, err := core.SyncTemplates(ctx, ch.ID, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := core.SyncProfile(ctx, ch.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := emu.Inbound(key, "491701234567", "Anna", "Hallo!"); err != nil {
		t.Fatal(err)
	}
	wamid := "wamid.secret-scan"
	ins, err := st.IngestBatch(ctx, ch.ID, app.InboundBatch{Messages: []app.Message{{WAMessageID: wamid, From: "491701234567",
		Type: app.MsgText, RawType: "text", Text: "Hallo!", Timestamp: time.Now()}}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := core.SendText(ctx, ins[0].ConversationID, "Guten Tag!", ""); err != nil {
		t.Fatal(err)
	}
	core.NewOutbox(app.OutboxOptions{}).SendQueuedOnce(ctx)
	if _, err := core.RegisterWebhook(ctx, ch.ID, "https://shop.example.com"); err != nil {
		t.Fatal(err)
	}
	// Scanned twice: while the database is open (with its write-ahead log
	// and shared memory) and after it closed.
	if n := scanForKey(t, dir, key); n < 4 {
		t.Fatalf("only %d files were scanned while open: the session wrote less than expected", n)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	_ = logs.Close()
	scanForKey(t, dir, key)
	if k, err := secrets.APIKey(ch.ID); err != nil || k != key {
		t.Fatalf("the key is not in the keyring: %q %v", k, err)
	}
}

// scanForKey fails the test for every file under dir holding key (also
// base64-encoded, or its distinctive middle part) and returns how many
// files it read.
func scanForKey(t *testing.T, dir, key string) int {
	t.Helper()
	forms := [][]byte{[]byte(key), []byte(base64.StdEncoding.EncodeToString([]byte(key))), []byte("9f8e7d6c5b4a39281706")}
	scanned := 0
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		scanned++
		for _, f := range forms {
			if bytes.Contains(data, f) {
				t.Errorf("the API key (as %q) is in %s", f, path)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return scanned
}
