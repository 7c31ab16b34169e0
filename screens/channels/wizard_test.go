package channels

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/app/dialog360"
	"github.com/parley-app/parley/app/dialog360/emulator"
	"github.com/parley-app/parley/app/receiver"
	"github.com/parley-app/parley/internal/testkit"
	"github.com/parley-app/parley/internal/testworld"
	"github.com/parley-app/parley/persistence"
	"github.com/parley-app/parley/screens/kit"
	"github.com/parley-app/parley/screens/screentest"
)

// wizardDriver drives the Add Channel wizard as a user would.
type wizardDriver struct {
	t  *testing.T
	cw *coreWorld
}

// openWizard shows the Channels page and presses Add Channel.
func openWizard(t *testing.T, cw *coreWorld) *wizardDriver {
	t.Helper()
	cw.shell.show(pageChannels)
	test.Tap(screentest.Button(t, cw.shell.channels.Content, "Add Channel"))
	d := &wizardDriver{t: t, cw: cw}
	if !d.shows("Step 1 of 5") {
		t.Fatalf("Add Channel did not open the wizard; the window shows %q", screentest.VisibleTexts(cw.Window.Canvas().Content()))
	}
	return d
}

// overlay is the dialog on top, or nil.
func (d *wizardDriver) overlay() fyne.CanvasObject { return d.cw.Window.Canvas().Overlays().Top() }

func (d *wizardDriver) shows(text string) bool {
	o := d.overlay()
	return o != nil && screentest.ShowsText(o, text)
}

// press taps the wizard's button labelled text.
func (d *wizardDriver) press(text string) {
	d.t.Helper()
	b := findKeyButton(d.t, d.overlay(), text)
	if b.Disabled() {
		d.t.Fatalf("the %q button is disabled", text)
	}
	test.Tap(b)
}

// fields are the entries of the number step: number, name and API key.
func (d *wizardDriver) fields() (number, name, key *keyEntry) {
	d.t.Helper()
	var es []*keyEntry
	screentest.WalkVisible(d.overlay(), func(o fyne.CanvasObject) {
		if e, ok := o.(*keyEntry); ok {
			es = append(es, e)
		}
	})
	if len(es) != 3 {
		d.t.Fatalf("the number step shows %d entries, want 3; it shows %q", len(es), screentest.VisibleTexts(d.overlay()))
	}
	return es[0], es[1], es[2]
}

// fillIn goes to the number step and types the three fields.
func (d *wizardDriver) fillIn(number, name, key string) {
	d.t.Helper()
	d.press("Next")
	d.press("Next")
	n, nm, k := d.fields()
	test.Type(n, number)
	test.Type(nm, name)
	test.Type(k, key)
}

// findKeyButton returns the visible wizard button labelled text.
func findKeyButton(t *testing.T, o fyne.CanvasObject, text string) *keyButton {
	t.Helper()
	var found *keyButton
	screentest.WalkVisible(o, func(o fyne.CanvasObject) {
		if b, ok := o.(*keyButton); ok && b.Text == text && found == nil {
			found = b
		}
	})
	if found == nil {
		t.Fatalf("no visible %q button; the dialog shows %q", text, screentest.VisibleTexts(o))
	}
	return found
}

// pressKey types a key the way the desktop driver delivers it: to the
// focused widget, or to the canvas when nothing has the focus.
func pressKey(c fyne.Canvas, name fyne.KeyName) {
	ev := &fyne.KeyEvent{Name: name}
	if f := c.Focused(); f != nil {
		f.TypedKey(ev)
		return
	}
	if h := c.OnTypedKey(); h != nil {
		h(ev)
	}
}

