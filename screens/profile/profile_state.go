package profile

import (
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"

	"github.com/parley-app/parley/app"
)

// showHeader shows when the profile was last synced, with Sync Profile
// beside it once the page is past its first sync.
func (p *profilePage) showHeader() {
	neverSynced := p.rec.SyncedAt.IsZero()
	switch {
	case neverSynced && p.rec.Pending == nil:
		p.synced.SetText("")
		p.syncButton.Hide() // the banner offers it prominently
	case neverSynced:
		p.synced.SetText("Not synced from WhatsApp yet")
		p.syncButton.Show()
	default:
		p.synced.SetText("Last synced: " + profileWhen(p.rec.SyncedAt))
		p.syncButton.Show()
	}
}

// showBanner tells the owner the state of the profile, the most urgent
// first: a choice to make, a failure, a pending edit, good news, or that
// the profile was never synced.
func (p *profilePage) showBanner(out profileOutcome) {
	ed := p.rec.Pending
	switch {
	case ed.AwaitsChoice():
		n := profileNote{kind: noteConflict, title: "Your profile was also changed on WhatsApp",
			text: "Below, choose for each field which value to keep. Nothing is sent to WhatsApp until you do."}
		if out.check == nil {
			n.text = "Parley needs to reach WhatsApp to show its values next to yours. Connect to the internet, then compare again."
			if out.checkErr != nil {
				n.text += "\nDetails: " + app.Explain(out.checkErr)
			}
			p.firstSync.SetText("Compare again")
			p.banner.show(n, p.firstSync)
			return
		}
		p.banner.show(n)
	case p.note != nil && p.note.kind == noteDanger:
		p.banner.show(*p.note)
	case ed != nil:
		p.banner.show(profilePendingNote(ed))
	case p.note != nil:
		p.banner.show(*p.note)
	case p.rec.SyncedAt.IsZero():
		p.banner.show(profileNote{kind: noteInfo,
			title: "This profile has not been synced from WhatsApp yet",
			text:  "Sync Profile fetches what your customers see on WhatsApp now, so you can start from there."},
			p.firstSync)
	default:
		p.banner.hide()
	}
}

// profilePendingNote describes an edit kept on this laptop.
func profilePendingNote(ed *app.ProfileEdit) profileNote {
	when, fields := profileWhen(ed.EditedAt), pendingFields(ed)
	if ed.State.WaitsForNetwork() {
		what := "Changed on " + when
		if fields != "" {
			what += ": " + fields
		}
		return profileNote{kind: noteWarning, title: "Pending — will sync when online",
			text: app.PendingOfflineMessage + "\n" + what + "."}
	}
	kept := "Your changes"
	if fields != "" {
		kept += " to " + fields
	}
	title := "WhatsApp did not accept your changes"
	if ed.State == app.EditFailed {
		title = "Your changes could not be sent to WhatsApp"
	}
	return profileNote{kind: noteDanger, title: title,
		text: ed.Reason + "\n" + kept + " (" + when + ") are kept on this laptop. When the problem is fixed, press Save again."}
}

// pendingFields names the fields an edit changes, e.g. "About, Photo".
func pendingFields(ed *app.ProfileEdit) string {
	b, l := ed.Base, ed.Profile
	var names []string
	add := func(changed bool, name string) {
		if changed {
			names = append(names, name)
		}
	}
	add(l.About != b.About, "About")
	add(l.Vertical != b.Vertical, "Industry")
	add(l.Description != b.Description, "Description")
	add(l.Address != b.Address, "Address")
	add(l.Email != b.Email, "Email")
	add(!slices.Equal(l.Websites, b.Websites), "Websites")
	add(ed.Photo != nil, "Photo")
	return strings.Join(names, ", ")
}

// showConflicts shows the choice panel for a conflicted edit, keeping the
// owner's choices when the same conflicts come back on a reload.
func (p *profilePage) showConflicts(out profileOutcome) {
	ed := p.rec.Pending
	if !ed.AwaitsChoice() || out.check == nil {
		if out.action != profileLoad || !ed.AwaitsChoice() {
			p.panel = nil
			p.conflicts.Objects = nil
			p.conflicts.Refresh()
		}
		return
	}
	if p.panel != nil && slices.Equal(p.panel.check.Conflicts, out.check.Conflicts) {
		p.panel.check.Remote = out.check.Remote
		p.panel.refresh()
		return
	}
	p.panel = newConflictPanel(*out.check, p.onResolve)
	p.conflicts.Objects = []fyne.CanvasObject{p.panel.content}
	p.conflicts.Refresh()
}

// profileWhen is a date and time as the owner reads it, in local time.
func profileWhen(t time.Time) string {
	return t.Local().Format("2 Jan 2006, 15:04")
}
