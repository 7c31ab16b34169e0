// Package instance keeps one Parley per data folder. The first Parley to
// start for a folder listens on a local socket; one started later for the
// same folder asks it to bring its window to the front, and quits.
//
// The socket lives in the user's runtime folder (XDG_RUNTIME_DIR) or a
// folder of the user's own in the temporary folder, checked to be private
// so that another user of the computer cannot plant a socket that stops
// Parley; it is named after the data folder. A socket left behind by a
// Parley that crashed is noticed (nobody answers) and replaced.
package instance

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"
)

// Kind says how the running Parley shows itself.
type Kind string

// The kinds of running Parley.
const (
	Window   Kind = "window"   // with a window, which it brings forward when asked
	Headless Kind = "headless" // parley --headless, without a window
)

// RunningError is returned by Claim when another Parley already runs for
// the data folder; it was asked to show its window.
type RunningError struct {
	Kind Kind // how the other Parley runs
}

// Error says, in plain words, that Parley already runs for the folder.
func (e *RunningError) Error() string {
	if e.Kind == Headless {
		return "Parley is already running for this data folder without a window (--headless)"
	}
	return "Parley is already open for this data folder"
}

// answerTimeout bounds every exchange on the socket.
const answerTimeout = 3 * time.Second

// Guard is the claim of the running Parley on its data folder. Close it
// when Parley quits.
type Guard struct {
	kind Kind
	ln   net.Listener

	mu     sync.Mutex
	onShow func()

	done chan struct{}
}

// Claim makes this process the Parley of dataDir. When another Parley
// already runs for it, Claim returns a *RunningError, after asking that
// one to show its window unless kind is Headless. Any other error means
// the folder could not be guarded; Parley can still run.
func Claim(dataDir string, kind Kind) (*Guard, error) {
	path, err := socketPath(dataDir)
	if err != nil {
		return nil, fmt.Errorf("claim data folder: %w", err)
	}
	request := "show"
	if kind == Headless {
		request = "ping" // a Parley without a window asks for none
	}
	for attempt := 0; ; attempt++ {
		ln, err := net.Listen("unix", path)
		if err == nil {
			g := &Guard{kind: kind, ln: ln, done: make(chan struct{})}
			go g.serve()
			return g, nil
		}
		other, reached, askErr := ask(path, request)
		if askErr == nil {
			return nil, &RunningError{Kind: other}
		}
		// Nobody listens: a socket left by a Parley that stopped
		// abruptly. Replace it, once. (One that listens but answers
		// strangely is left alone.)
		if reached || attempt > 0 {
			return nil, fmt.Errorf("claim data folder: %w", errors.Join(err, askErr))
		}
		if rmErr := os.Remove(path); rmErr != nil && !errors.Is(rmErr, os.ErrNotExist) {
			return nil, fmt.Errorf("claim data folder: remove the socket left behind: %w", rmErr)
		}
	}
}

// OnShow sets what to do when another start asks for the window; it is
// called on a background goroutine.
func (g *Guard) OnShow(fn func()) {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.onShow = fn
}

// Close gives up the claim.
func (g *Guard) Close() error {
	err := g.ln.Close()
	<-g.done
	return err
}

// serve answers each later start until Close.
func (g *Guard) serve() {
	defer close(g.done)
	for {
		conn, err := g.ln.Accept()
		if err != nil {
			return // closed
		}
		g.answer(conn)
	}
}

// answer reads one request and answers with the kind of this Parley.
func (g *Guard) answer(conn net.Conn) {
	defer conn.Close()
	_ = conn.SetDeadline(time.Now().Add(answerTimeout))
	line, err := bufio.NewReader(conn).ReadString('\n')
	request := strings.TrimSpace(line)
	if err != nil || request != "show" && request != "ping" {
		return
	}
	g.mu.Lock()
	show := g.onShow
	g.mu.Unlock()
	if request == "show" && show != nil && g.kind == Window {
		show()
	}
	_, _ = conn.Write([]byte(string(g.kind) + "\n"))
}

// ask sends request ("show": bring the window forward; "ping": only
// answer) to the Parley listening at path and returns how it runs;
// reached tells whether anything listened at all.
func ask(path, request string) (kind Kind, reached bool, err error) {
	conn, err := net.DialTimeout("unix", path, answerTimeout)
	if err != nil {
		return "", false, err
	}
	defer conn.Close()
	_ = conn.SetDeadline(time.Now().Add(answerTimeout))
	if _, err := conn.Write([]byte(request + "\n")); err != nil {
		return "", true, err
	}
	line, err := bufio.NewReader(conn).ReadString('\n')
	if err != nil {
		return "", true, err
	}
	switch k := Kind(strings.TrimSpace(line)); k {
	case Window, Headless:
		return k, true, nil
	default:
		return "", true, fmt.Errorf("unexpected answer %q", line)
	}
}

// socketPath is the socket of the Parley for dataDir, in a folder only
// this user can use (see socketDir).
func socketPath(dataDir string) (string, error) {
	name, err := socketName(dataDir)
	if err != nil {
		return "", err
	}
	dir, err := socketDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, name), nil
}

// socketName names the socket of dataDir after its absolute path.
func socketName(dataDir string) (string, error) {
	abs, err := filepath.Abs(dataDir)
	if err != nil {
		return "", err
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		abs = real
	}
	sum := sha256.Sum256([]byte(abs))
	return "parley-" + hex.EncodeToString(sum[:8]) + ".sock", nil
}