func TestWizardConnectsNumberAndKeepsKeyOutOfDatabase(t *testing.T) {
	cw := newCoreWorld(t)
	d := openWizard(t, cw)
	if !d.shows("WhatsApp") {
		t.Errorf("the channel type step does not show WhatsApp: %q", screentest.VisibleTexts(d.overlay()))
	}
	d.press("Next")
	if !d.shows("Step 2 of 5") || !d.shows("360dialog") || !d.shows("official WhatsApp Business API provider") ||
		!d.shows("No number at 360dialog yet?") {
		t.Fatalf("the provider step shows %q", screentest.VisibleTexts(d.overlay()))
	}
	d.press("Next")
	number, name, key := d.fields()
	if !key.Password {
		t.Error("the API key is not masked")
	}
	if !d.shows("360dialog hub → your number → API key") {
		t.Error("the number step does not say where to find the key")
	}
	test.Type(number, "0049 30 123456")
	if !d.shows("Will be saved as +49 30 123456") {
		t.Errorf("the number is not shown normalised; the step shows %q", screentest.VisibleTexts(d.overlay()))
	}
	test.Type(name, "Shop")
	test.Type(key, screentest.WorldKey)
	d.press("Next")
	if !d.shows("Step 4 of 5") || !d.shows("24 hours") || !d.shows("approved message template") {
		t.Fatalf("the last step does not explain the 24-hour window; it shows %q", screentest.VisibleTexts(d.overlay()))
	}
	if !d.shows("+49 30 123456") || !d.shows("Shop") {
		t.Errorf("the last step does not sum up the channel: %q", screentest.VisibleTexts(d.overlay()))
	}
	d.press("Done")

	if !d.shows("Step 5 of 5") || !d.shows(textStartReceiving) {
		t.Fatalf("after a successful Done the wizard does not go on to receiving: %q", screentest.VisibleTexts(d.overlay()))
	}
	d.press(textSkipReceiving)
	if d.overlay() != nil {
		t.Fatalf("the wizard is still open after Skip for now: %q", screentest.VisibleTexts(d.overlay()))
	}
	list := cw.shell.channels.Content
	if !screentest.ShowsText(list, "Shop") || !screentest.ShowsText(list, "+49 30 123456") || !screentest.ShowsText(list, "Connected") ||
		!screentest.ShowsText(list, "Not receiving messages yet") {
		t.Fatalf("the new channel is not listed as connected; the page shows %q", screentest.VisibleTexts(list))
	}
	chs, err := cw.Core.Channels(cw.Ctx)
	if err != nil || len(chs) != 1 {
		t.Fatalf("channels stored: %d, %v", len(chs), err)
	}
	if k, err := persistence.NewKeyringSecrets().APIKey(chs[0].ID); err != nil || k != screentest.WorldKey {
		t.Errorf("key in the keyring = %q, %v", k, err)
	}
	assertKeyNotOnDisk(t, cw, screentest.WorldKey)
}

// assertKeyNotOnDisk reads every file of the database (with its WAL) and
// fails if key appears in one.
func assertKeyNotOnDisk(t *testing.T, cw *coreWorld, key string) {
	t.Helper()
	files, _ := filepath.Glob(cw.Store.Path() + "*")
	if len(files) == 0 {
		t.Fatalf("no database files at %s", cw.Store.Path())
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if bytes.Contains(b, []byte(key)) {
			t.Errorf("the API key was written to %s", f)
		}
	}
}

// TestWizardOffersOnlyWhatCanBeConnected: the first two steps show only
// what Parley connects, WhatsApp through 360dialog, already chosen; no
// "Coming soon" choice that cannot be picked.
func TestWizardOffersOnlyWhatCanBeConnected(t *testing.T) {
	cw := newCoreWorld(t)
	d := openWizard(t, cw)
	cards := func() []*kit.ChoiceCard {
		var out []*kit.ChoiceCard
		screentest.WalkVisible(d.overlay(), func(o fyne.CanvasObject) {
			if c, ok := o.(*kit.ChoiceCard); ok {
				out = append(out, c)
			}
		})
		return out
	}
	for step, want := range []string{"WhatsApp", "360dialog"} {
		got := cards()
		if len(got) != 1 || got[0].Title() != want || !got[0].Selected || got[0].Disabled() {
			var titles []string
			for _, c := range got {
				titles = append(titles, c.Title())
			}
			t.Errorf("step %d offers %q, want only %s, chosen", step+1, titles, want)
		}
		for _, gone := range []string{"Coming soon", "Instagram", "Telegram", "SMS", "Another provider"} {
			if d.shows(gone) {
				t.Errorf("step %d shows %q, which Parley cannot connect", step+1, gone)
			}
		}
		d.press("Next")
	}
	if !d.shows("Step 3 of 5") {
		t.Fatalf("two Next did not reach the number step: %q", screentest.VisibleTexts(d.overlay()))
	}
}

