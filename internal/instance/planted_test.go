//go:build unix

package instance

import (
	"bufio"
	"errors"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"testing"
)

// plantListener listens at path as another user's program would, and
// answers every start that it is the Parley with a window.
func plantListener(t *testing.T, path string) {
	t.Helper()
	ln, err := net.Listen("unix", path)
	if err != nil {
		t.Fatalf("plant a socket at %s: %v", path, err)
	}
	t.Cleanup(func() { ln.Close() })
	go func() {
		for {
			conn, err := ln.Accept()
			if err != nil {
				return
			}
			_, _ = bufio.NewReader(conn).ReadString('\n')
			_, _ = conn.Write([]byte("window\n"))
			conn.Close()
		}
	}()
}

// TestSocketPlantedByAnotherUserDoesNotStopParley plays another user of
// the computer who, without XDG_RUNTIME_DIR, plants sockets in the shared
// temporary folder where Parley would look (the name Parley used, and its
// own folder made open to everyone) that answer "Parley is already
// open". Parley must still start, and still find its own second start.
func TestSocketPlantedByAnotherUserDoesNotStopParley(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("XDG_RUNTIME_DIR", "")
	t.Setenv("TMPDIR", tmp)
	data := filepath.Join(t.TempDir(), "data")
	uid := strconv.Itoa(os.Getuid())

	// Where Parley used to put the socket, with the user id in its name.
	name, err := socketName(data)
	if err != nil {
		t.Fatal(err)
	}
	plantListener(t, filepath.Join(tmp, "parley-"+uid+"-"+name[len("parley-"):]))
	// The private folder's first name, made by the other user and open to
	// everyone, with a socket of theirs inside.
	hijacked := filepath.Join(tmp, "parley-"+uid)
	if err := os.Mkdir(hijacked, 0o777); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(hijacked, 0o777); err != nil { // past the umask
		t.Fatal(err)
	}
	plantListener(t, filepath.Join(hijacked, name))

	g, err := Claim(data, Window)
	if err != nil {
		t.Fatalf("Claim with planted sockets = %v, want Parley to start", err)
	}
	defer g.Close()
	_, err = Claim(data, Window)
	var running *RunningError
	if !errors.As(err, &running) {
		t.Fatalf("second Claim = %v, want it to find the first Parley", err)
	}
}

// TestRuntimeFolderOfAnotherUserIsNotUsed checks that a runtime folder
// that does not belong to this user (XDG_RUNTIME_DIR pointing at someone
// else's folder) is passed over for a private one.
func TestRuntimeFolderOfAnotherUserIsNotUsed(t *testing.T) {
	foreign := t.TempDir()
	t.Setenv("XDG_RUNTIME_DIR", foreign)
	t.Setenv("TMPDIR", t.TempDir())
	me := os.Getuid() + 1 // every folder the test makes belongs to someone else now
	currentUID = func() int { return me }
	t.Cleanup(func() { currentUID = os.Getuid })

	_, err := socketPath(filepath.Join(t.TempDir(), "data"))
	if !errors.Is(err, errNoPrivateFolder) {
		t.Fatalf("socketPath with only other users' folders = %v, want errNoPrivateFolder", err)
	}
}
