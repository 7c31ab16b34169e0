package screens

import (
	"context"
	"log/slog"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/screens/kit"
)

// Texts of the read-receipts setting.
const (
	textReadReceipts       = "Send read receipts (customers see blue ticks)"
	textReadReceiptsFailed = "Parley could not change read receipts"
)

// readReceiptsCore is what the setting needs of the core.
type readReceiptsCore interface {
	ReadReceipts(ctx context.Context) (bool, error)
	SetReadReceipts(ctx context.Context, on bool) error
}

// readReceipts is the setting in the About dialog: whether opening a
// conversation tells the customer it was read. It is kept in the data
// folder, through the core.
type readReceipts struct {
	core   readReceiptsCore
	window fyne.Window
	run    kit.Runner
	check  *widget.Check
}

func newReadReceipts(core readReceiptsCore, w fyne.Window, run kit.Runner) *readReceipts {
	return &readReceipts{core: core, window: w, run: run}
}

// checkbox is the setting; it is disabled until the stored choice is read.
func (r *readReceipts) checkbox() fyne.CanvasObject {
	r.check = widget.NewCheck(textReadReceipts, nil)
	r.check.Disable()
	kit.Load(r.run, context.Background(), r.core.ReadReceipts, func(on bool, err error) {
		if err != nil {
			slog.Warn("read the read-receipts setting", "err", err)
			return // stays disabled: better than showing a wrong choice
		}
		r.set(on)
		r.check.Enable()
	})
	return r.check
}

// set shows on without treating it as the owner's change.
func (r *readReceipts) set(on bool) {
	r.check.OnChanged = nil
	r.check.SetChecked(on)
	r.check.OnChanged = r.onChanged
}

// onChanged stores the owner's choice; if that fails it says so and the
// checkbox shows what stays in effect.
func (r *readReceipts) onChanged(on bool) {
	kit.Load(r.run, context.Background(), func(ctx context.Context) (struct{}, error) {
		return struct{}{}, r.core.SetReadReceipts(ctx, on)
	}, func(_ struct{}, err error) {
		if err != nil {
			slog.Error("change read receipts", "on", on, "err", err)
			dialog.ShowInformation(textReadReceiptsFailed, "The setting stays as it was. Details: "+err.Error(), r.window)
			r.set(!on)
		}
	})
}
