package stress

import (
	"context"
	"errors"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/persistence"
)

// headless is the real binary running `parley --headless` on a data
// folder with one channel.
type headless struct {
	t        *testing.T
	dir      string
	addr     string
	provider string // 360dialog's base URL for the binary (an emulator)
	ch       app.Channel
	cmd      *exec.Cmd
	done     chan error
}

// newHeadless prepares a data folder with a channel (with a webhook
// secret) and a free loopback port; start runs the binary.
func newHeadless(t *testing.T) *headless {
	t.Helper()
	dir := t.TempDir()
	ctx := context.Background()
	st, err := persistence.Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	ch, err := st.CreateChannel(ctx, app.Channel{Name: "Stress", PhoneNumber: "+4930123456", WebhookSecret: "stress-secret-123"})
	if err != nil {
		t.Fatal(err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	_ = ln.Close()
	h := &headless{t: t, dir: dir, addr: addr, ch: ch}
	t.Cleanup(func() { h.kill() })
	return h
}

// start runs the binary and waits until its receiver answers.
func (h *headless) start() {
	h.t.Helper()
	cmd := exec.Command(parleyBin, "--headless", "--data", h.dir, "--listen", h.addr)
	provider := h.provider
	if provider == "" {
		provider = "http://127.0.0.1:9" // nothing listens: no real 360dialog
	}
	cmd.Env = append(os.Environ(), "PARLEY_360DIALOG_URL="+provider)
	log, err := os.OpenFile(filepath.Join(h.dir, "stdout.log"), os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o600)
	if err != nil {
		h.t.Fatal(err)
	}
	cmd.Stdout, cmd.Stderr = log, log
	if err := cmd.Start(); err != nil {
		h.t.Fatal(err)
	}
	h.cmd, h.done = cmd, make(chan error, 1)
	go func() { h.done <- cmd.Wait(); _ = log.Close() }()
	deadline := time.Now().Add(30 * time.Second)
	for {
		resp, err := http.Get("http://" + h.addr + "/healthz")
		if err == nil {
			_ = resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return
			}
		}
		select {
		case err := <-h.done:
			h.t.Fatalf("parley --headless exited before it listened: %v (see %s)", err, filepath.Join(h.dir, "stdout.log"))
		default:
		}
		if time.Now().After(deadline) {
			h.t.Fatalf("parley --headless did not answer on %s within 30 s", h.addr)
		}
		time.Sleep(20 * time.Millisecond) // polling a port that is not open yet
	}
}

// kill stops the binary with SIGKILL, as a crash or power cut would, and
// waits for it to be gone.
func (h *headless) kill() {
	if h.cmd == nil || h.cmd.Process == nil {
		return
	}
	_ = h.cmd.Process.Signal(syscall.SIGKILL)
	<-h.done
	h.cmd = nil
}

// stop stops the binary the normal way and checks it exits cleanly.
func (h *headless) stop() {
	h.t.Helper()
	_ = h.cmd.Process.Signal(syscall.SIGTERM)
	if err := <-h.done; err != nil {
		var exit *exec.ExitError
		if !errors.As(err, &exit) {
			h.t.Fatalf("parley --headless: %v", err)
		}
		h.t.Fatalf("parley --headless exited with %d after SIGTERM", exit.ExitCode())
	}
	h.cmd = nil
}

// url is the channel's webhook address.
func (h *headless) url() string { return "http://" + h.addr + app.WebhookPath(h.ch) }

// pid is the process id of the running binary.
func (h *headless) pid() string { return strconv.Itoa(h.cmd.Process.Pid) }
