package app

import (
	"context"
	"errors"
	"fmt"
	"time"
)

// TemplateChange is a review outcome noticed during a sync.
type TemplateChange struct {
	Name, Language string
	From, To       TemplateStatus
	Reason         string
}

// Notice is the plain-language line shown in a desktop notification.
func (c TemplateChange) Notice() string {
	switch c.To {
	case TemplateApproved:
		return fmt.Sprintf("Template %q (%s) was approved — you can send it now.", c.Name, LanguageLabel(c.Language))
	case TemplateRejected:
		msg := fmt.Sprintf("Template %q (%s) was rejected.", c.Name, LanguageLabel(c.Language))
		if c.Reason != "" {
			msg += " Reason: " + c.Reason
		}
		return msg
	}
	return fmt.Sprintf("Template %q (%s) is now %s.", c.Name, LanguageLabel(c.Language), StatusLabel(c.To))
}

// TemplateList is the local copy of a channel's templates.
type TemplateList struct {
	Templates []Template
	SyncedAt  time.Time // zero until the first sync
}

// TemplateUseCases are the use cases of message templates: the local
// list, syncing with WhatsApp, drafts, submitting and deleting.
type TemplateUseCases struct {
	*ports
}

// Templates returns the local copy instantly; it works offline.
func (c *TemplateUseCases) Templates(ctx context.Context, id ChannelID) (TemplateList, error) {
	ts, err := c.store.Templates(ctx, id)
	if err != nil {
		return TemplateList{}, fmt.Errorf("list templates: %w", err)
	}
	at, err := c.store.TemplatesSyncedAt(ctx, id)
	if err != nil && !errors.Is(err, ErrNotFound) {
		return TemplateList{}, fmt.Errorf("list templates: %w", err)
	}
	return TemplateList{Templates: ts, SyncedAt: at}, nil
}

// SyncTemplates fetches every template of the number and replaces the
// local copy in one transaction; a failed or cancelled sync leaves the old
// list as it was. Local drafts and dynamic-variable bindings are kept.
// It returns the review outcomes that changed since the last sync.
func (c *TemplateUseCases) SyncTemplates(ctx context.Context, id ChannelID, progress func(fetched, total int)) ([]TemplateChange, error) {
	p, err := c.provider(id)
	if err != nil {
		return nil, keyringProblem("sync templates", err)
	}
	old, err := c.store.Templates(ctx, id)
	if err != nil {
		return nil, fmt.Errorf("sync templates: %w", err)
	}
	fresh, err := p.ListTemplates(ctx, progress)
	if err != nil {
		return nil, fmt.Errorf("sync templates: %w", err)
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("sync templates: %w", err)
	}
	byKey := make(map[string]Template, len(old))
	for _, t := range old {
		byKey[t.Name+"\x00"+t.Language] = t
	}
	var changes []TemplateChange
	for i, t := range fresh {
		prev, ok := byKey[t.Name+"\x00"+t.Language]
		if !ok {
			continue
		}
		if len(t.Variables) == 0 {
			fresh[i].Variables = prev.Variables
		}
		if prev.Status != t.Status && prev.Status != TemplateDraft &&
			(t.Status == TemplateApproved || t.Status == TemplateRejected || prev.Status == TemplateSubmitted) {
			changes = append(changes, TemplateChange{Name: t.Name, Language: t.Language, From: prev.Status, To: t.Status, Reason: t.RejectedReason})
		}
	}
	if err := c.store.ReplaceTemplates(ctx, id, fresh, c.clock.Now()); err != nil {
		return nil, fmt.Errorf("sync templates: store: %w", err)
	}
	c.log.Info("templates synced", "channel", id, "count", len(fresh), "changes", len(changes))
	c.bus.Publish(Event{Kind: EventTemplatesChanged, ChannelID: id})
	for i := range changes {
		c.bus.Publish(Event{Kind: EventTemplatesChanged, ChannelID: id, Template: &changes[i]})
	}
	return changes, nil
}

// HasSubmittedTemplates reports whether any template awaits review; the
// status watcher polls only then.
func (c *TemplateUseCases) HasSubmittedTemplates(ctx context.Context, id ChannelID) (bool, error) {
	ts, err := c.store.Templates(ctx, id)
	if err != nil {
		return false, fmt.Errorf("check submitted templates: %w", err)
	}
	for _, t := range ts {
		if t.Status == TemplateSubmitted {
			return true, nil
		}
	}
	return false, nil
}

// DeleteTemplate removes a template name (all its languages) on WhatsApp
// and locally. WhatsApp blocks reusing the name for a while.
func (c *TemplateUseCases) DeleteTemplate(ctx context.Context, id ChannelID, name string) error {
	ts, err := c.store.Templates(ctx, id)
	if err != nil {
		return fmt.Errorf("delete template: %w", err)
	}
	remote := false
	for _, t := range ts {
		if t.Name == name && t.Status != TemplateDraft {
			remote = true
		}
	}
	if remote {
		p, err := c.provider(id)
		if err != nil {
			return keyringProblem("delete template", err)
		}
		if err := p.DeleteTemplate(ctx, name); err != nil && KindOf(err) != KindNotFound {
			return fmt.Errorf("delete template %q: %w", name, err)
		}
	}
	for _, t := range ts {
		if t.Name == name {
			if err := c.store.DeleteTemplate(ctx, id, t.Name, t.Language); err != nil {
				return fmt.Errorf("delete template %q locally: %w", name, err)
			}
		}
	}
	c.bus.Publish(Event{Kind: EventTemplatesChanged, ChannelID: id})
	return nil
}

// StatusLabel is the owner-facing name of a template status.
func StatusLabel(s TemplateStatus) string {
	switch s {
	case TemplateSubmitted:
		return "Submitted"
	case TemplateApproved:
		return "Approved"
	case TemplateRejected:
		return "Rejected"
	case TemplatePaused:
		return "Paused"
	case TemplateDisabled:
		return "Disabled"
	case TemplateDraft:
		return "Draft"
	}
	return "Unknown"
}
