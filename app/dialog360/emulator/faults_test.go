package emulator_test

import (
	"errors"
	"io"
	"net/http"
	"syscall"
	"testing"
	"time"

	"github.com/parley-app/parley/app/dialog360/emulator"
)

func TestInjectedFaults(t *testing.T) {
	e := newEnv(t)
	e.em.SetRetryAfter(3 * time.Second)
	e.em.FailNext(emulator.Fault429, 1)
	e.em.FailNext(emulator.Fault500, 1)
	e.em.FailNext(emulator.Fault502, 1)
	if a := e.call(t, key, "GET", "/health_status", nil); a.status != 429 || a.header.Get("Retry-After") != "3" {
		t.Errorf("429: %d %v", a.status, a.header)
	}
	if a := e.call(t, key, "GET", "/health_status", nil); a.status != 500 {
		t.Errorf("500: %d", a.status)
	}
	if a := e.call(t, key, "GET", "/health_status", nil); a.status != 502 {
		t.Errorf("502: %d", a.status)
	}
	if a := e.call(t, key, "GET", "/health_status", nil); a.status != 200 {
		t.Errorf("after the faults: %d", a.status)
	}

	e.em.FailNext(emulator.FaultDrop, 1)
	_, _ = e.em.Inbound(key, customer, "Anna", "Hi")
	req, _ := http.NewRequest("POST", e.srv.URL+"/messages", nil)
	req.Header.Set("D360-API-KEY", key)
	if _, err := http.DefaultClient.Do(req); err == nil {
		t.Error("a dropped connection answered")
	}
	if len(e.em.Sent(key)) != 0 {
		t.Error("a dropped request was carried out")
	}

	e.em.SetFaultRate(1, emulator.Fault502)
	for range 3 {
		if a := e.call(t, key, "GET", "/health_status", nil); a.status != 502 {
			t.Errorf("rate 1: %d", a.status)
		}
	}
	e.em.SetFaultRate(0)
	if a := e.call(t, key, "GET", "/health_status", nil); a.status != 200 {
		t.Errorf("rate 0: %d", a.status)
	}
}

func TestLatencyDelaysAnswers(t *testing.T) {
	e := newEnv(t)
	e.em.SetLatency(20 * time.Millisecond)
	start := time.Now()
	if a := e.call(t, key, "GET", "/health_status", nil); a.status != 200 {
		t.Fatal(a.status)
	}
	if d := time.Since(start); d < 20*time.Millisecond {
		t.Errorf("answered after %v", d)
	}
}

func TestOfflineListenerRefusesConnections(t *testing.T) {
	em := emulator.New(emulator.WithManualDelivery())
	t.Cleanup(em.Close)
	em.AddNumber(key, phone, "Anna")
	base, err := em.Start("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	get := func() (int, error) {
		req, _ := http.NewRequest("GET", base+"/health_status", nil)
		req.Header.Set("D360-API-KEY", key)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			return 0, err
		}
		defer resp.Body.Close()
		_, _ = io.Copy(io.Discard, resp.Body)
		return resp.StatusCode, nil
	}
	if st, err := get(); err != nil || st != 200 {
		t.Fatalf("online: %d %v", st, err)
	}
	em.SetOffline(true)
	if _, err := get(); !errors.Is(err, syscall.ECONNREFUSED) {
		t.Errorf("offline: %v, want connection refused", err)
	}
	em.SetOffline(false)
	if st, err := get(); err != nil || st != 200 {
		t.Errorf("back online: %d %v", st, err)
	}
	if _, err := em.Start("127.0.0.1:0"); err == nil {
		t.Error("started twice")
	}
}

func TestOfflineHandlerClosesConnections(t *testing.T) {
	e := newEnv(t)
	e.em.SetOffline(true)
	req, _ := http.NewRequest("GET", e.srv.URL+"/health_status", nil)
	req.Header.Set("D360-API-KEY", key)
	if _, err := http.DefaultClient.Do(req); err == nil {
		t.Error("offline handler answered")
	}
}
