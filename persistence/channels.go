package persistence

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/base64"
	"errors"
	"fmt"

	"github.com/parley-app/parley/app"
)

// ErrWebhookTokenTaken is returned when a channel is saved with the
// webhook token of another channel.
var ErrWebhookTokenTaken = errors.New("another channel already uses this webhook address")

const channelColumns = `id, name, phone_number, provider, webhook_token, webhook_secret, webhook_url,
	key_state, created_at, last_event_at, disconnected, ` + healthColumns

// CreateChannel stores a new channel and returns it with its ID. An empty
// WebhookToken is replaced by a new random one; a zero CreatedAt by now.
func (s *Store) CreateChannel(ctx context.Context, c app.Channel) (app.Channel, error) {
	if c.WebhookToken == "" {
		tok, err := NewWebhookToken()
		if err != nil {
			return app.Channel{}, fmt.Errorf("create channel: %w", err)
		}
		c.WebhookToken = tok
	}
	if c.CreatedAt.IsZero() {
		c.CreatedAt = s.now()
	}
	if c.Provider == "" {
		c.Provider = app.ProviderName360dialog
	}
	err := s.write(ctx, func(tx *sql.Tx) error {
		return tx.QueryRowContext(ctx, `INSERT INTO channels
			(name, phone_number, provider, webhook_token, webhook_secret, webhook_url, key_state, created_at, last_event_at, disconnected)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
			c.Name, c.PhoneNumber, c.Provider, c.WebhookToken, c.WebhookSecret, c.WebhookURL, string(c.KeyState),
			timeValue(c.CreatedAt), timeValue(c.LastEventAt), c.Disconnected).Scan(&c.ID)
	})
	if isUniqueError(err) {
		return app.Channel{}, fmt.Errorf("create channel: %w", ErrWebhookTokenTaken)
	}
	if err != nil {
		return app.Channel{}, fmt.Errorf("create channel: %w", err)
	}
	return c, nil
}

// UpdateChannel saves the editable fields of c (name, number, provider,
// webhook settings, key state, disconnected). CreatedAt and LastEventAt are kept as
// stored, so a stale copy never turns them back.
func (s *Store) UpdateChannel(ctx context.Context, c app.Channel) error {
	err := s.write(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE channels SET name = ?, phone_number = ?, provider = ?,
			webhook_token = ?, webhook_secret = ?, webhook_url = ?, key_state = ?, disconnected = ? WHERE id = ?`,
			c.Name, c.PhoneNumber, c.Provider, c.WebhookToken, c.WebhookSecret, c.WebhookURL, string(c.KeyState),
			c.Disconnected, c.ID)
		if err != nil {
			return err
		}
		return checkAffected(res, fmt.Sprintf("channel %d", c.ID))
	})
	if isUniqueError(err) {
		return fmt.Errorf("update channel: %w", ErrWebhookTokenTaken)
	}
	if err != nil {
		return fmt.Errorf("update channel: %w", err)
	}
	return nil
}

// DeleteChannel removes the channel and, through ON DELETE CASCADE, its
// profile, templates, contacts, conversations, messages and events. The
// API key in the keyring is not touched.
func (s *Store) DeleteChannel(ctx context.Context, id app.ChannelID) error {
	err := s.write(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM channels WHERE id = ?`, id)
		if err != nil {
			return err
		}
		return checkAffected(res, fmt.Sprintf("channel %d", id))
	})
	if err != nil {
		return fmt.Errorf("delete channel: %w", err)
	}
	return nil
}

// Channel returns one channel, or app.ErrNotFound.
func (s *Store) Channel(ctx context.Context, id app.ChannelID) (app.Channel, error) {
	c, err := scanChannel(s.ro.QueryRowContext(ctx, `SELECT `+channelColumns+` FROM channels WHERE id = ?`, id))
	if err != nil {
		return app.Channel{}, fmt.Errorf("read channel %d: %w", id, err)
	}
	return c, nil
}

// ChannelByWebhookToken returns the channel whose receiver path uses
// token, or app.ErrNotFound.
func (s *Store) ChannelByWebhookToken(ctx context.Context, token string) (app.Channel, error) {
	c, err := scanChannel(s.ro.QueryRowContext(ctx, `SELECT `+channelColumns+` FROM channels WHERE webhook_token = ?`, token))
	if err != nil {
		return app.Channel{}, fmt.Errorf("read channel by webhook address: %w", err)
	}
	return c, nil
}

// Channels returns every channel in the order they were added.
func (s *Store) Channels(ctx context.Context) ([]app.Channel, error) {
	rows, err := s.ro.QueryContext(ctx, `SELECT `+channelColumns+` FROM channels ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("list channels: %w", err)
	}
	defer rows.Close()
	var cs []app.Channel
	for rows.Next() {
		c, err := scanChannel(rows)
		if err != nil {
			return nil, fmt.Errorf("list channels: %w", err)
		}
		cs = append(cs, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list channels: %w", err)
	}
	return cs, nil
}

// rowScanner is *sql.Row or *sql.Rows.
type rowScanner interface {
	Scan(dest ...any) error
}

// scanChannel reads one row of channelColumns.
func scanChannel(r rowScanner) (app.Channel, error) {
	var c app.Channel
	var keyState string
	var created, lastEvent, until, healthAt sql.NullInt64
	var quality, limit, restriction string
	h := &c.Health
	err := r.Scan(&c.ID, &c.Name, &c.PhoneNumber, &c.Provider, &c.WebhookToken, &c.WebhookSecret, &c.WebhookURL,
		&keyState, &created, &lastEvent, &c.Disconnected,
		&quality, &limit, &restriction, &h.Restriction.Blocks, &h.Restriction.Violation, &until, &healthAt)
	if errors.Is(err, sql.ErrNoRows) {
		return app.Channel{}, app.ErrNotFound
	}
	if err != nil {
		return app.Channel{}, err
	}
	c.KeyState = app.KeyState(keyState)
	c.CreatedAt = timeOf(created)
	c.LastEventAt = timeOf(lastEvent)
	h.Quality, h.Limit = app.Quality(quality), app.MessagingLimit(limit)
	h.Restriction.Kind = app.RestrictionKind(restriction)
	h.Restriction.Until, h.UpdatedAt = timeOf(until), timeOf(healthAt)
	return c, nil
}

// NewWebhookToken returns a new unguessable webhook path segment
// (128 random bits, URL-safe).
func NewWebhookToken() (string, error) {
	b := make([]byte, 16)
	if _, err := rand.Read(b); err != nil {
		return "", fmt.Errorf("make webhook token: %w", err)
	}
	return base64.RawURLEncoding.EncodeToString(b), nil
}
