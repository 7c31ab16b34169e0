-- 0001_init.sql: Parley's first schema.
--
-- Conventions: times are INTEGER Unix nanoseconds (NULL = never); structured
-- values are JSON TEXT in a format owned by persistence/codec.go; every table
-- belongs to a channel and disappears with it (ON DELETE CASCADE).
-- No table has a column for an API key: keys live only in the OS keyring.

CREATE TABLE channels (
    id             INTEGER PRIMARY KEY,
    name           TEXT    NOT NULL,
    phone_number   TEXT    NOT NULL DEFAULT '',
    provider       TEXT    NOT NULL DEFAULT '',
    webhook_token  TEXT    NOT NULL UNIQUE CHECK (webhook_token <> ''),
    webhook_secret TEXT    NOT NULL DEFAULT '',
    webhook_url    TEXT    NOT NULL DEFAULT '',
    key_state      TEXT    NOT NULL DEFAULT '',
    created_at     INTEGER NOT NULL,
    last_event_at  INTEGER
) STRICT;

-- One row per channel once it was synced or edited.
CREATE TABLE profiles (
    channel_id         INTEGER PRIMARY KEY REFERENCES channels (id) ON DELETE CASCADE,
    remote             TEXT,    -- JSON profile as last read from WhatsApp
    synced_at          INTEGER,
    pending            TEXT,    -- JSON edited profile; NULL when nothing is pending
    pending_base       TEXT,    -- JSON remote profile the edit started from
    pending_photo      BLOB,
    pending_photo_mime TEXT    NOT NULL DEFAULT '',
    pending_edited_at  INTEGER,
    pending_last_error TEXT    NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE templates (
    id              INTEGER PRIMARY KEY,
    channel_id      INTEGER NOT NULL REFERENCES channels (id) ON DELETE CASCADE,
    remote_id       TEXT    NOT NULL DEFAULT '',
    name            TEXT    NOT NULL CHECK (name <> ''),
    language        TEXT    NOT NULL,
    category        TEXT    NOT NULL DEFAULT '',
    status          TEXT    NOT NULL,
    rejected_reason TEXT    NOT NULL DEFAULT '',
    components      TEXT    NOT NULL,               -- JSON header, body, footer, buttons
    variables       TEXT    NOT NULL DEFAULT '[]',  -- JSON dynamic-variable bindings
    is_draft        INTEGER NOT NULL DEFAULT 0 CHECK (is_draft IN (0, 1)),
    modified_at     INTEGER,
    UNIQUE (channel_id, name, language)
) STRICT;

CREATE INDEX templates_remote_id ON templates (channel_id, remote_id) WHERE remote_id <> '';

CREATE TABLE sync_state (
    channel_id          INTEGER PRIMARY KEY REFERENCES channels (id) ON DELETE CASCADE,
    templates_synced_at INTEGER
) STRICT;

CREATE TABLE contacts (
    id              INTEGER PRIMARY KEY,
    channel_id      INTEGER NOT NULL REFERENCES channels (id) ON DELETE CASCADE,
    wa_id           TEXT    NOT NULL CHECK (wa_id <> ''),
    name            TEXT    NOT NULL DEFAULT '',
    last_inbound_at INTEGER,
    UNIQUE (channel_id, wa_id)
) STRICT;

CREATE TABLE conversations (
    id              INTEGER PRIMARY KEY,
    channel_id      INTEGER NOT NULL REFERENCES channels (id) ON DELETE CASCADE,
    wa_id           TEXT    NOT NULL CHECK (wa_id <> ''),
    last_message_at INTEGER,
    last_preview    TEXT    NOT NULL DEFAULT '',
    unread          INTEGER NOT NULL DEFAULT 0 CHECK (unread >= 0),
    last_inbound_at INTEGER,
    UNIQUE (channel_id, wa_id)
) STRICT;

-- The inbox: a channel's conversations, most recent first.
CREATE INDEX conversations_recent ON conversations (channel_id, last_message_at DESC, id DESC);

-- Inbound and outbound messages. Outbound rows double as the outbox: state
-- queued = waiting to be sent, sending = handed to the network.
CREATE TABLE messages (
    id              INTEGER PRIMARY KEY,
    channel_id      INTEGER NOT NULL REFERENCES channels (id) ON DELETE CASCADE,
    conversation_id INTEGER NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    wa_message_id   TEXT CHECK (wa_message_id <> ''),  -- NULL until WhatsApp assigns one
    direction       TEXT    NOT NULL CHECK (direction IN ('in', 'out')),
    type            TEXT    NOT NULL CHECK (type <> ''),
    raw_type        TEXT    NOT NULL DEFAULT '',
    sender          TEXT    NOT NULL DEFAULT '',
    text            TEXT    NOT NULL DEFAULT '',
    payload         TEXT    NOT NULL DEFAULT '',
    media           TEXT,   -- JSON
    location        TEXT,   -- JSON
    contacts        TEXT,   -- JSON
    reply_to        TEXT    NOT NULL DEFAULT '',
    forwarded       INTEGER NOT NULL DEFAULT 0 CHECK (forwarded IN (0, 1)),
    timestamp       INTEGER NOT NULL,
    state           TEXT    NOT NULL CHECK (state <> ''),
    error_code      INTEGER NOT NULL DEFAULT 0,
    error_text      TEXT    NOT NULL DEFAULT '',
    template        TEXT,   -- JSON
    -- Every inbound message carries WhatsApp's id: it makes ingest idempotent.
    CHECK (direction = 'out' OR wa_message_id IS NOT NULL),
    -- NULLs are distinct, so any number of queued messages may lack an id.
    UNIQUE (channel_id, wa_message_id)
) STRICT;

-- A conversation's messages, newest first, for keyset paging.
CREATE INDEX messages_conversation ON messages (conversation_id, id DESC);
-- The outbox: queued messages per conversation, and those in flight.
CREATE INDEX messages_queued ON messages (conversation_id, id) WHERE state = 'queued';
CREATE INDEX messages_sending ON messages (conversation_id) WHERE state = 'sending';

-- Statuses that arrived before the outbox recorded the message's WhatsApp
-- id (the webhook can beat the send response). Applied when the id is
-- recorded; pruned after a day.
CREATE TABLE early_statuses (
    channel_id    INTEGER NOT NULL REFERENCES channels (id) ON DELETE CASCADE,
    wa_message_id TEXT    NOT NULL,
    state         TEXT    NOT NULL,
    error_code    INTEGER NOT NULL DEFAULT 0,
    error_text    TEXT    NOT NULL DEFAULT '',
    received_at   INTEGER NOT NULL,
    PRIMARY KEY (channel_id, wa_message_id, state)
) STRICT, WITHOUT ROWID;

CREATE INDEX early_statuses_received ON early_statuses (received_at);

-- Webhook events Parley records: out-of-band errors, template events and
-- everything it does not act on.
CREATE TABLE provider_events (
    id          INTEGER PRIMARY KEY,
    channel_id  INTEGER NOT NULL REFERENCES channels (id) ON DELETE CASCADE,
    kind        TEXT    NOT NULL CHECK (kind IN ('error', 'template', 'other')),
    field       TEXT    NOT NULL DEFAULT '',
    code        INTEGER NOT NULL DEFAULT 0,
    title       TEXT    NOT NULL DEFAULT '',
    detail      TEXT    NOT NULL DEFAULT '',
    occurred_at INTEGER,
    received_at INTEGER NOT NULL
) STRICT;

CREATE INDEX provider_events_channel ON provider_events (channel_id, id DESC);
