package profile

import (
	"context"
	"errors"
	"log/slog"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/screens/kit"
)

// profileTimeout bounds one profile action: store, upload and push.
const profileTimeout = 2 * time.Minute

// profileAction is what the page asked the core to do.
type profileAction int

// Profile actions.
const (
	profileLoad    profileAction = iota // read what is stored
	profileSync                         // Sync Profile
	profileSave                         // Save
	profileResolve                      // apply conflict choices
)

// profileOutcome is everything an action learned, gathered off the UI
// goroutine and shown in one go.
type profileOutcome struct {
	action profileAction
	sent   *app.Profile // the values Save sent
	res    app.ProfileResult
	err    error

	rec    app.ProfileRecord
	recErr error
	// check compares a conflicted edit with WhatsApp's current profile.
	check    *app.ProfileConflictCheck
	checkErr error
}

func (p *profilePage) onSync() {
	if p.busy {
		return
	}
	p.perform(profileSync, nil, func(ctx context.Context) (app.ProfileResult, error) {
		return p.env.core.SyncProfile(ctx, p.ch.ID)
	})
}

// onSave checks the form, then stores the edit on this laptop and pushes
// it, all off the UI goroutine.
func (p *profilePage) onSave() {
	if p.busy {
		return
	}
	fieldsOK := p.form.validate(p.base(), true)
	if problem := p.photo.blocking(); !fieldsOK || problem != "" {
		p.updateSaveBar("Nothing was saved. Please correct what is marked in red.")
		if problem != "" {
			p.scrollTo(p.photo.content)
		} else if o := p.form.firstProblem(); o != nil {
			p.scrollTo(o)
		}
		return
	}
	if !p.unsaved() && p.rec.Pending == nil && !p.rec.SyncedAt.IsZero() {
		p.saveStatus.Importance = widget.MediumImportance
		p.saveStatus.SetText("There are no changes to save.")
		return
	}
	edited, photo := p.form.profile(), p.photo.change()
	p.perform(profileSave, &edited, func(ctx context.Context) (app.ProfileResult, error) {
		return p.env.core.SaveProfile(ctx, p.ch.ID, edited, photo)
	})
}

// onResolve applies the owner's choice for every conflicting field.
func (p *profilePage) onResolve(check app.ProfileConflictCheck, keepLocal map[string]bool) {
	if p.busy {
		return
	}
	p.perform(profileResolve, nil, func(ctx context.Context) (app.ProfileResult, error) {
		return p.env.core.ResolveProfileConflicts(ctx, p.ch.ID, check.Conflicts, check.Remote, keepLocal)
	})
}

// perform runs do (if any) off the UI goroutine, reads the stored
// profile afterwards and shows the outcome while the page is on screen.
// An action the owner started (sync, save, a choice) runs to its end even
// if they leave meanwhile; a plain read stops with the page.
func (p *profilePage) perform(a profileAction, sent *app.Profile, do func(context.Context) (app.ProfileResult, error)) {
	p.setBusy(a)
	core, id, page := p.env.core, p.ch.ID, p.ctx
	base := context.Background()
	if do == nil {
		base = page
	}
	p.env.Run(func() {
		ctx, cancel := context.WithTimeout(base, profileTimeout)
		defer cancel()
		out := profileOutcome{action: a, sent: sent}
		if do != nil {
			out.res, out.err = do(ctx)
		}
		if page.Err() != nil {
			return // the owner left: nothing to read or show
		}
		gatherProfile(ctx, core, id, &out)
		fyne.Do(func() {
			if page.Err() == nil {
				p.render(out)
			}
		})
	})
}

// gatherProfile reads the stored profile and, for an edit waiting on the
// owner's choice, what WhatsApp has now. If WhatsApp no longer disagrees
// there is nothing to choose, and the edit is sent.
func gatherProfile(ctx context.Context, core Core, id app.ChannelID, out *profileOutcome) {
	out.rec, out.recErr = core.Profile(ctx, id)
	if out.recErr != nil || out.rec.Pending == nil || !out.rec.Pending.AwaitsChoice() {
		return
	}
	check, err := core.CheckProfileConflicts(ctx, id)
	if err != nil {
		out.checkErr = err
		return
	}
	if len(check.Conflicts) > 0 {
		out.check = &check
		return
	}
	out.res, out.err = core.ResolveProfileConflicts(ctx, id, nil, check.Remote, nil)
	out.rec, out.recErr = core.Profile(ctx, id)
}

// setBusy shows that action a is under way and holds back the others.
func (p *profilePage) setBusy(a profileAction) {
	p.busy = true
	p.syncButton.Disable()
	p.saveButton.Disable()
	if p.panel != nil {
		p.panel.apply.Disable()
	}
	switch a {
	case profileLoad:
		if !p.loaded {
			p.synced.Hide()
			p.syncStatus.SetText("Loading…")
			p.syncWorking.Show()
			p.syncWorking.Start()
		}
	case profileSync:
		p.firstSync.Disable()
		p.firstSync.SetText("Syncing…")
		p.synced.Hide()
		p.syncStatus.SetText("Syncing with WhatsApp…")
		p.syncWorking.Show()
		p.syncWorking.Start()
	case profileSave, profileResolve:
		text := "Saving on this laptop and sending to WhatsApp…"
		if a == profileResolve {
			text = "Sending your choices to WhatsApp…"
		}
		p.saveStatus.Importance = widget.MediumImportance
		p.saveStatus.SetText(text)
		p.saveWorking.Show()
		p.saveWorking.Start()
	}
}

// setIdle ends the busy state.
func (p *profilePage) setIdle() {
	p.busy = false
	p.syncWorking.Stop()
	p.syncWorking.Hide()
	p.syncStatus.SetText("")
	p.saveWorking.Stop()
	p.saveWorking.Hide()
	p.syncButton.Enable()
	p.firstSync.Enable()
	p.firstSync.SetText("Sync Profile")
	p.synced.Show()
}

