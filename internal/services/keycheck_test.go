package services

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/persistence"
)

// fakeSecrets is a keyring: with noKeyring set it cannot be used, as on a
// server without a desktop session.
type fakeSecrets struct {
	keys      map[app.ChannelID]string
	tunnel    string
	noKeyring bool
	calls     int
}

func (f *fakeSecrets) fail(op string) error {
	f.calls++
	if f.noKeyring {
		return &persistence.KeyringError{Op: op, Err: errors.New("no D-Bus session bus")}
	}
	return nil
}

func (f *fakeSecrets) APIKey(id app.ChannelID) (string, error) {
	if err := f.fail("read API key"); err != nil {
		return "", err
	}
	if k, ok := f.keys[id]; ok {
		return k, nil
	}
	return "", app.ErrNotFound
}
func (f *fakeSecrets) SetAPIKey(app.ChannelID, string) error { return errors.New("not in this test") }
func (f *fakeSecrets) DeleteAPIKey(app.ChannelID) error      { return errors.New("not in this test") }
func (f *fakeSecrets) TunnelToken() (string, error) {
	if err := f.fail("read the tunnel's token"); err != nil {
		return "", err
	}
	if f.tunnel == "" {
		return "", app.ErrNotFound
	}
	return f.tunnel, nil
}
func (f *fakeSecrets) SetTunnelToken(string) error { return errors.New("not in this test") }
func (f *fakeSecrets) DeleteTunnelToken() error    { return errors.New("not in this test") }

// openShop opens a data folder with two connected channels and one whose
// key was removed.
func openShop(t *testing.T) (*persistence.Store, []app.Channel) {
	t.Helper()
	ctx := context.Background()
	store, err := persistence.Open(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	var chs []app.Channel
	for _, c := range []app.Channel{
		{Name: "Shop", PhoneNumber: "+4930123456"},
		{Name: "Bakery", PhoneNumber: "+4930999999"},
		{Name: "Old number", PhoneNumber: "+4930000000", Disconnected: true},
	} {
		ch, err := store.CreateChannel(ctx, c)
		if err != nil {
			t.Fatal(err)
		}
		chs = append(chs, ch)
	}
	return store, chs
}

// Without a keyring and without a keys file, --headless stops with the
// steps to follow: the lines to write for each connected channel, chmod
// 600, --keys-file, or systemd's LoadCredential.
func TestCheckKeysWithoutKeyringOrFileSaysWhatToDo(t *testing.T) {
	store, chs := openShop(t)
	secrets := &fakeSecrets{noKeyring: true}
	_, err := CheckKeys(context.Background(), store, secrets)
	var nk *NoKeysError
	if !errors.As(err, &nk) {
		t.Fatalf("CheckKeys = %v, want a *NoKeysError", err)
	}
	if !errors.Is(err, app.ErrNoKeyring) {
		t.Error("the error does not match app.ErrNoKeyring")
	}
	if secrets.calls != 1 {
		t.Errorf("the keyring was asked %d times; once is enough to know it cannot be used", secrets.calls)
	}
	msg := err.Error()
	path := SuggestedKeysFile()
	for _, want := range []string{
		"no system keyring",
		"# Shop (+4930123456)", fmt.Sprintf("channel %d %s", chs[0].ID, persistence.KeyPlaceholder),
		"# Bakery (+4930999999)", fmt.Sprintf("channel %d %s", chs[1].ID, persistence.KeyPlaceholder),
		"chmod 600 " + path,
		"--keys-file " + path,
		"LoadCredential=parley-keys:/etc/parley/keys",
	} {
		if !strings.Contains(msg, want) {
			t.Errorf("the message lacks %q:\n%s", want, msg)
		}
	}
	if strings.Contains(msg, "Old number") || strings.Contains(msg, fmt.Sprintf("channel %d ", chs[2].ID)) {
		t.Errorf("the message asks for the key of a disconnected channel:\n%s", msg)
	}
	if strings.Contains(msg, "tunnel ") {
		t.Errorf("the message asks for a tunnel token Parley does not use:\n%s", msg)
	}
}

// When Parley opens its own tunnel, the instructions ask for its token too.
func TestCheckKeysWithoutKeyringAsksForTheTunnelToken(t *testing.T) {
	store, _ := openShop(t)
	if err := store.SaveReceivingSettings(context.Background(), app.ReceivingSettings{Mode: app.ReceivingTunnel}); err != nil {
		t.Fatal(err)
	}
	_, err := CheckKeys(context.Background(), store, &fakeSecrets{noKeyring: true})
	if err == nil || !strings.Contains(err.Error(), "tunnel "+persistence.TunnelPlaceholder) {
		t.Errorf("CheckKeys = %v, want the tunnel line among the instructions", err)
	}
}

// A keyring with every key starts without a word.
func TestCheckKeysWithEveryKeyIsQuiet(t *testing.T) {
	store, chs := openShop(t)
	secrets := &fakeSecrets{keys: map[app.ChannelID]string{chs[0].ID: "a", chs[1].ID: "b"}}
	warnings, err := CheckKeys(context.Background(), store, secrets)
	if err != nil || len(warnings) != 0 {
		t.Errorf("CheckKeys = %q, %v; want nothing to say", warnings, err)
	}
}

// A data folder without connected channels needs no key, even without a
// keyring.
func TestCheckKeysWithoutChannelsNeedsNoKeyring(t *testing.T) {
	store, err := persistence.Open(context.Background(), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	if warnings, err := CheckKeys(context.Background(), store, &fakeSecrets{noKeyring: true}); err != nil || len(warnings) != 0 {
		t.Errorf("CheckKeys = %q, %v", warnings, err)
	}
}

// With a keys file, a channel it lacks and a channel the folder lacks are
// warnings that say what to fix; Parley still starts.
func TestCheckKeysWithKeysFileWarnsAboutMissingLines(t *testing.T) {
	store, chs := openShop(t)
	path := filepath.Join(t.TempDir(), "keys")
	content := fmt.Sprintf("channel %d key-shop\nchannel 99 key-elsewhere\n", chs[0].ID)
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	secrets, err := HeadlessSecrets(store, path, nil)
	if err != nil {
		t.Fatal(err)
	}
	warnings, err := CheckKeys(context.Background(), store, secrets)
	if err != nil {
		t.Fatal(err)
	}
	all := strings.Join(warnings, "\n")
	if len(warnings) != 2 ||
		!strings.Contains(all, fmt.Sprintf("no API key for channel %d (Bakery, +4930999999)", chs[1].ID)) ||
		!strings.Contains(all, fmt.Sprintf(`"channel %d <its API key>"`, chs[1].ID)) ||
		!strings.Contains(all, "channel 99, which this data folder does not have") {
		t.Errorf("warnings:\n%s", all)
	}
	if strings.Contains(all, "key-shop") || strings.Contains(all, "key-elsewhere") {
		t.Errorf("a warning shows a key:\n%s", all)
	}
}
