package app

import (
	"context"
	"errors"
	"fmt"
	"strings"
)

// SubmitResult tells the owner what happened to a submitted template.
type SubmitResult struct {
	Template Template
	Draft    bool   // kept as a local draft (offline); submit it later
	Message  string // plain-language summary
}

// DraftSavedOfflineMessage is shown when a submit could not reach WhatsApp.
const DraftSavedOfflineMessage = "You are offline, so the template was saved as a draft on this computer. Submit it again when you are online."

// SaveTemplateDraft stores a template locally as a draft without checking
// it, so an unfinished template is never lost.
func (c *TemplateUseCases) SaveTemplateDraft(ctx context.Context, id ChannelID, t Template) error {
	t.Status = TemplateDraft
	t.ID = ""
	t.RejectedReason = ""
	t.ModifiedAt = c.clock.Now()
	if strings.TrimSpace(t.Name) == "" || strings.TrimSpace(t.Language) == "" {
		return ValidationErrors{{Field: FieldTemplateName, Message: "Give the template a name and a language before saving it as a draft."}}
	}
	if err := c.store.UpsertTemplate(ctx, id, t); err != nil {
		return fmt.Errorf("save template draft: %w", err)
	}
	c.bus.Publish(Event{Kind: EventTemplatesChanged, ChannelID: id})
	return nil
}

// TemplateNameTaken reports whether a synced or submitted template with
// this name and language exists, so the builder can warn before submitting.
func (c *TemplateUseCases) TemplateNameTaken(ctx context.Context, id ChannelID, name, language string) (bool, error) {
	ts, err := c.store.Templates(ctx, id)
	if err != nil {
		return false, fmt.Errorf("check template name: %w", err)
	}
	for _, t := range ts {
		if t.Name == name && t.Language == language && t.Status != TemplateDraft {
			return true, nil
		}
	}
	return false, nil
}

// SubmitTemplate validates the template, saves it as a draft first (so
// nothing is lost), then submits it to WhatsApp for review. Offline it
// stays a draft; a rejection at submit time comes back with WhatsApp's
// reason and the draft kept.
func (c *TemplateUseCases) SubmitTemplate(ctx context.Context, id ChannelID, t Template) (SubmitResult, error) {
	if errs := ValidateTemplate(t); len(errs) > 0 {
		return SubmitResult{}, errs
	}
	if taken, err := c.TemplateNameTaken(ctx, id, t.Name, t.Language); err != nil {
		return SubmitResult{}, err
	} else if taken {
		return SubmitResult{}, ValidationErrors{{Field: FieldTemplateName, Message: fmt.Sprintf(
			"A template named %q already exists in %s. Choose another name.", t.Name, LanguageLabel(t.Language))}}
	}
	if err := c.SaveTemplateDraft(ctx, id, t); err != nil {
		return SubmitResult{}, err
	}
	p, err := c.provider(id)
	if err != nil {
		return SubmitResult{}, keyringProblem("submit template", err)
	}
	created, err := p.CreateTemplate(ctx, t)
	if err != nil {
		var pe *ProviderError
		if errors.As(err, &pe) && pe.Temporary() && !pe.MaybeSent {
			t.Status = TemplateDraft
			return SubmitResult{Template: t, Draft: true, Message: DraftSavedOfflineMessage}, nil
		}
		if errors.As(err, &pe) && pe.Kind != KindBadKey {
			return SubmitResult{Template: t, Draft: true}, ValidationErrors{{Field: FieldForm,
				Message: "WhatsApp did not accept the template: " + pe.Plain + " Your template is kept as a draft."}}
		}
		return SubmitResult{Template: t, Draft: true}, fmt.Errorf("submit template: %w", err)
	}
	created.Variables = t.Variables
	created.Header.Media, created.Header.MediaName, created.Header.MediaMIME = nil, "", ""
	if err := c.store.UpsertTemplate(ctx, id, created); err != nil {
		return SubmitResult{}, fmt.Errorf("submit template: store: %w", err)
	}
	c.log.Info("template submitted", "channel", id, "name", t.Name, "language", t.Language)
	c.bus.Publish(Event{Kind: EventTemplatesChanged, ChannelID: id})
	return SubmitResult{Template: created, Message: fmt.Sprintf(
		"Template %q was submitted. WhatsApp usually reviews it within minutes, at most 24 hours.", t.Name)}, nil
}

// DeleteTemplateDraft removes a local draft.
func (c *TemplateUseCases) DeleteTemplateDraft(ctx context.Context, id ChannelID, name, language string) error {
	if err := c.store.DeleteTemplate(ctx, id, name, language); err != nil {
		return fmt.Errorf("delete draft: %w", err)
	}
	c.bus.Publish(Event{Kind: EventTemplatesChanged, ChannelID: id})
	return nil
}

// DuplicateTemplate returns a copy of t ready to edit as a new draft, named
// so it does not clash with the original.
func DuplicateTemplate(t Template) Template {
	d := t
	d.ID, d.Status, d.RejectedReason = "", TemplateDraft, ""
	suffix := "_copy"
	if len(d.Name)+len(suffix) > MaxTemplateName {
		d.Name = d.Name[:MaxTemplateName-len(suffix)]
	}
	d.Name += suffix
	d.Buttons = append([]TemplateButton(nil), t.Buttons...)
	d.BodyExamples = append([]string(nil), t.BodyExamples...)
	d.Variables = append([]Variable(nil), t.Variables...)
	return d
}
