package instance

import (
	"errors"
	"net"
	"os"
	"path/filepath"
	"testing"
)

// claimIn isolates the socket folder of a test.
func claimIn(t *testing.T) string {
	t.Helper()
	t.Setenv("XDG_RUNTIME_DIR", t.TempDir())
	return filepath.Join(t.TempDir(), "data")
}

// openWindow claims data for a Parley with a window and returns a
// channel that receives each time it is asked to show it.
func openWindow(t *testing.T, data string) <-chan struct{} {
	t.Helper()
	first, err := Claim(data, Window)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { first.Close() })
	shown := make(chan struct{}, 1)
	first.OnShow(func() { shown <- struct{}{} })
	return shown
}

func TestSecondStartShowsTheFirstWindow(t *testing.T) {
	data := claimIn(t)
	shown := openWindow(t, data)

	_, err := Claim(data, Window)
	var running *RunningError
	if !errors.As(err, &running) || running.Kind != Window {
		t.Fatalf("second Claim = %v, want a RunningError of a window", err)
	}
	select {
	case <-shown:
	default:
		t.Fatal("the first Parley was not asked to show its window")
	}
	if err.Error() != "Parley is already open for this data folder" {
		t.Errorf("message %q", err.Error())
	}
}

func TestHeadlessParleyIsNamed(t *testing.T) {
	data := claimIn(t)
	first, err := Claim(data, Headless)
	if err != nil {
		t.Fatal(err)
	}
	defer first.Close()
	_, err = Claim(data, Window)
	var running *RunningError
	if !errors.As(err, &running) || running.Kind != Headless {
		t.Fatalf("Claim beside a headless Parley = %v, want a RunningError of a headless one", err)
	}
}

func TestOtherFoldersAndLaterStartsAreFree(t *testing.T) {
	data := claimIn(t)
	first, err := Claim(data, Window)
	if err != nil {
		t.Fatal(err)
	}
	other, err := Claim(data+"-demo", Window)
	if err != nil {
		t.Fatalf("a Parley for another folder was refused: %v", err)
	}
	other.Close()
	if err := first.Close(); err != nil {
		t.Fatal(err)
	}
	again, err := Claim(data, Window)
	if err != nil {
		t.Fatalf("a start after the first quit was refused: %v", err)
	}
	again.Close()
}

func TestSocketOfACrashedParleyIsReplaced(t *testing.T) {
	data := claimIn(t)
	path, err := socketPath(data)
	if err != nil {
		t.Fatal(err)
	}
	// A Parley killed while running leaves its socket file behind.
	ln, err := net.Listen("unix", path)
	if err != nil {
		t.Fatal(err)
	}
	ln.(*net.UnixListener).SetUnlinkOnClose(false)
	ln.Close()
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("the crashed Parley's socket should still be there: %v", err)
	}
	g, err := Claim(data, Window)
	if err != nil {
		t.Fatalf("Claim after a crash = %v, want it to take over", err)
	}
	g.Close()
}

func TestHeadlessStartDoesNotPopUpTheWindow(t *testing.T) {
	data := claimIn(t)
	shown := openWindow(t, data)
	_, err := Claim(data, Headless)
	var running *RunningError
	if !errors.As(err, &running) || running.Kind != Window {
		t.Fatalf("headless Claim beside a window = %v, want a RunningError of a window", err)
	}
	select {
	case <-shown:
		t.Fatal("a headless start brought the window forward")
	default:
	}
}
