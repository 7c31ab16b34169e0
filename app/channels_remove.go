package app

import (
	"context"
	"errors"
	"fmt"
	"strings"
)

// DisconnectChannel removes the channel's API key from the keyring and
// marks the channel disconnected, keeping its conversations, templates and
// profile on this computer. Nothing can be sent or synced for it until it
// is reconnected (ReconnectChannel) or removed (RemoveChannel). If the
// store cannot be updated, the key is put back, so nothing is half-done.
func (c *ChannelUseCases) DisconnectChannel(ctx context.Context, id ChannelID) error {
	ch, err := c.store.Channel(ctx, id)
	if err != nil {
		return fmt.Errorf("disconnect channel: %w", err)
	}
	oldKey, keyErr := c.secrets.APIKey(id)
	if keyErr != nil && !errors.Is(keyErr, ErrNotFound) {
		return keyringProblem("disconnect channel", keyErr)
	}
	if err := c.secrets.DeleteAPIKey(id); err != nil && !errors.Is(err, ErrNotFound) {
		return keyringProblem("disconnect channel", err)
	}
	ch.Disconnected = true
	ch.KeyState = KeyUnknown
	if err := c.store.UpdateChannel(ctx, ch); err != nil {
		if keyErr == nil {
			if rerr := c.secrets.SetAPIKey(id, oldKey); rerr != nil {
				c.log.Error("disconnect channel: put key back after store failure", "channel", id, "err", rerr)
			}
		}
		return fmt.Errorf("disconnect channel: %w", err)
	}
	c.log.Info("channel disconnected, data kept", "channel", id)
	c.bus.Publish(Event{Kind: EventChannelsChanged, ChannelID: id})
	return nil
}

// ReconnectChannel connects a disconnected channel again with number and
// key. Like AddChannel, the key is verified with 360dialog before anything
// is stored; field problems come back as ValidationErrors.
func (c *ChannelUseCases) ReconnectChannel(ctx context.Context, id ChannelID, number, key string) error {
	ch, err := c.store.Channel(ctx, id)
	if err != nil {
		return fmt.Errorf("reconnect channel: %w", err)
	}
	var errs ValidationErrors
	normalized, perr := NormalizePhone(number)
	if perr != nil {
		errs = append(errs, FieldError{Field: FieldNumber, Message: perr.Error()})
	}
	key = strings.TrimSpace(key)
	if msg := validateAPIKey(key); msg != "" {
		errs = append(errs, FieldError{Field: FieldAPIKey, Message: msg})
	}
	if len(errs) > 0 {
		return errs
	}
	if _, err := c.verifyKeyForNumber(ctx, key, normalized); err != nil {
		return err
	}
	if err := c.secrets.SetAPIKey(id, key); err != nil {
		return keyringProblem("reconnect channel", err)
	}
	ch.PhoneNumber = normalized
	ch.KeyState = KeyOK
	ch.Disconnected = false
	if err := c.store.UpdateChannel(ctx, ch); err != nil {
		if derr := c.secrets.DeleteAPIKey(id); derr != nil {
			c.log.Error("reconnect channel: roll back key after store failure", "channel", id, "err", derr)
		}
		return fmt.Errorf("reconnect channel: %w", err)
	}
	c.log.Info("channel reconnected", "channel", id)
	c.bus.Publish(Event{Kind: EventChannelsChanged, ChannelID: id})
	c.wakeOutbox() // messages queued before the disconnect go out now
	return nil
}

// checkNumberIsNew refuses a number that already has a channel, pointing
// to that channel instead.
func (c *ChannelUseCases) checkNumberIsNew(ctx context.Context, number string) error {
	chs, err := c.store.Channels(ctx)
	if err != nil {
		return fmt.Errorf("add channel: list channels: %w", err)
	}
	for _, ch := range chs {
		if !SamePhone(ch.PhoneNumber, number) {
			continue
		}
		msg := fmt.Sprintf("%s is already connected as “%s”. Open Configure there to change its API key.", FormatPhone(number), ch.Name)
		if ch.Disconnected {
			msg = fmt.Sprintf("%s is already in your list as “%s”, disconnected. Use Reconnect there to keep its conversations.", FormatPhone(number), ch.Name)
		}
		return ValidationErrors{{Field: FieldNumber, Message: msg}}
	}
	return nil
}
