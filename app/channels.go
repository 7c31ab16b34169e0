package app

import (
	"context"
	"crypto/rand"
	"encoding/base32"
	"errors"
	"fmt"
	"strings"
)

// Field keys of the Add Channel and Configure forms.
const (
	FieldChannelName = "name"
	FieldNumber      = "number"
	FieldAPIKey      = "api_key"
	FieldForm        = "" // a problem of the whole form (network, provider)
)

// MaxChannelNameLen bounds the internal channel label.
const MaxChannelNameLen = 60

// NewChannel is what the Add Channel wizard collects.
type NewChannel struct {
	Name   string
	Number string
	APIKey string
}

// ValidateNewChannel checks the wizard's fields without touching the network.
func ValidateNewChannel(nc NewChannel) ValidationErrors {
	var errs ValidationErrors
	if msg := validateChannelName(nc.Name); msg != "" {
		errs = append(errs, FieldError{Field: FieldChannelName, Message: msg})
	}
	if _, err := NormalizePhone(nc.Number); err != nil {
		errs = append(errs, FieldError{Field: FieldNumber, Message: err.Error()})
	}
	if msg := validateAPIKey(nc.APIKey); msg != "" {
		errs = append(errs, FieldError{Field: FieldAPIKey, Message: msg})
	}
	return errs
}

func validateChannelName(name string) string {
	n := len([]rune(strings.TrimSpace(name)))
	if n > MaxChannelNameLen {
		return fmt.Sprintf("The channel name can be at most %d characters (now %d).", MaxChannelNameLen, n)
	}
	return ""
}

func validateAPIKey(key string) string {
	k := strings.TrimSpace(key)
	switch {
	case k == "":
		return "Paste the API key from the 360dialog hub."
	case strings.ContainsAny(k, " \t\r\n"):
		return "The API key cannot contain spaces. Copy it again from the 360dialog hub."
	case len(k) < 8:
		return "This API key is too short. Copy the whole key from the 360dialog hub."
	}
	return ""
}

// ChannelUseCases are the use cases of channels: adding, renaming,
// reconnecting and removing them, checking their connection, and
// registering and testing their webhook.
type ChannelUseCases struct {
	*ports
}

// AddChannel verifies the API key with 360dialog and only then stores the
// channel (row in the store, key in the keyring). Field problems come back
// as ValidationErrors at the field they concern; nothing is half-written.
func (c *ChannelUseCases) AddChannel(ctx context.Context, nc NewChannel) (Channel, error) {
	if errs := ValidateNewChannel(nc); len(errs) > 0 {
		return Channel{}, errs
	}
	number, _ := NormalizePhone(nc.Number)
	if err := c.checkNumberIsNew(ctx, number); err != nil {
		return Channel{}, err
	}
	key := strings.TrimSpace(nc.APIKey)
	checked, err := c.verifyKeyForNumber(ctx, key, number)
	if err != nil {
		return Channel{}, err
	}
	name := strings.TrimSpace(nc.Name)
	if name == "" {
		name = "WhatsApp " + FormatPhone(number)
	}
	ch := Channel{
		Name:          name,
		PhoneNumber:   number,
		Provider:      ProviderName360dialog,
		WebhookToken:  randomToken(20),
		WebhookSecret: randomToken(20),
		CreatedAt:     c.clock.Now(),
		KeyState:      KeyOK,
	}
	saved, err := c.store.CreateChannel(ctx, ch)
	if err != nil {
		return Channel{}, fmt.Errorf("add channel: save: %w", err)
	}
	if err := c.secrets.SetAPIKey(saved.ID, key); err != nil {
		if derr := c.store.DeleteChannel(ctx, saved.ID); derr != nil {
			c.log.Error("add channel: roll back after keyring failure", "channel", saved.ID, "err", derr)
		}
		return Channel{}, keyringProblem("add channel", err)
	}
	c.log.Info("channel added", "channel", saved.ID, "number", number, "number_checked", checked)
	c.bus.Publish(Event{Kind: EventChannelsChanged, ChannelID: saved.ID})
	if !checked {
		saved.NumberNote = UncheckedNumberNote(number)
	}
	return saved, nil
}

// verifyKeyForNumber asks 360dialog whether key works and belongs to
// number. A key of another number is refused at the number field. checked
// is false when the key works but 360dialog did not say its number: the
// match could not be verified, and the caller must say so.
//
// Such a key is not refused: the number comes from a phone-number field
// 360dialog does not document (see dialog360.Client.VerifyKey), so its
// absence says nothing about the key, and refusing would lock the owner
// out of a working number.
func (c *ChannelUseCases) verifyKeyForNumber(ctx context.Context, key, number string) (checked bool, err error) {
	info, err := c.providers(key).VerifyKey(ctx)
	if err != nil {
		return false, providerFieldError(err)
	}
	if info.PhoneNumber == "" {
		c.log.Warn("key works, but 360dialog did not say its number; match not checked", "number", number)
		return false, nil
	}
	if !SamePhone(info.PhoneNumber, number) {
		return false, ValidationErrors{{Field: FieldNumber, Message: fmt.Sprintf(
			"This API key belongs to %s, not %s. Check the number, or copy the key of this number from the 360dialog hub.",
			FormatPhone(info.PhoneNumber), FormatPhone(number))}}
	}
	return true, nil
}