func TestWizardChecksFieldsBeforeMovingOn(t *testing.T) {
	cw := newCoreWorld(t)
	d := openWizard(t, cw)
	d.fillIn("12", "", "")
	d.press("Next")
	if !d.shows("Step 3 of 5") {
		t.Fatal("the wizard moved on with an invalid number and no key")
	}
	if !d.shows("not a valid phone number") || !d.shows("Paste the API key from the 360dialog hub") {
		t.Errorf("the problems are not shown at their fields: %q", screentest.VisibleTexts(d.overlay()))
	}
	if f := cw.Window.Canvas().Focused(); f == nil || f.(*keyEntry).Text != "12" {
		t.Errorf("the focus is not on the wrong number but on %v", f)
	}
}

func TestWizardShowsEachFailureAtItsFieldAndKeepsTyping(t *testing.T) {
	cases := []struct {
		name    string
		number  string
		key     string
		prepare func(cw *coreWorld)
		step    string
		want    string
	}{
		{"wrong key", screentest.WorldNumber, "WRONGKEY-123456", nil, "Step 3 of 5", "did not accept this API key"},
		{"number of another key", "+49 30 9999999", screentest.WorldKey, nil, "Step 3 of 5", "belongs to +49 30 123456"},
		{"no network", screentest.WorldNumber, screentest.WorldKey, func(cw *coreWorld) { cw.Emu.SetOffline(true) }, "Step 4 of 5", "could not reach 360dialog"},
		{"emulator stopped", screentest.WorldNumber, screentest.WorldKey, func(cw *coreWorld) { cw.Server.Close() }, "Step 4 of 5", "could not reach 360dialog"},
		{"360dialog unavailable", screentest.WorldNumber, screentest.WorldKey, func(cw *coreWorld) { cw.Emu.FailNext(emulator.Fault502, 10) }, "Step 4 of 5", "cannot be reached through 360dialog"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			cw := newCoreWorld(t)
			d := openWizard(t, cw)
			d.fillIn(tc.number, "Shop", tc.key)
			d.press("Next")
			if tc.prepare != nil {
				tc.prepare(cw)
			}
			d.press("Done")
			if d.overlay() == nil {
				t.Fatal("the wizard closed after a failure")
			}
			if !d.shows(tc.step) || !d.shows(tc.want) {
				t.Fatalf("want %q on %s; the wizard shows %q", tc.want, tc.step, screentest.VisibleTexts(d.overlay()))
			}
			if tc.step == "Step 4 of 5" {
				d.press("Back")
			}
			number, name, key := d.fields()
			if number.Text != tc.number || name.Text != "Shop" || key.Text != tc.key {
				t.Errorf("typed values lost: %q %q %q", number.Text, name.Text, key.Text)
			}
			if chs, _ := cw.Core.Channels(cw.Ctx); len(chs) != 0 {
				t.Errorf("a failed check saved %d channels", len(chs))
			}
		})
	}
}

func TestWizardHoldsButtonsWhileChecking(t *testing.T) {
	cw := newCoreWorld(t)
	var pending []func()
	e := cw.shell.env
	e.Run = func(work func()) { pending = append(pending, work) }
	w := newAddChannelWizard(e)
	w.show()
	d := &wizardDriver{t: t, cw: cw}
	d.fillIn(screentest.WorldNumber, "", screentest.WorldKey)
	d.press("Next")
	d.press("Done")
	if !d.shows("Checking your API key with 360dialog") {
		t.Errorf("no progress while checking: %q", screentest.VisibleTexts(d.overlay()))
	}
	for _, label := range []string{"Cancel", "Back", "Done"} {
		if !findKeyButton(t, d.overlay(), label).Disabled() {
			t.Errorf("%s can be pressed while the key is checked", label)
		}
	}
	pressKey(cw.Window.Canvas(), fyne.KeyEscape)
	if d.overlay() == nil {
		t.Fatal("Escape closed the wizard while the key was being checked")
	}
	if len(pending) != 1 {
		t.Fatalf("%d background jobs, want the one check", len(pending))
	}
	pending[0]()
	if !d.shows(textStartReceiving) {
		t.Fatalf("after the check the wizard does not go on to receiving: %q", screentest.VisibleTexts(d.overlay()))
	}
	if chs, _ := cw.Core.Channels(cw.Ctx); len(chs) != 1 || chs[0].Name != "WhatsApp +49 30 123456" {
		t.Errorf("channels after the check: %+v", chs)
	}
}

