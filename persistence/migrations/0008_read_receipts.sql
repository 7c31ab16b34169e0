-- 0008_read_receipts.sql: read receipts (blue ticks for the customer).
-- When the owner reads a conversation, Parley tells WhatsApp that its
-- newest customer message was read; until that call succeeds the receipt
-- waits here, so it survives being offline and restarts. One per
-- conversation: WhatsApp marks the earlier messages read too, so a newer
-- receipt replaces an older one. The settings row holds the owner's
-- app-wide choices kept in the data folder.

CREATE TABLE read_receipts (
    conversation_id INTEGER PRIMARY KEY REFERENCES conversations (id) ON DELETE CASCADE,
    channel_id      INTEGER NOT NULL REFERENCES channels (id) ON DELETE CASCADE,
    wa_message_id   TEXT    NOT NULL CHECK (wa_message_id <> ''),
    queued_at       INTEGER NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_at         INTEGER NOT NULL DEFAULT 0  -- no attempt before this
) STRICT;

CREATE INDEX read_receipts_due ON read_receipts (next_at);

CREATE TABLE settings (
    id            INTEGER PRIMARY KEY CHECK (id = 1),
    read_receipts INTEGER NOT NULL DEFAULT 1 CHECK (read_receipts IN (0, 1))
) STRICT;

INSERT INTO settings (id) VALUES (1);
