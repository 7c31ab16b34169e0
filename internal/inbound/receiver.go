// Package inbound builds Parley's webhook receiver the one way the window,
// --headless and the demo all use: parsed payloads go to the core, the
// only door for incoming events. It needs no SQL driver, keyring or UI,
// so the demo can use it.
package inbound

import (
	"context"
	"log/slog"
	"time"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/app/dialog360"
	"github.com/parley-app/parley/app/receiver"
)

// StartReceiver starts the webhook receiver of a workspace on addr, the
// same for the window, --headless and the demo: it finds channels with
// channels (the store), parses 360dialog's payloads and hands them to
// core, the only door for incoming events, which stores and publishes
// them before the sender is answered. It reads channels afresh whenever
// the core says they changed, and tells the core its address. When it
// cannot listen, nothing is left running and the error says why.
func StartReceiver(ctx context.Context, core *app.Core, channels receiver.ChannelFinder, addr string, log *slog.Logger) (*receiver.Receiver, error) {
	if log == nil {
		log = slog.Default()
	}
	rcv := receiver.New(receiver.Config{
		Addr:     addr,
		Channels: channels,
		Ingester: core,
		Parse:    dialog360.ParseWebhook,
		Log:      log.With("component", "receiver"),
	})
	if err := rcv.Start(ctx); err != nil {
		stopCtx, cancel := context.WithTimeout(context.Background(), time.Second)
		defer cancel()
		_ = rcv.Shutdown(stopCtx) // stops its writer; nothing was served
		return nil, err           // it names the receiver and the address
	}
	core.Events().Subscribe(func(e app.Event) {
		if e.Kind == app.EventChannelsChanged {
			rcv.ForgetChannels()
		}
	})
	core.AttachReceiver(rcv)
	return rcv, nil
}
