-- 0002_channel_disconnected.sql: a channel can be disconnected (its API key
-- removed from the keyring) while its conversations and templates are kept.

ALTER TABLE channels ADD COLUMN disconnected INTEGER NOT NULL DEFAULT 0 CHECK (disconnected IN (0, 1));
