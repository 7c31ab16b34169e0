package app

import (
	"context"
	"fmt"
)

// ProfileConflictCheck is a fresh comparison of the pending profile edit
// with the profile WhatsApp has now.
type ProfileConflictCheck struct {
	// Conflicts are the fields changed both on this laptop and on
	// WhatsApp, to different values.
	Conflicts []FieldConflict
	// Remote is the profile WhatsApp has now; pass it with the owner's
	// choices to ResolveProfileConflicts.
	Remote Profile
}

// CheckProfileConflicts fetches the profile from WhatsApp and compares it
// with the pending edit, so the owner can see both values of every
// conflicting field before choosing. It changes nothing. Without a pending
// edit the check is empty.
func (c *ProfileUseCases) CheckProfileConflicts(ctx context.Context, id ChannelID) (ProfileConflictCheck, error) {
	rec, err := c.store.ProfileRecord(ctx, id)
	if err != nil {
		return ProfileConflictCheck{}, fmt.Errorf("check profile conflicts: %w", err)
	}
	if rec.Pending == nil {
		return ProfileConflictCheck{Remote: rec.Remote}, nil
	}
	p, err := c.provider(id)
	if err != nil {
		return ProfileConflictCheck{}, keyringProblem("check profile conflicts", err)
	}
	remote, err := p.GetProfile(ctx)
	if err != nil {
		return ProfileConflictCheck{}, fmt.Errorf("check profile conflicts: %w", err)
	}
	return ProfileConflictCheck{
		Conflicts: ProfileConflicts(rec.Pending.Base, rec.Pending.Profile, remote),
		Remote:    remote,
	}, nil
}