// render shows an outcome: fields, photo, conflicts, banner and header.
func (p *profilePage) render(out profileOutcome) {
	p.setIdle()
	defer func() {
		if p.reloadAgain && !p.busy {
			p.reloadAgain = false
			p.perform(profileLoad, nil, nil)
		}
	}()
	if out.recErr != nil {
		slog.Error("read profile", "channel", p.ch.ID, "err", out.recErr)
		p.banner.show(profileNote{kind: noteDanger, title: "Parley could not read this profile on this laptop",
			text: app.Explain(out.recErr) + "\nIf this keeps happening, restart Parley."})
		p.updateSaveBar("")
		return
	}
	p.rec, p.loaded = out.rec, true
	var verrs app.ValidationErrors
	invalid := errors.As(out.err, &verrs)
	if out.action != profileLoad {
		p.note = profileOutcomeNote(out, invalid)
	}
	if invalid {
		p.showRejectedFields(verrs)
	} else {
		target := p.rec.Remote
		if p.rec.Pending != nil {
			target = p.rec.Pending.Profile
		}
		p.form.show(target, p.base(), out.sent)
		if out.action == profileSave {
			p.photo.saved(p.rec.Pending != nil)
		}
	}
	p.showPhoto()
	p.showConflicts(out)
	p.showBanner(out)
	p.showHeader()
	p.onFormChanged()
}

// profileOutcomeNote is what an action has to tell the owner beyond the stored
// state (which the banner shows anyway).
func profileOutcomeNote(out profileOutcome, invalid bool) *profileNote {
	pending := out.rec.Pending != nil
	switch {
	case invalid:
		return nil
	case out.err != nil && pending && out.action != profileSync && out.rec.Pending.State != app.EditPending:
		return nil // the pending edit carries the reason
	case out.err != nil:
		n := &profileNote{kind: noteDanger, title: "Parley could not sync the profile", text: app.Explain(out.err)}
		switch {
		case app.KindOf(out.err) == app.KindOffline || app.KindOf(out.err) == app.KindUnavailable:
			n.title = "Parley could not reach WhatsApp"
		case pending && out.action != profileSync:
			n.title = "Your changes are saved on this laptop but could not be sent"
		case out.action != profileSync:
			n.title = "Your changes could not be saved"
			n.text += "\nNothing you typed is lost. Try Save again in a moment."
		}
		if pending {
			n.text += "\nYour changes are kept on this laptop and are sent once this is solved."
		}
		return n
	case out.res.Pushed:
		return &profileNote{kind: noteSuccess, title: "Your profile changes are live on WhatsApp",
			text: "Customers see the new profile now."}
	case out.action == profileSync && !pending:
		return &profileNote{kind: noteSuccess, title: "Profile synced from WhatsApp",
			text: "The fields show what your customers see now."}
	}
	return nil
}

// showRejectedFields puts the core's field problems on the form.
func (p *profilePage) showRejectedFields(verrs app.ValidationErrors) {
	if msg := verrs.For(app.FieldPhoto); msg != "" {
		p.photo.showProblem(msg)
	}
	var other app.ValidationErrors
	for _, e := range p.form.showErrors(verrs) {
		if e.Field != app.FieldPhoto {
			other = append(other, e)
		}
	}
	if len(other) == len(verrs) && p.rec.Pending != nil {
		// Nothing was wrong with the fields: the edit is stored, but
		// could not be sent (for example, no keyring for the API key).
		p.note = &profileNote{kind: noteDanger, title: "Your changes are saved on this laptop but could not be sent", text: other.Error()}
		p.updateSaveBar("")
		return
	}
	if len(other) > 0 {
		p.note = &profileNote{kind: noteDanger, title: "Your changes were not saved", text: other.Error()}
	}
	p.updateSaveBar("Nothing was saved. Please correct what is marked in red.")
}

// showPhoto shows the pending photo, or downloads WhatsApp's when its
// link changed.
func (p *profilePage) showPhoto() {
	if ed := p.rec.Pending; ed != nil && ed.Photo != nil {
		if !kit.SameImageData(p.photo.current, ed.Photo) || !p.photo.pending {
			p.photo.setCurrent(ed.Photo, true)
		}
		return
	}
	if p.photo.pending {
		p.photo.setCurrent(p.photo.current, false) // it reached WhatsApp
	}
	if url := p.rec.Remote.PhotoURL; url != "" && url != p.photoURL {
		p.fetchPhoto(url)
	}
}

// fetchPhoto downloads the photo customers see, in the background.
func (p *profilePage) fetchPhoto(url string) {
	p.photoURL = url
	if p.photo.current == nil {
		p.photo.setRemoteNote("Loading your photo from WhatsApp…")
	}
	core, id, page := p.env.core, p.ch.ID, p.ctx
	p.env.Run(func() {
		ctx, cancel := context.WithTimeout(page, profileTimeout)
		defer cancel()
		data, err := core.ProfilePhoto(ctx, id)
		if page.Err() != nil {
			return // the owner left the page
		}
		kit.PhotoPreviews.Get(data) // decoded here, not on the UI goroutine
		fyne.Do(func() {
			if page.Err() != nil {
				return
			}
			if err != nil {
				slog.Warn("download profile photo", "channel", id, "err", err)
				p.photoURL = "" // try again on the next reload
				p.photo.setRemoteNote("Your photo on WhatsApp could not be downloaded right now. It stays as it is unless you choose a new one.")
				return
			}
			if p.photoURL == url && data != nil && !p.photo.pending {
				p.photo.setCurrent(data, false)
			}
		})
	})
}
