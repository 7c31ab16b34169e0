package app

import (
	"context"
	"errors"
	"fmt"
	"sync"
)

// ProfileResult tells the owner what happened to a profile save or sync.
type ProfileResult struct {
	Pushed    bool            // the edit reached WhatsApp
	Pending   bool            // the edit is kept locally, waiting for the network
	Conflicts []FieldConflict // the owner must choose before anything is pushed
	Message   string          // plain-language summary for the page
}

// PendingOfflineMessage is shown while an edit waits for the network.
const PendingOfflineMessage = "Saved on this laptop — will sync with WhatsApp when you are online."

// ProfileUseCases are the use cases of a channel's WhatsApp profile:
// reading, editing and syncing it, resolving conflicts, its photo, and
// pushing edits made offline.
type ProfileUseCases struct {
	*ports
	mu sync.Mutex // serialises profile pushes
}

// Profile returns the stored profile record of a channel.
func (c *ProfileUseCases) Profile(ctx context.Context, id ChannelID) (ProfileRecord, error) {
	rec, err := c.store.ProfileRecord(ctx, id)
	if err != nil {
		return ProfileRecord{}, fmt.Errorf("read profile: %w", err)
	}
	return rec, nil
}

// PhotoChange is a new profile photo chosen by the owner.
type PhotoChange struct {
	Data []byte
	MIME string
}

// SaveProfile validates the edit, stores it on this laptop first, then
// tries to push it to WhatsApp. Offline the edit stays pending.
func (c *ProfileUseCases) SaveProfile(ctx context.Context, id ChannelID, edited Profile, photo *PhotoChange) (ProfileResult, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	rec, err := c.store.ProfileRecord(ctx, id)
	if err != nil {
		return ProfileResult{}, fmt.Errorf("save profile: %w", err)
	}
	edited = CleanProfile(edited)
	if errs := ValidateProfile(edited, rec.Remote); len(errs) > 0 {
		return ProfileResult{}, errs
	}
	if photo != nil {
		if msg := PhotoProblem(photo.Data); msg != "" {
			return ProfileResult{}, ValidationErrors{{Field: FieldPhoto, Message: msg}}
		}
	}
	edit := ProfileEdit{Profile: edited, Base: rec.Remote, EditedAt: c.clock.Now()}
	if rec.Pending != nil {
		edit.Base = rec.Pending.Base
		edit.Photo, edit.PhotoMIME = rec.Pending.Photo, rec.Pending.PhotoMIME
	}
	if photo != nil {
		edit.Photo, edit.PhotoMIME = photo.Data, photo.MIME
	}
	if err := c.store.SavePendingProfile(ctx, id, edit); err != nil {
		return ProfileResult{}, fmt.Errorf("save profile locally: %w", err)
	}
	c.bus.Publish(Event{Kind: EventProfileChanged, ChannelID: id})
	return c.pushProfile(ctx, id, nil)
}

// SyncProfile fetches the profile from WhatsApp and, when a local edit is
// pending, pushes it (or reports conflicts).
func (c *ProfileUseCases) SyncProfile(ctx context.Context, id ChannelID) (ProfileResult, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	p, err := c.provider(id)
	if err != nil {
		return ProfileResult{}, keyringProblem("sync profile", err)
	}
	remote, err := p.GetProfile(ctx)
	if err != nil {
		return ProfileResult{}, fmt.Errorf("sync profile: %w", err)
	}
	rec, err := c.store.ProfileRecord(ctx, id)
	if err != nil {
		return ProfileResult{}, fmt.Errorf("sync profile: %w", err)
	}
	if rec.Pending == nil {
		if err := c.store.SaveRemoteProfile(ctx, id, remote, c.clock.Now()); err != nil {
			return ProfileResult{}, fmt.Errorf("sync profile: store: %w", err)
		}
		c.bus.Publish(Event{Kind: EventProfileChanged, ChannelID: id})
		return ProfileResult{Message: "Profile synced from WhatsApp."}, nil
	}
	return c.pushProfile(ctx, id, &remote)
}

// ResolveProfileConflicts applies the owner's choices (keepLocal[field]
// true keeps this laptop's value) and pushes the result.
func (c *ProfileUseCases) ResolveProfileConflicts(ctx context.Context, id ChannelID, conflicts []FieldConflict, remote Profile, keepLocal map[string]bool) (ProfileResult, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	rec, err := c.store.ProfileRecord(ctx, id)
	if err != nil {
		return ProfileResult{}, fmt.Errorf("resolve profile conflicts: %w", err)
	}
	if rec.Pending == nil {
		return ProfileResult{Message: "Nothing to resolve."}, nil
	}
	edit := *rec.Pending
	edit.Profile = ResolveConflicts(edit.Base, edit.Profile, remote, conflicts, keepLocal)
	edit.Base = remote // the owner has now seen the remote values
	edit.State, edit.Reason, edit.ReasonCode = EditPending, "", 0
	if err := c.store.SavePendingProfile(ctx, id, edit); err != nil {
		return ProfileResult{}, fmt.Errorf("resolve profile conflicts: %w", err)
	}
	return c.pushProfile(ctx, id, &remote)
}

