package profile

import (
	"context"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/screens/kit"
)

// openProfile shows a channel's WhatsApp Business profile editor in place
// of the Channels list and returns it.
func openProfile(e env, ch app.Channel) *profilePage {
	p := newProfilePage(e, ch)
	p.ctx = e.Nav.Show(p.content)
	// However the owner leaves (Back, the sidebar), the page stops
	// listening and drops what is still being read for it.
	p.stopListening = sync.OnceFunc(e.core.Events().Subscribe(p.onCoreEvent))
	context.AfterFunc(p.ctx, p.stopListening)
	p.perform(profileLoad, nil, nil)
	return p
}

// profilePage edits one channel's WhatsApp Business profile: the form on
// the left, a preview of what customers see on the right, the state of
// the profile (never synced, pending, rejected, live…) above them.
type profilePage struct {
	env env
	ch  app.Channel
	// ctx ends when the page leaves the screen.
	ctx context.Context

	// rec is the stored profile last read; replaced on the UI goroutine.
	rec    app.ProfileRecord
	loaded bool
	// note is what the last action or background push had to say.
	note *profileNote
	// busy is set while an action runs; reloadAgain asks for a fresh read
	// when it ends, because the profile changed meanwhile.
	busy        bool
	reloadAgain bool
	// photoURL is the WhatsApp photo shown, so it is downloaded once.
	photoURL string
	// stopListening ends the page's subscription to core events; it may
	// be called more than once, from any goroutine.
	stopListening func()

	form       *profileForm
	photo      *profilePhoto
	preview    *profilePreview
	banner     *profileBanner
	formScroll *container.Scroll
	conflicts  *fyne.Container // holds the conflict panel, if any
	panel      *conflictPanel
	firstSync  *widget.Button // the prominent Sync Profile before the first sync

	synced      *widget.Label
	syncButton  *widget.Button
	syncWorking *widget.Activity
	syncStatus  *widget.Label
	saveButton  *widget.Button
	saveWorking *widget.Activity
	saveStatus  *widget.Label
	content     fyne.CanvasObject
}

func newProfilePage(e env, ch app.Channel) *profilePage {
	p := &profilePage{env: e, ch: ch}
	p.form = newProfileForm(p.onFormChanged)
	p.photo = newProfilePhoto(e.Window, e.Run, p.onFormChanged)
	p.preview = newProfilePreview(ch)
	p.banner = newProfileBanner()
	p.conflicts = container.NewVBox()

	p.synced = &widget.Label{}
	p.syncButton = &widget.Button{Text: "Sync Profile", Icon: theme.ViewRefreshIcon(), OnTapped: p.onSync}
	p.syncButton.Hide()
	p.firstSync = &widget.Button{Text: "Sync Profile", Icon: theme.ViewRefreshIcon(), Importance: widget.HighImportance, OnTapped: p.onSync}
	p.syncWorking = widget.NewActivity()
	p.syncWorking.Hide()
	p.syncStatus = &widget.Label{}
	p.saveButton = &widget.Button{Text: "Save", Icon: theme.DocumentSaveIcon(), Importance: widget.HighImportance, OnTapped: p.onSave}
	p.saveWorking = widget.NewActivity()
	p.saveWorking.Hide()
	p.saveStatus = &widget.Label{Wrapping: fyne.TextWrapWord}

	actions := container.NewHBox(p.syncWorking, p.syncStatus, p.synced, p.syncButton)
	form := container.NewVBox(p.conflicts, p.photo.content, widget.NewSeparator(), p.form.content)
	p.formScroll = container.NewVScroll(container.New(layout.NewCustomPaddedLayout(0, 12, 0, 14), form))
	columns := container.NewBorder(nil, nil, nil,
		container.NewVScroll(container.New(layout.NewCustomPaddedLayout(0, 12, 14, 0), p.preview.content)),
		p.formScroll)
	saveBar := container.NewVBox(widget.NewSeparator(),
		container.NewBorder(nil, nil, p.saveWorking, p.saveButton, p.saveStatus))
	body := container.NewBorder(p.banner.content, saveBar, nil, nil, columns)

	back := &widget.Button{Text: "Channels", Icon: theme.NavigateBackIcon(), Importance: widget.LowImportance, OnTapped: p.onBack}
	subtitle := ch.Name + "  ·  " + app.FormatPhone(ch.PhoneNumber)
	p.content = container.NewBorder(
		container.New(layout.NewCustomPaddedLayout(8, -14, 12, 0), container.NewHBox(back)),
		nil, nil, nil,
		kit.NewPage("Business profile", subtitle, actions, body))
	p.onFormChanged()
	return p
}

