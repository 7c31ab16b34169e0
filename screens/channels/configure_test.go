package channels

import (
	"errors"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/persistence"
	"github.com/parley-app/parley/screens/screentest"
)

// openConfigureOf adds the emulator's channel and opens its Configure
// page from the Channels list.
func openConfigureOf(t *testing.T, cw *coreWorld) (app.Channel, fyne.CanvasObject) {
	t.Helper()
	ch := cw.AddChannel(t)
	cw.shell.show(pageChannels)
	test.Tap(screentest.Button(t, cw.shell.channels.Content, "Configure"))
	page := cw.Window.Canvas().Content()
	if !screentest.ShowsText(page, "Configure") || !screentest.ShowsText(page, "Connection") {
		t.Fatalf("Configure did not open; the window shows %q", screentest.VisibleTexts(page))
	}
	return ch, page
}

// keyEntries are the visible entries of o, in order, but those of Parley's
// tunnel in Receiving messages.
func keyEntries(o fyne.CanvasObject) []*keyEntry {
	var es []*keyEntry
	screentest.WalkVisible(o, func(o fyne.CanvasObject) {
		if e, ok := o.(*keyEntry); ok && e.PlaceHolder != "Paste your ngrok token" && e.PlaceHolder != "bakery.ngrok.app" {
			es = append(es, e)
		}
	})
	return es
}

// topOverlay is the dialog on top of the window, failing without one.
func topOverlay(t *testing.T, cw *coreWorld) fyne.CanvasObject {
	t.Helper()
	o := cw.Window.Canvas().Overlays().Top()
	if o == nil {
		t.Fatal("no dialog is shown")
	}
	return o
}

func TestConfigureRenamesChannel(t *testing.T) {
	cw := newCoreWorld(t)
	ch, page := openConfigureOf(t, cw)
	name := keyEntries(page)[0]
	if name.Text != "Shop" {
		t.Fatalf("the name field shows %q", name.Text)
	}
	if !screentest.Button(t, page, "Save").Disabled() {
		t.Error("Save is offered before anything changed")
	}
	name.SetText("")
	test.Type(name, "Front desk")
	test.Tap(screentest.Button(t, page, "Save"))
	if got, _ := cw.Store.Channel(cw.Ctx, ch.ID); got.Name != "Front desk" {
		t.Fatalf("stored name = %q", got.Name)
	}
	if !screentest.ShowsText(page, "Saved.") || !screentest.ShowsText(page, "Front desk  ·  +49 30 123456") {
		t.Errorf("the page does not confirm the new name: %q", screentest.VisibleTexts(page))
	}
	test.Tap(screentest.Button(t, page, "Done"))
	if !screentest.ShowsText(cw.Window.Canvas().Content(), "Front desk") {
		t.Errorf("the list does not show the new name: %q", screentest.VisibleTexts(cw.Window.Canvas().Content()))
	}
}

func TestConfigureDoneSavesNameAndAsksBeforeLosingIt(t *testing.T) {
	cw := newCoreWorld(t)
	ch, page := openConfigureOf(t, cw)
	name := keyEntries(page)[0]
	name.SetText("Till 2")
	test.Tap(screentest.Button(t, page, "Channels"))
	ask := topOverlay(t, cw)
	if !screentest.ShowsText(ask, "not saved yet") {
		t.Fatalf("leaving with an unsaved name does not ask: %q", screentest.VisibleTexts(ask))
	}
	test.Tap(screentest.Button(t, ask, "Stay"))
	test.Tap(screentest.Button(t, page, "Done"))
	if got, _ := cw.Store.Channel(cw.Ctx, ch.ID); got.Name != "Till 2" {
		t.Fatalf("Done did not save the name: %q", got.Name)
	}
	if !screentest.ShowsText(cw.Window.Canvas().Content(), "Till 2") {
		t.Error("Done did not return to the list")
	}
}

func TestConfigureKeyChangeIsBehindWarningAndVerified(t *testing.T) {
	cw := newCoreWorld(t)
	ch, page := openConfigureOf(t, cw)
	if !screentest.ShowsText(page, "Connected: 360dialog accepts this number's API key.") {
		t.Errorf("Configure does not show the checked connection: %q", screentest.VisibleTexts(page))
	}
	if len(keyEntries(page)) != 1 || !screentest.ShowsText(page, "kept in your system keyring") {
		t.Fatalf("the connection is not read-only at first: %q", screentest.VisibleTexts(page))
	}
	test.Tap(screentest.Button(t, page, "Edit connection…"))
	warn := topOverlay(t, cw)
	if !screentest.ShowsText(warn, "If the number or API key is wrong, messages stop arriving.") {
		t.Fatalf("no warning before editing the connection: %q", screentest.VisibleTexts(warn))
	}
	test.Tap(screentest.Button(t, warn, "Cancel"))
	if len(keyEntries(page)) != 1 {
		t.Fatal("the connection became editable although the owner cancelled")
	}

	test.Tap(screentest.Button(t, page, "Edit connection…"))
	test.Tap(screentest.Button(t, topOverlay(t, cw), "Edit connection"))
	es := keyEntries(page)
	if len(es) != 3 {
		t.Fatalf("after the warning %d entries, want name, number and key", len(es))
	}
	number, key := es[1], es[2]
	if number.Text != "+49 30 123456" || !key.Password {
		t.Errorf("number field %q, key masked %v", number.Text, key.Password)
	}
	test.Type(key, "WRONGKEY-999999")
	test.Tap(screentest.Button(t, page, "Check and save"))
	if !screentest.ShowsText(page, "did not accept this API key") {
		t.Fatalf("a rejected key is not explained at the field: %q", screentest.VisibleTexts(page))
	}
	if key.Text != "WRONGKEY-999999" {
		t.Error("the typed key was lost")
	}
	if k, _ := persistence.NewKeyringSecrets().APIKey(ch.ID); k != screentest.WorldKey {
		t.Fatalf("a rejected key replaced the old one: %q", k)
	}

	const newKey = "NEWKEY-abcdef123456"
	cw.Emu.AddNumber(newKey, screentest.WorldNumber, "Bäckerei Müller")
	key.SetText(newKey)
	test.Tap(screentest.Button(t, page, "Done"))
	if k, _ := persistence.NewKeyringSecrets().APIKey(ch.ID); k != newKey {
		t.Fatalf("key after Done = %q", k)
	}
	if list := cw.Window.Canvas().Content(); !screentest.ShowsText(list, "Connected") {
		t.Errorf("after Done the list shows %q", screentest.VisibleTexts(list))
	}
	assertKeyNotOnDisk(t, cw, newKey)
}