// providerFieldError puts a provider failure at the field it concerns.
func providerFieldError(err error) error {
	var pe *ProviderError
	if !errors.As(err, &pe) {
		return fmt.Errorf("check API key: %w", err)
	}
	field := FieldForm
	if pe.Kind == KindBadKey {
		field = FieldAPIKey
	}
	return ValidationErrors{{Field: field, Message: pe.Plain}}
}

// keyringProblem explains a keyring failure in plain words.
func keyringProblem(op string, err error) error {
	if errors.Is(err, ErrNoKeyring) {
		return ValidationErrors{{Field: FieldForm, Message: NoKeyringMessage, Kind: ErrNoKeyring}}
	}
	return fmt.Errorf("%s: store API key in keyring: %w", op, err)
}

// RenameChannel changes the internal label of a channel.
func (c *ChannelUseCases) RenameChannel(ctx context.Context, id ChannelID, name string) error {
	if msg := validateChannelName(name); msg != "" {
		return ValidationErrors{{Field: FieldChannelName, Message: msg}}
	}
	ch, err := c.store.Channel(ctx, id)
	if err != nil {
		return fmt.Errorf("rename channel: %w", err)
	}
	ch.Name = strings.TrimSpace(name)
	if ch.Name == "" {
		ch.Name = "WhatsApp " + FormatPhone(ch.PhoneNumber)
	}
	if err := c.store.UpdateChannel(ctx, ch); err != nil {
		return fmt.Errorf("rename channel: %w", err)
	}
	c.bus.Publish(Event{Kind: EventChannelsChanged, ChannelID: id})
	return nil
}

// ChangeConnection replaces the number and/or API key of a channel. A new
// key (non-empty newKey) is verified before it replaces the old one.
func (c *ChannelUseCases) ChangeConnection(ctx context.Context, id ChannelID, number, newKey string) error {
	ch, err := c.store.Channel(ctx, id)
	if err != nil {
		return fmt.Errorf("change connection: %w", err)
	}
	normalized, err := NormalizePhone(number)
	if err != nil {
		return ValidationErrors{{Field: FieldNumber, Message: err.Error()}}
	}
	key := strings.TrimSpace(newKey)
	if key == "" {
		if key, err = c.secrets.APIKey(id); err != nil {
			return keyringProblem("change connection", err)
		}
	} else if msg := validateAPIKey(key); msg != "" {
		return ValidationErrors{{Field: FieldAPIKey, Message: msg}}
	}
	if _, err := c.verifyKeyForNumber(ctx, key, normalized); err != nil {
		return err
	}
	if strings.TrimSpace(newKey) != "" {
		if err := c.secrets.SetAPIKey(id, key); err != nil {
			return keyringProblem("change connection", err)
		}
	}
	ch.PhoneNumber = normalized
	ch.KeyState = KeyOK
	if err := c.store.UpdateChannel(ctx, ch); err != nil {
		return fmt.Errorf("change connection: %w", err)
	}
	c.bus.Publish(Event{Kind: EventChannelsChanged, ChannelID: id})
	return nil
}

// RemoveChannel deletes the channel's API key from the keyring and the
// channel with all its local data from the store.
func (c *ChannelUseCases) RemoveChannel(ctx context.Context, id ChannelID) error {
	if err := c.secrets.DeleteAPIKey(id); err != nil && !errors.Is(err, ErrNotFound) {
		return keyringProblem("remove channel", err)
	}
	if err := c.store.DeleteChannel(ctx, id); err != nil {
		return fmt.Errorf("remove channel: %w", err)
	}
	c.log.Info("channel removed", "channel", id)
	c.bus.Publish(Event{Kind: EventChannelsChanged, ChannelID: id})
	return nil
}

// Channels lists every channel.
func (c *ChannelUseCases) Channels(ctx context.Context) ([]Channel, error) {
	chs, err := c.store.Channels(ctx)
	if err != nil {
		return nil, fmt.Errorf("list channels: %w", err)
	}
	return chs, nil
}

// randomToken returns n random bytes as lowercase base32 without padding.
func randomToken(n int) string {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		panic(fmt.Sprintf("crypto/rand failed: %v", err))
	}
	return strings.ToLower(base32.StdEncoding.WithPadding(base32.NoPadding).EncodeToString(b))
}
