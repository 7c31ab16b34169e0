package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"time"

	"github.com/parley-app/parley/app/dialog360/emulator"
)

// emulate serves a 360dialog emulator with the bench number, key and
// template on addr until ctx is done. GET /bench/sent answers with the
// number of messages sent so far, for the benchmark to count the
// broadcast's sends during the load. No webhook is registered: Parley
// gets no delivery statuses.
func emulate(ctx context.Context, addr string) error {
	emu, err := newEmulator()
	if err != nil {
		return err
	}
	defer emu.Close()
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: handler(emu), ReadHeaderTimeout: 10 * time.Second}
	go func() {
		<-ctx.Done()
		shut, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		_ = srv.Shutdown(shut)
	}()
	fmt.Printf("bcbench: emulator on http://%s\n", ln.Addr())
	if err := srv.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	fmt.Printf("bcbench: the emulator got %d messages\n", len(emu.Sent(apiKey)))
	return nil
}

// newEmulator is an emulator with the bench number and its approved
// template.
func newEmulator() (*emulator.Emulator, error) {
	emu := emulator.New()
	emu.AddNumber(apiKey, phoneNumber, displayName)
	if err := emu.AddTemplate(apiKey, benchTemplate); err != nil {
		emu.Close()
		return nil, err
	}
	return emu, nil
}

// handler serves the emulator and, at GET /bench/sent, its sends so far.
func handler(emu *emulator.Emulator) http.Handler {
	mux := http.NewServeMux()
	mux.Handle("/", emu)
	mux.HandleFunc("GET /bench/sent", func(w http.ResponseWriter, _ *http.Request) {
		fmt.Fprintln(w, len(emu.Sent(apiKey)))
	})
	return mux
}