func TestWizardKeyboard(t *testing.T) {
	cw := newCoreWorld(t)
	c := cw.Window.Canvas()
	d := openWizard(t, cw)

	// Enter moves on from the focused choice.
	pressKey(c, fyne.KeyReturn)
	pressKey(c, fyne.KeyReturn)
	if !d.shows("Step 3 of 5") {
		t.Fatalf("Enter did not move through the first steps: %q", screentest.VisibleTexts(d.overlay()))
	}
	number, name, key := d.fields()
	if c.Focused() != number {
		t.Fatal("the number field does not have the focus on the number step")
	}
	test.Type(number, screentest.WorldNumber)
	c.FocusNext()
	if c.Focused() != name {
		t.Fatal("Tab does not go from the number to the name")
	}
	c.FocusNext()
	if c.Focused() != key {
		t.Fatal("Tab does not go from the name to the API key")
	}
	test.Type(key, screentest.WorldKey)
	pressKey(c, fyne.KeyReturn)
	if !d.shows("Step 4 of 5") {
		t.Fatalf("Enter in the key field did not move on: %q", screentest.VisibleTexts(d.overlay()))
	}
	pressKey(c, fyne.KeyEscape)
	if d.overlay() != nil {
		t.Fatal("Escape did not cancel the wizard")
	}
	if chs, _ := cw.Core.Channels(cw.Ctx); len(chs) != 0 {
		t.Fatal("a cancelled wizard saved a channel")
	}
	if c.OnTypedKey() != nil {
		t.Error("the wizard left its key handler on the window")
	}

	// Escape while typing cancels too; Enter on the last step is Done.
	d = openWizard(t, cw)
	d.fillIn(screentest.WorldNumber, "", "")
	_, _, key = d.fields()
	c.Focus(key)
	pressKey(c, fyne.KeyEscape)
	if d.overlay() != nil {
		t.Fatal("Escape in an entry did not cancel the wizard")
	}
	d = openWizard(t, cw)
	d.fillIn(screentest.WorldNumber, "Till", screentest.WorldKey)
	pressKey(c, fyne.KeyReturn)
	c.Unfocus()
	pressKey(c, fyne.KeyReturn)
	if !d.shows(textStartReceiving) {
		t.Fatalf("Enter on Done did not connect the number: %q", screentest.VisibleTexts(d.overlay()))
	}
	pressKey(c, fyne.KeyEscape)
	if d.overlay() != nil {
		t.Fatalf("Escape on the receiving step did not skip it: %q", screentest.VisibleTexts(d.overlay()))
	}
	if !screentest.ShowsText(cw.shell.channels.Content, "Till") {
		t.Error("the channel added with the keyboard is not listed")
	}
}

func TestWizardRefusesANumberAlreadyListed(t *testing.T) {
	cw := newCoreWorld(t)
	cw.AddChannel(t)
	d := openWizard(t, cw)
	d.fillIn("+49 30 123456", "", screentest.WorldKey)
	d.press("Next")
	d.press("Done")
	if !d.shows("Step 3 of 5") || !d.shows("already connected as “Shop”") {
		t.Fatalf("a second channel for the same number is not refused at the number: %q", screentest.VisibleTexts(d.overlay()))
	}
	if chs, _ := cw.Core.Channels(cw.Ctx); len(chs) != 1 {
		t.Errorf("%d channels, want the one", len(chs))
	}
}

