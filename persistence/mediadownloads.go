package persistence

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/parley-app/parley/app"
)

// queueMediaSQL queues the attachment of a just-stored inbound message
// (see 0009_media_downloads.sql).
const queueMediaSQL = `INSERT INTO media_downloads (message_id, channel_id, queued_at) VALUES (?, ?, ?)
	ON CONFLICT (message_id) DO NOTHING`

// queueMedia queues m's attachment, in the transaction that stores m,
// when WhatsApp gave it a media id to fetch it by.
func queueMedia(ctx context.Context, tx execer, m app.Message, now time.Time) error {
	if m.Media == nil || m.Media.ID == "" || m.Media.LocalPath != "" {
		return nil
	}
	if _, err := tx.ExecContext(ctx, queueMediaSQL, m.ID, m.ChannelID, now.UnixNano()); err != nil {
		return fmt.Errorf("queue attachment of message %s: %w", m.WAMessageID, err)
	}
	return nil
}

// DueMediaDownloads returns up to limit queued attachments due at now,
// oldest message first; those of a disconnected channel wait until it is
// reconnected.
func (s *Store) DueMediaDownloads(ctx context.Context, now time.Time, limit int) ([]app.MediaDownload, error) {
	rows, err := s.ro.QueryContext(ctx, `SELECT d.message_id, d.channel_id, m.conversation_id, m.timestamp, d.queued_at, d.attempts
		FROM media_downloads d JOIN messages m ON m.id = d.message_id
		WHERE d.next_at <= ? AND d.channel_id NOT IN (SELECT id FROM channels WHERE disconnected)
		ORDER BY d.message_id LIMIT ?`, now.UnixNano(), limit)
	if err != nil {
		return nil, fmt.Errorf("read queued attachments: %w", err)
	}
	defer rows.Close()
	var out []app.MediaDownload
	for rows.Next() {
		var d app.MediaDownload
		var sent, queued int64
		if err := rows.Scan(&d.MessageID, &d.ChannelID, &d.ConversationID, &sent, &queued, &d.Attempts); err != nil {
			return nil, fmt.Errorf("read queued attachments: %w", err)
		}
		d.SentAt, d.QueuedAt = time.Unix(0, sent), time.Unix(0, queued)
		out = append(out, d)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read queued attachments: %w", err)
	}
	return out, nil
}

// DeferMediaDownload counts a failed attempt to save a message's
// attachment and holds it until next.
func (s *Store) DeferMediaDownload(ctx context.Context, messageID int64, next time.Time, errText string) error {
	err := s.write(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `UPDATE media_downloads SET attempts = attempts + 1, next_at = ?, last_error = ?
			WHERE message_id = ?`, next.UnixNano(), errText, messageID)
		return err
	})
	if err != nil {
		return fmt.Errorf("hold attachment of message %d: %w", messageID, err)
	}
	return nil
}

// MediaDownloadLost records on the message why its attachment cannot be
// saved and takes it off the queue, in one transaction.
func (s *Store) MediaDownloadLost(ctx context.Context, messageID int64, why app.MediaLost) error {
	err := s.write(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `UPDATE messages SET media = json_set(media, '$.lost', ?)
			WHERE id = ? AND media IS NOT NULL`, string(why), messageID); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `DELETE FROM media_downloads WHERE message_id = ?`, messageID)
		return err
	})
	if err != nil {
		return fmt.Errorf("record lost attachment of message %d: %w", messageID, err)
	}
	return nil
}
