package inbound

import (
	"bytes"
	"context"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io"
	"io/fs"
	"log/slog"
	"net/http"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/app/receiver"
	"github.com/parley-app/parley/persistence"
)

// quiet discards the receivers' log lines.
var quiet = slog.New(slog.NewTextHandler(io.Discard, nil))

// noSecrets is a keyring without keys.
type noSecrets struct{}

func (noSecrets) SetAPIKey(app.ChannelID, string) error { return nil }
func (noSecrets) APIKey(app.ChannelID) (string, error)  { return "", app.ErrNotFound }
func (noSecrets) DeleteAPIKey(app.ChannelID) error      { return app.ErrNotFound }

// started is a receiver started by StartReceiver over a core and a real
// store with one channel.
type started struct {
	store *persistence.Store
	core  *app.Core
	rcv   *receiver.Receiver
	ch    app.Channel
}

func start(t *testing.T) *started {
	t.Helper()
	ctx := context.Background()
	st, err := persistence.Open(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = st.Close() })
	ch, err := st.CreateChannel(ctx, app.Channel{Name: "Shop", PhoneNumber: "+4930123456", WebhookSecret: "old-secret"})
	if err != nil {
		t.Fatal(err)
	}
	core := app.New(app.Deps{Store: st, Secrets: noSecrets{}})
	rcv, err := StartReceiver(ctx, core, st, "127.0.0.1:0", quiet)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = rcv.Shutdown(sctx)
	})
	return &started{store: st, core: core, rcv: rcv, ch: ch}
}

// post sends a webhook with the channel's secret in which customer from
// writes text, and returns the answer's status.
func (s *started) post(t *testing.T, wamid, from, text string) int {
	t.Helper()
	body := fmt.Sprintf(`{"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages",`+
		`"value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"4930123456","phone_number_id":"111"},`+
		`"contacts":[{"profile":{"name":"Anna"},"wa_id":%q}],"messages":[{"from":%q,"id":%q,"timestamp":"1749000000",`+
		`"type":"text","text":{"body":%q}}]}}]}]}`, from, from, wamid, text)
	req, err := http.NewRequest(http.MethodPost, s.rcv.URLFor(s.ch), bytes.NewReader([]byte(body)))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set(receiver.DefaultSecretHeader, s.ch.WebhookSecret)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	_ = resp.Body.Close()
	return resp.StatusCode
}

// A webhook reaches the screens through the core: when it is answered,
// the core has published the new message, and the core names the
// receiver's address for the channel.
func TestReceiverHandsPayloadsToTheCore(t *testing.T) {
	s := start(t)
	var mu sync.Mutex // the core publishes on the receiver's goroutine
	var got []app.Message
	s.core.Events().Subscribe(func(e app.Event) {
		if e.Kind == app.EventMessagesReceived {
			mu.Lock()
			got = append(got, e.Received...)
			mu.Unlock()
		}
	})
	if status := s.post(t, "wamid.1", "491701234567", "Hallo"); status != http.StatusOK {
		t.Fatalf("status = %d, want 200", status)
	}
	mu.Lock()
	if len(got) != 1 || got[0].Text != "Hallo" || got[0].ConversationID == 0 {
		t.Errorf("the core published %+v, want the message Hallo in its conversation", got)
	}
	mu.Unlock()
	if url := s.core.LocalWebhookURL(s.ch); url == "" || url != s.rcv.URLFor(s.ch) {
		t.Errorf("the core names the webhook address %q, want %q", url, s.rcv.URLFor(s.ch))
	}
}

// When the core says channels changed, the receiver reads them afresh at
// once, not only when its memory of channels runs out: a webhook with the
// channel's new secret is taken right away.
func TestReceiverForgetsChangedChannels(t *testing.T) {
	s := start(t)
	ctx := context.Background()
	if status := s.post(t, "wamid.1", "491701234567", "Hallo"); status != http.StatusOK {
		t.Fatalf("status = %d, want 200", status) // the receiver now remembers the channel
	}
	s.ch.WebhookSecret = "new-secret"
	if err := s.store.UpdateChannel(ctx, s.ch); err != nil {
		t.Fatal(err)
	}
	if err := s.core.RenameChannel(ctx, s.ch.ID, "Shop two"); err != nil { // publishes EventChannelsChanged
		t.Fatal(err)
	}
	if status := s.post(t, "wamid.2", "491701234567", "Noch da?"); status != http.StatusOK {
		t.Errorf("a webhook with the new secret was answered %d, want 200", status)
	}
}

// A receiver that cannot listen is reported and leaves the core without
// a webhook address.
func TestReceiverOnATakenAddress(t *testing.T) {
	s := start(t)
	other := app.New(app.Deps{Store: s.store, Secrets: noSecrets{}})
	if _, err := StartReceiver(context.Background(), other, s.store, s.rcv.Addr(), quiet); err == nil || !strings.Contains(err.Error(), s.rcv.Addr()) {
		t.Errorf("start on a taken address: %v, want an error naming it", err)
	}
	if url := other.LocalWebhookURL(s.ch); url != "" {
		t.Errorf("the core names the address %q of a receiver that did not start", url)
	}
}

// The window, --headless and the demo build their receiver here and
// nowhere else, so they cannot differ in how webhooks reach the core.
func TestOnlyThisPackageBuildsReceivers(t *testing.T) {
	const receiverPath = "github.com/parley-app/parley/app/receiver"
	root := filepath.Join("..", "..")
	allowed := map[string]bool{filepath.Join(root, "app", "receiver"): true, filepath.Join(root, "internal", "inbound"): true}
	fset := token.NewFileSet()
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if name := d.Name(); path != root && (strings.HasPrefix(name, ".") || name == "testdata") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") || allowed[filepath.Dir(path)] {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		for _, imp := range f.Imports {
			if p, _ := strconv.Unquote(imp.Path.Value); p != receiverPath {
				continue
			}
			name := "receiver"
			if imp.Name != nil {
				name = imp.Name.Name
			}
			ast.Inspect(f, func(n ast.Node) bool {
				if sel, ok := n.(*ast.SelectorExpr); ok && sel.Sel.Name == "New" {
					if id, ok := sel.X.(*ast.Ident); ok && id.Name == name {
						t.Errorf("%s builds a webhook receiver itself; use inbound.StartReceiver", fset.Position(sel.Pos()))
					}
				}
				return true
			})
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