// PushPendingProfiles pushes every pending profile edit; background sync
// calls it when the network may be back. It returns how many were pushed.
func (c *ProfileUseCases) PushPendingProfiles(ctx context.Context) (int, error) {
	chs, err := c.store.Channels(ctx)
	if err != nil {
		return 0, fmt.Errorf("push pending profiles: %w", err)
	}
	pushed := 0
	var errs []error
	for _, ch := range chs {
		if ch.Disconnected {
			continue // no key: the edit waits until the channel is reconnected
		}
		rec, err := c.store.ProfileRecord(ctx, ch.ID)
		if err != nil || rec.Pending == nil || rec.Pending.AwaitsChoice() {
			continue
		}
		c.mu.Lock()
		res, err := c.pushProfile(ctx, ch.ID, nil)
		c.mu.Unlock()
		if err != nil {
			errs = append(errs, err)
		}
		if res.Pushed {
			pushed++
		}
	}
	return pushed, errors.Join(errs...)
}

// pushProfile sends the pending edit. fresh is the current remote profile
// when the caller just fetched it. Must hold c.mu.
func (c *ProfileUseCases) pushProfile(ctx context.Context, id ChannelID, fresh *Profile) (ProfileResult, error) {
	rec, err := c.store.ProfileRecord(ctx, id)
	if err != nil || rec.Pending == nil {
		return ProfileResult{}, err
	}
	edit := *rec.Pending
	p, err := c.provider(id)
	if err != nil {
		return ProfileResult{}, keyringProblem("push profile", err)
	}
	if fresh == nil {
		remote, err := p.GetProfile(ctx)
		if err != nil {
			return c.keepPending(ctx, id, edit, err)
		}
		fresh = &remote
	}
	if conflicts := ProfileConflicts(edit.Base, edit.Profile, *fresh); len(conflicts) > 0 {
		edit.State, edit.Reason, edit.ReasonCode = EditConflicted, "", 0
		if err := c.store.SavePendingProfile(ctx, id, edit); err != nil {
			return ProfileResult{}, fmt.Errorf("push profile: %w", err)
		}
		c.bus.Publish(Event{Kind: EventProfileChanged, ChannelID: id})
		return ProfileResult{Pending: true, Conflicts: conflicts, Message: edit.Note()}, nil
	}
	upd, changed := OwnerChanges(edit.Base, edit.Profile, *fresh)
	if edit.Photo != nil {
		h, err := p.UploadForHandle(ctx, "profile"+photoExt(edit.PhotoMIME), edit.PhotoMIME, edit.Photo)
		if err != nil {
			return c.keepPending(ctx, id, edit, err)
		}
		upd.PhotoHandle, changed = h, true
	}
	if changed {
		if err := p.UpdateProfile(ctx, upd); err != nil {
			return c.keepPending(ctx, id, edit, err)
		}
	}
	merged := ApplyUpdate(*fresh, upd)
	if err := c.store.SaveRemoteProfile(ctx, id, merged, c.clock.Now()); err != nil {
		return ProfileResult{}, fmt.Errorf("push profile: store: %w", err)
	}
	if err := c.store.ClearPendingProfile(ctx, id); err != nil {
		return ProfileResult{}, fmt.Errorf("push profile: %w", err)
	}
	c.log.Info("profile pushed", "channel", id)
	c.bus.Publish(Event{Kind: EventProfileChanged, ChannelID: id, ProfilePushed: true})
	return ProfileResult{Pushed: true, Message: "Saved and synced with WhatsApp."}, nil
}

// keepPending records why a push failed; the edit stays on this laptop.
// Network trouble is not an error for the owner: the edit waits.
func (c *ProfileUseCases) keepPending(ctx context.Context, id ChannelID, edit ProfileEdit, cause error) (ProfileResult, error) {
	var pe *ProviderError
	temporary := errors.As(cause, &pe) && pe.Temporary()
	switch {
	case temporary:
		edit.State, edit.Reason, edit.ReasonCode = EditOffline, "", 0
	case pe != nil:
		edit.State, edit.Reason, edit.ReasonCode = EditRejected, Explain(pe), pe.Code
	default:
		edit.State, edit.Reason, edit.ReasonCode = EditFailed, Explain(cause), 0
	}
	if err := c.store.SavePendingProfile(ctx, id, edit); err != nil {
		return ProfileResult{}, fmt.Errorf("push profile: keep pending: %w", err)
	}
	c.bus.Publish(Event{Kind: EventProfileChanged, ChannelID: id})
	if temporary {
		return ProfileResult{Pending: true, Message: edit.Note()}, nil
	}
	return ProfileResult{Pending: true, Message: edit.Note()}, fmt.Errorf("push profile: %w", cause)
}