// A new owner goes from Done to "You're receiving messages" without a
// terminal: the wizard's last step opens Parley's tunnel with their ngrok
// token, registers the address with 360dialog, and says so only after a
// test delivery came back through it.
func TestWizardEndsReceivingThroughParleysTunnel(t *testing.T) {
	tunnels := testworld.NewTunnels(t)
	cw := newCoreWorldWith(t, func(d *app.Deps) { d.ProbeClient = tunnels.Client })
	rcv := receiver.New(receiver.Config{Channels: cw.Store, Ingester: cw.Store, Parse: dialog360.ParseWebhook})
	if err := rcv.Start(cw.Ctx); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = rcv.Shutdown(context.Background()) })
	cw.Core.AttachReceiver(rcv)
	keeper := cw.Core.NewReceivingKeeper(app.ReceivingOptions{Tunnels: tunnels, Upstream: "http://" + rcv.Addr()})

	d := openWizard(t, cw)
	d.fillIn(screentest.WorldNumber, "Shop", screentest.WorldKey)
	d.press("Next")
	d.press("Done")
	if !d.shows("Step 5 of 5") {
		t.Fatalf("no receiving step: %q", screentest.VisibleTexts(d.overlay()))
	}
	test.Type(entryWithPlaceholder(t, d.overlay(), "Paste your ngrok token"), "2abc_token")
	d.press(textStartReceiving)
	if d.shows(textReceivingNow) {
		t.Fatal("the wizard says the channel receives before any test delivery")
	}
	keeper.CheckOnce(cw.Ctx) // Run does this at once when the owner's choice wakes it
	if !d.shows(textReceivingNow) || !d.shows(textFinish) {
		t.Fatalf("after the tunnel opened and the test came back: %q", screentest.VisibleTexts(d.overlay()))
	}
	chs, err := cw.Core.Channels(cw.Ctx)
	if err != nil || len(chs) != 1 {
		t.Fatal(chs, err)
	}
	if got := cw.Emu.Webhook(screentest.WorldKey); !strings.HasPrefix(got.URL, "https://example.com/") || got.Headers[app.WebhookSecretHeader] != chs[0].WebhookSecret {
		t.Errorf("360dialog has %+v", got)
	}
	d.press(textFinish)
	if d.overlay() != nil {
		t.Fatal("Finish did not close the wizard")
	}
}

// With their own address, the last step registers it and sends a test;
// a tunnel that does not reach Parley is explained, and the owner may
// try again or skip.
func TestWizardEndsReceivingThroughTheOwnersAddress(t *testing.T) {
	tunnel := testkit.NewTunnel(t) // the owner's, at https://example.com
	cw := newCoreWorldWith(t, func(d *app.Deps) { d.ProbeClient = tunnel.Client })
	rcv := receiver.New(receiver.Config{Channels: cw.Store, Ingester: cw.Store, Parse: dialog360.ParseWebhook})
	if err := rcv.Start(cw.Ctx); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = rcv.Shutdown(context.Background()) })
	cw.Core.AttachReceiver(rcv)
	tunnel.PointAt("http://127.0.0.1:1") // not at Parley yet

	d := openWizard(t, cw)
	d.fillIn(screentest.WorldNumber, "Shop", screentest.WorldKey)
	d.press("Next")
	d.press("Done")
	radio(t, d.overlay()).SetSelected(textModeOwn)
	test.Type(entryWithPlaceholder(t, d.overlay(), "https://…"), "https://example.com")
	d.press(textStartReceiving)
	if d.shows(textReceivingNow) || !d.shows("cannot reach Parley on this computer") {
		t.Fatalf("a tunnel that does not reach Parley: %q", screentest.VisibleTexts(d.overlay()))
	}
	tunnel.PointAt("http://" + rcv.Addr())
	d.press(textStartReceiving)
	if !d.shows(textReceivingNow) {
		t.Fatalf("after fixing the tunnel: %q", screentest.VisibleTexts(d.overlay()))
	}
	if rs, _ := cw.Core.ReceivingSettings(cw.Ctx); rs.Mode != app.ReceivingOwnAddress {
		t.Errorf("Parley receives by %q", rs.Mode)
	}
}

// Issue 20: when 360dialog does not say which number the key belongs to,
// the channel is saved and the wizard says plainly that the match was not
// checked, on the step that follows.
func TestWizardSaysWhenTheKeysNumberCouldNotBeChecked(t *testing.T) {
	cw := newCoreWorld(t)
	cw.Emu.HideNumber(true)
	d := openWizard(t, cw)
	d.fillIn("+49 30 123456", "Shop", screentest.WorldKey)
	d.press("Next")
	d.press("Done")
	if !d.shows("Step 5 of 5") || !d.shows("Parley could not check that this API key belongs to +49 30 123456") {
		t.Fatalf("the receiving step does not say the number was not checked: %q", screentest.VisibleTexts(d.overlay()))
	}
	if chs, _ := cw.Core.Channels(cw.Ctx); len(chs) != 1 {
		t.Errorf("%d channels, want the one saved", len(chs))
	}
}