// onBack returns to the Channels list, asking first if typed changes
// would be lost.
func (p *profilePage) onBack() {
	if !p.unsaved() {
		p.leave()
		return
	}
	dialog.ShowConfirm("Leave without saving?",
		"You changed the profile but have not saved it. Leave the page and drop these changes?",
		func(leave bool) {
			if leave {
				p.leave()
			}
		}, p.env.Window)
}

// leave stops listening to the core and shows the Channels list.
func (p *profilePage) leave() {
	p.stopListening()
	p.env.Nav.Back()
}

// onCoreEvent runs on the publishing goroutine and hands the work to the
// UI goroutine.
func (p *profilePage) onCoreEvent(ev app.Event) {
	if ev.Kind != app.EventProfileChanged || ev.ChannelID != p.ch.ID {
		return
	}
	fyne.Do(func() { p.onProfileChanged(ev) })
}

// onProfileChanged reloads the page when the profile changed elsewhere,
// for example when the background loop pushed a pending edit.
func (p *profilePage) onProfileChanged(ev app.Event) {
	if p.ctx.Err() != nil {
		return // the owner left
	}
	if ev.ProfilePushed {
		p.note = &profileNote{kind: noteSuccess, title: "Your profile changes are live on WhatsApp"}
	}
	if p.busy {
		p.reloadAgain = true
		return
	}
	p.perform(profileLoad, nil, nil)
}

// unsaved reports whether the owner typed or chose something not saved.
func (p *profilePage) unsaved() bool {
	return p.form.dirty() || p.photo.chosen != nil
}

// base is WhatsApp's copy the edit is checked against.
func (p *profilePage) base() app.Profile {
	if p.rec.Pending != nil {
		return p.rec.Pending.Base
	}
	return p.rec.Remote
}

// onFormChanged checks the fields and redraws the preview as the owner
// types.
func (p *profilePage) onFormChanged() {
	if p.form == nil || p.photo == nil || p.preview == nil {
		return // still being built
	}
	p.form.validate(p.base(), false)
	p.preview.show(p.form.profile(), p.photo.showing())
	p.updateSaveBar("")
	if p.note != nil && p.note.kind == noteSuccess && p.unsaved() {
		// Good news about the last save no longer describes the page.
		p.note = nil
		if p.rec.Pending == nil && !p.rec.SyncedAt.IsZero() {
			p.banner.hide()
		}
	}
}

// updateSaveBar says whether there is something to save; problem, when
// set, explains why Save did not go ahead.
func (p *profilePage) updateSaveBar(problem string) {
	switch {
	case problem != "":
		p.saveStatus.Importance = widget.DangerImportance
		p.saveStatus.SetText(problem)
	case p.unsaved():
		p.saveStatus.Importance = widget.WarningImportance
		p.saveStatus.SetText("You have changes that are not saved yet.")
	default:
		p.saveStatus.Importance = widget.MediumImportance
		p.saveStatus.SetText("")
	}
	if p.busy || !p.loaded {
		p.saveButton.Disable()
	} else {
		p.saveButton.Enable()
	}
}

// scrollTo brings o, an object on the form, into view.
func (p *profilePage) scrollTo(o fyne.CanvasObject) {
	d := fyne.CurrentApp().Driver()
	y := d.AbsolutePositionForObject(o).Y - d.AbsolutePositionForObject(p.formScroll.Content).Y
	p.formScroll.ScrollToOffset(fyne.NewPos(0, max(0, y-theme.Padding()*2)))
}