func TestRemoveChannelKeepingConversations(t *testing.T) {
	cw := newCoreWorld(t)
	ch, page := openConfigureOf(t, cw)
	conv, err := cw.Store.ConversationFor(cw.Ctx, ch.ID, "4917012345678", "Anna")
	if err != nil {
		t.Fatal(err)
	}
	test.Tap(screentest.Button(t, page, "Remove channel"))
	first := topOverlay(t, cw)
	if !screentest.ShowsText(first, "Remove Shop (+49 30 123456) from Parley?") {
		t.Fatalf("the confirmation does not name the channel: %q", screentest.VisibleTexts(first))
	}
	test.Tap(screentest.Button(t, first, "Remove channel…"))
	second := topOverlay(t, cw)
	if !screentest.ShowsText(second, "Also delete this channel's conversations and templates\nstored on this computer?") {
		t.Fatalf("no second question about local data: %q", screentest.VisibleTexts(second))
	}
	test.Tap(screentest.Button(t, second, "Keep conversations"))

	list := cw.Window.Canvas().Content()
	if !screentest.ShowsText(list, "Disconnected — conversations kept") || !screentest.ShowsText(list, "Delete data") {
		t.Fatalf("the kept channel is not listed as disconnected: %q", screentest.VisibleTexts(list))
	}
	if _, err := persistence.NewKeyringSecrets().APIKey(ch.ID); !errors.Is(err, app.ErrNotFound) {
		t.Errorf("the key is still in the keyring: %v", err)
	}
	if _, err := cw.Store.Conversation(cw.Ctx, conv.ID); err != nil {
		t.Errorf("the conversation was not kept: %v", err)
	}

	test.Tap(screentest.Button(t, list, "Delete data"))
	test.Tap(screentest.Button(t, topOverlay(t, cw), "Delete everything"))
	if chs, _ := cw.Core.Channels(cw.Ctx); len(chs) != 0 {
		t.Fatalf("%d channels left after deleting the data", len(chs))
	}
	if _, err := cw.Store.Conversation(cw.Ctx, conv.ID); !errors.Is(err, app.ErrNotFound) {
		t.Errorf("the conversation survived: %v", err)
	}
	if !screentest.ShowsText(cw.Window.Canvas().Content(), "No channels yet") {
		t.Error("the list does not show that no channel is left")
	}
}

func TestRemoveChannelWithItsData(t *testing.T) {
	cw := newCoreWorld(t)
	ch, page := openConfigureOf(t, cw)
	test.Tap(screentest.Button(t, page, "Remove channel"))
	test.Tap(screentest.Button(t, topOverlay(t, cw), "Cancel"))
	if chs, _ := cw.Core.Channels(cw.Ctx); len(chs) != 1 {
		t.Fatal("Cancel removed the channel")
	}

	test.Tap(screentest.Button(t, page, "Remove channel"))
	test.Tap(screentest.Button(t, topOverlay(t, cw), "Remove channel…"))
	test.Tap(screentest.Button(t, topOverlay(t, cw), "Delete everything"))
	if chs, _ := cw.Core.Channels(cw.Ctx); len(chs) != 0 {
		t.Fatalf("%d channels left", len(chs))
	}
	if _, err := persistence.NewKeyringSecrets().APIKey(ch.ID); !errors.Is(err, app.ErrNotFound) {
		t.Errorf("the key is still in the keyring: %v", err)
	}
	if !screentest.ShowsText(cw.Window.Canvas().Content(), "No channels yet") {
		t.Errorf("after removal the window shows %q", screentest.VisibleTexts(cw.Window.Canvas().Content()))
	}
}

func TestReconnectDisconnectedChannel(t *testing.T) {
	cw := newCoreWorld(t)
	ch := cw.AddChannel(t)
	if err := cw.Core.DisconnectChannel(cw.Ctx, ch.ID); err != nil {
		t.Fatal(err)
	}
	cw.shell.show(pageChannels)
	test.Tap(screentest.Button(t, cw.shell.channels.Content, "Reconnect"))
	page := cw.Window.Canvas().Content()
	if !screentest.ShowsText(page, "Disconnected — conversations kept") {
		t.Fatalf("Configure of a disconnected channel shows %q", screentest.VisibleTexts(page))
	}
	test.Tap(screentest.Button(t, page, "Reconnect…"))
	es := keyEntries(page)
	test.Type(es[2], screentest.WorldKey)
	test.Tap(screentest.Button(t, page, "Reconnect"))
	if got, _ := cw.Store.Channel(cw.Ctx, ch.ID); got.Disconnected {
		t.Fatal("the channel is still disconnected")
	}
	if k, _ := persistence.NewKeyringSecrets().APIKey(ch.ID); k != screentest.WorldKey {
		t.Errorf("key after reconnecting = %q", k)
	}
}
