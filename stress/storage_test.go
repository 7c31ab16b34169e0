package stress

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/zalando/go-keyring"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/app/dialog360"
	"github.com/parley-app/parley/persistence"
)

// tinyDisk mounts a small tmpfs (the tests run as root in CI) and returns
// its path; it is unmounted after the test.
func tinyDisk(t *testing.T, size string) string {
	t.Helper()
	dir := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size="+size, "tmpfs", dir).CombinedOutput(); err != nil {
		t.Fatalf("mount a small disk (needs root): %v: %s", err, out)
	}
	t.Cleanup(func() { _ = exec.Command("umount", "-l", dir).Run() })
	return dir
}

// fill writes a file until the disk is full and returns its path.
func fill(t *testing.T, dir string) string {
	t.Helper()
	p := filepath.Join(dir, "filler")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	block := make([]byte, 4096)
	for {
		if _, err := f.Write(block); err != nil {
			return p
		}
	}
}

// On a full disk a profile edit is refused with a plain message, and
// once there is space again the same edit saves: nothing is lost.
func TestFullDiskSaysSoAndLosesNoEdit(t *testing.T) {
	keyring.MockInit()
	ctx := context.Background()
	dir := tinyDisk(t, "2m")
	st, err := persistence.Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	core := app.New(app.Deps{Store: st, Secrets: persistence.NewKeyringSecrets(), Providers: dialog360.Factory(dialog360.WithBaseURL("http://127.0.0.1:9"))})
	ch, err := st.CreateChannel(ctx, app.Channel{Name: "Shop", PhoneNumber: "+4930123456"})
	if err != nil {
		t.Fatal(err)
	}
	filler := fill(t, dir)
	edit := app.Profile{About: "Frisch gebacken, jeden Tag", Description: strings.Repeat("Sauerteig aus eigener Herstellung. ", 7)}
	var saveErr error
	for i := 0; i < 200 && saveErr == nil; i++ { // the write-ahead log may still have room for a few
		edit.Address = strings.Repeat("x", i%200)
		_, saveErr = core.SaveProfile(ctx, ch.ID, edit, nil)
	}
	var se *app.StorageError
	if !errors.As(saveErr, &se) || se.Plain != persistence.DiskFullMessage {
		t.Fatalf("saving on a full disk: %v; want the plain message %q", saveErr, persistence.DiskFullMessage)
	}
	if err := os.Remove(filler); err != nil {
		t.Fatal(err)
	}
	// Saved on this computer first; pushing it to WhatsApp (no key here)
	// is a later step that may fail on its own.
	if _, err := core.SaveProfile(ctx, ch.ID, edit, nil); errors.As(err, &se) {
		t.Fatalf("saving again with space: %v", err)
	}
	rec, err := core.Profile(ctx, ch.ID)
	if err != nil {
		t.Fatal(err)
	}
	if rec.Pending == nil || rec.Pending.Profile.About != edit.About {
		t.Fatalf("the edit was lost: pending %+v", rec.Pending)
	}
}

// A data folder that cannot be written (a write-protected disk) stops
// Parley with a plain message, and the data in it stays as it was.
func TestReadOnlyDataFolderSaysSo(t *testing.T) {
	ctx := context.Background()
	dir := tinyDisk(t, "4m")
	st, err := persistence.Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.CreateChannel(ctx, app.Channel{Name: "Shop", PhoneNumber: "+4930123456"}); err != nil {
		t.Fatal(err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("mount", "-o", "remount,ro", dir).CombinedOutput(); err != nil {
		t.Fatalf("make the disk read-only: %v: %s", err, out)
	}
	out, err := exec.Command(parleyBin, "--headless", "--data", dir, "--listen", "127.0.0.1:0").CombinedOutput()
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() != 1 {
		t.Fatalf("parley on a read-only data folder: %v\n%s", err, out)
	}
	if !strings.Contains(string(out), "parley: cannot use the data folder") || !strings.Contains(string(out), "read-only file system") {
		t.Errorf("the message does not say what is wrong:\n%s", out)
	}
}
