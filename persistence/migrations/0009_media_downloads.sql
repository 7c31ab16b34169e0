-- 0009_media_downloads.sql: attachments are saved when they arrive.
-- WhatsApp's media ids expire after about a week, so every customer's
-- attachment is queued here in the transaction that stores its message,
-- and a worker saves it to the media folder in the background, whether or
-- not the owner ever opens the conversation. A row leaves the queue when
-- its file is saved or can no longer be (the message's media JSON then
-- says why, under "lost"); until then it waits here across restarts and
-- offline hours, with its attempts and the time of the next one.

CREATE TABLE media_downloads (
    message_id INTEGER PRIMARY KEY REFERENCES messages (id) ON DELETE CASCADE,
    channel_id INTEGER NOT NULL REFERENCES channels (id) ON DELETE CASCADE,
    queued_at  INTEGER NOT NULL,
    attempts   INTEGER NOT NULL DEFAULT 0,
    next_at    INTEGER NOT NULL DEFAULT 0,  -- no attempt before this
    last_error TEXT    NOT NULL DEFAULT ''
) STRICT;

CREATE INDEX media_downloads_due ON media_downloads (next_at, message_id);

-- Attachments that arrived before this version and were never opened
-- are queued too; those already too old are marked lost by the worker
-- without asking WhatsApp.
INSERT INTO media_downloads (message_id, channel_id, queued_at)
    SELECT id, channel_id, timestamp FROM messages
    WHERE direction = 'in' AND media IS NOT NULL
        AND COALESCE(json_extract(media, '$.id'), '') <> ''
        AND COALESCE(json_extract(media, '$.local_path'), '') = '';
