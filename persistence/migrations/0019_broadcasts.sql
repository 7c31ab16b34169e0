-- 0019_broadcasts.sql: broadcasts, one approved template sent to many
-- customers.
--
-- A broadcast is one row in broadcasts plus, per recipient, one row in
-- broadcast_recipients and one outbound message in messages, all written
-- in one transaction. The message is the recipient's outbox row: it is
-- created in state 'waiting', which the outbox ignores (it takes only
-- 'queued'); the broadcast runner releases a few at a time ('waiting' ->
-- 'queued', its timestamp set to the release time) below the channel's
-- messaging limit, and cancelling turns what still waits into
-- 'cancelled'. A recipient's outcome is its message's state, so the
-- outbox, the statuses WhatsApp reports and a crash's recovery ('sending'
-- -> 'unknown') keep it without knowing broadcasts exist.
--
-- template_name, language and category are the template as sent;
-- mappings is JSON (persistence/broadcasts_codec.go) of how its variables
-- were filled, kept for the owner to see. header_media_id is the header
-- file's media id, uploaded once for every recipient.
--
-- daily_limit is the unique customers per 24 hours the broadcast was
-- planned with; the runner reads the channel's current limit each time.

-- A conversation a broadcast created for a customer who never wrote stays
-- out of the Chats list and out of search (broadcast_only = 1) until the
-- customer writes: the ingest clears it as it brings archived
-- conversations back, and so does the owner's own message from Parley.
-- Such a conversation enters the search index (0014, 0018) only then:
-- indexing 10,000 customers who may never answer would cost a broadcast
-- a third of its creation time.
ALTER TABLE conversations ADD COLUMN broadcast_only INTEGER NOT NULL DEFAULT 0 CHECK (broadcast_only IN (0, 1));

DROP TRIGGER conversation_search_insert;

CREATE TRIGGER conversation_search_insert AFTER INSERT ON conversations WHEN NOT new.broadcast_only BEGIN
    INSERT INTO conversation_search (rowid, name, number, labels, notes)
        SELECT id, name, number, labels, notes FROM conversation_search_source WHERE id = new.id;
END;

CREATE TRIGGER conversation_search_unhide AFTER UPDATE OF broadcast_only ON conversations
    WHEN old.broadcast_only AND NOT new.broadcast_only BEGIN
    DELETE FROM conversation_search WHERE rowid = new.id;
    INSERT INTO conversation_search (rowid, name, number, labels, notes)
        SELECT id, name, number, labels, notes FROM conversation_search_source WHERE id = new.id;
END;

CREATE TABLE broadcasts (
    id              INTEGER PRIMARY KEY,
    channel_id      INTEGER NOT NULL REFERENCES channels (id) ON DELETE CASCADE,
    name            TEXT    NOT NULL,
    template_name   TEXT    NOT NULL CHECK (template_name <> ''),
    language        TEXT    NOT NULL,
    category        TEXT    NOT NULL DEFAULT '',
    mappings        TEXT    NOT NULL DEFAULT '{}',
    header_file     TEXT    NOT NULL DEFAULT '',
    header_media_id TEXT    NOT NULL DEFAULT '',
    state           TEXT    NOT NULL CHECK (state IN ('scheduled', 'sending', 'paused', 'cancelled', 'done')),
    start_at        INTEGER NOT NULL,
    created_at      INTEGER NOT NULL,
    daily_limit     INTEGER NOT NULL DEFAULT 0,
    spread          INTEGER NOT NULL DEFAULT 0 CHECK (spread IN (0, 1))
) STRICT;

CREATE INDEX broadcasts_channel ON broadcasts (channel_id, id DESC);

-- position is the recipient's place in the audience (0 first); name is
-- what the broadcast called them (the CSV's name column or Parley's);
-- columns is JSON of their CSV values. delivered_at and read_at are set,
-- in wall-clock time, by the trigger below when the message's state
-- moves there, so the results chart has times.
CREATE TABLE broadcast_recipients (
    broadcast_id    INTEGER NOT NULL REFERENCES broadcasts (id) ON DELETE CASCADE,
    position        INTEGER NOT NULL,
    wa_id           TEXT    NOT NULL CHECK (wa_id <> ''),
    name            TEXT    NOT NULL DEFAULT '',
    columns         TEXT,
    conversation_id INTEGER NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    message_id      INTEGER REFERENCES messages (id) ON DELETE SET NULL,
    delivered_at    INTEGER,
    read_at         INTEGER,
    PRIMARY KEY (broadcast_id, position)
) STRICT;

CREATE INDEX broadcast_recipients_message ON broadcast_recipients (message_id);
CREATE INDEX broadcast_recipients_conversation ON broadcast_recipients (conversation_id);

-- The outbox rows a broadcast has not released yet.
CREATE INDEX messages_waiting ON messages (id) WHERE state = 'waiting';

-- Templates handed to WhatsApp per channel over time: the runner counts
-- the unique customers of the last 24 hours against the messaging limit
-- (persistence/broadcasts_run.go repeats this WHERE so SQLite uses it).
CREATE INDEX messages_templates_sent ON messages (channel_id, timestamp)
    WHERE direction = 'out' AND type = 'template' AND state NOT IN ('waiting', 'cancelled', 'failed');

CREATE TRIGGER broadcast_recipient_progress AFTER UPDATE OF state ON messages
    WHEN new.direction = 'out' AND new.state IN ('delivered', 'read') AND old.state IS NOT new.state BEGIN
    UPDATE broadcast_recipients SET
        delivered_at = COALESCE(delivered_at, CAST(unixepoch('subsec') * 1000000000 AS INTEGER)),
        read_at = CASE WHEN new.state = 'read'
            THEN COALESCE(read_at, CAST(unixepoch('subsec') * 1000000000 AS INTEGER)) ELSE read_at END
    WHERE message_id = new.id;
END;

