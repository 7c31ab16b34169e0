-- 0014_search.sql: full-text search (SQLite FTS5; go-sqlite3 compiles it
-- in with the sqlite_fts5 build tag). Two indexes, both with the
-- unicode61 tokenizer removing diacritics, so that "promocao" finds
-- "promoção" and case does not matter:
--
-- message_search indexes what a message says: its text, a photo's or
-- document's caption and a document's file name (one column, body, read
-- through the view message_search_source). It is external-content: the
-- text stays only in messages, and the index keeps its tokens.
--
-- conversation_search indexes each conversation's customer: the names
-- (WhatsApp profile name and the name the owner saved on the phone), the
-- number, and two columns kept empty here for later migrations: labels
-- and notes. Its rows mirror the view conversation_search_source; every
-- trigger that keeps it in step refreshes a row from that view. A later
-- migration that adds labels or notes recreates the view (DROP VIEW,
-- CREATE VIEW with the same five columns) and adds triggers on its own
-- tables that run the same refresh (see conversation_search_refresh
-- below for the two statements).
--
-- Triggers keep both in step inside the transaction that writes the rows,
-- so no writer can forget them. Existing messages and conversations are
-- indexed by persistence/search_build.go right after this file runs, in
-- the same transaction (it reports progress).

CREATE VIEW message_search_source (id, body) AS
    SELECT id, trim(text || char(10) || COALESCE(json_extract(media, '$.caption'), '')
        || char(10) || COALESCE(json_extract(media, '$.filename'), ''), char(10))
    FROM messages;

-- columnsize = 0: results are never ranked by length, and each message
-- costs one write less. No prefix indexes: a keystroke stays within a few
-- milliseconds without them, and each would add to every message stored.
CREATE VIRTUAL TABLE message_search USING fts5 (
    body,
    content = 'message_search_source',
    content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2',
    columnsize = 0
);

-- An external-content index must be told the old values of a row it
-- forgets: the view still shows them in a BEFORE trigger.
CREATE TRIGGER message_search_insert AFTER INSERT ON messages BEGIN
    INSERT INTO message_search (rowid, body) SELECT id, body FROM message_search_source WHERE id = new.id;
END;

CREATE TRIGGER message_search_delete BEFORE DELETE ON messages BEGIN
    INSERT INTO message_search (message_search, rowid, body)
        SELECT 'delete', id, body FROM message_search_source WHERE id = old.id;
END;

CREATE TRIGGER message_search_update_old BEFORE UPDATE OF text, media ON messages
    WHEN old.text IS NOT new.text OR old.media IS NOT new.media BEGIN
    INSERT INTO message_search (message_search, rowid, body)
        SELECT 'delete', id, body FROM message_search_source WHERE id = old.id;
END;

CREATE TRIGGER message_search_update_new AFTER UPDATE OF text, media ON messages
    WHEN old.text IS NOT new.text OR old.media IS NOT new.media BEGIN
    INSERT INTO message_search (rowid, body) SELECT id, body FROM message_search_source WHERE id = new.id;
END;

CREATE VIEW conversation_search_source (id, name, number, labels, notes) AS
    SELECT v.id, trim(COALESCE(k.name, '') || ' ' || COALESCE(k.phone_name, '')), v.wa_id, '', ''
    FROM conversations v LEFT JOIN contacts k ON k.channel_id = v.channel_id AND k.wa_id = v.wa_id;

CREATE VIRTUAL TABLE conversation_search USING fts5 (
    name, number, labels, notes,
    tokenize = 'unicode61 remove_diacritics 2'
);

-- conversation_search_refresh: the two statements that bring the row of
-- conversation X in step with conversation_search_source:
--   DELETE FROM conversation_search WHERE rowid = X;
--   INSERT INTO conversation_search (rowid, name, number, labels, notes)
--       SELECT id, name, number, labels, notes FROM conversation_search_source WHERE id = X;

CREATE TRIGGER conversation_search_insert AFTER INSERT ON conversations BEGIN
    INSERT INTO conversation_search (rowid, name, number, labels, notes)
        SELECT id, name, number, labels, notes FROM conversation_search_source WHERE id = new.id;
END;

-- ensureConversation's upsert rewrites wa_id with the same value: only a
-- real change (a rekey) refreshes the row.
CREATE TRIGGER conversation_search_rekey AFTER UPDATE OF wa_id ON conversations
    WHEN old.wa_id IS NOT new.wa_id BEGIN
    DELETE FROM conversation_search WHERE rowid = new.id;
    INSERT INTO conversation_search (rowid, name, number, labels, notes)
        SELECT id, name, number, labels, notes FROM conversation_search_source WHERE id = new.id;
END;

CREATE TRIGGER conversation_search_delete AFTER DELETE ON conversations BEGIN
    DELETE FROM conversation_search WHERE rowid = old.id;
END;

CREATE TRIGGER conversation_search_contact_insert AFTER INSERT ON contacts BEGIN
    DELETE FROM conversation_search WHERE rowid IN
        (SELECT id FROM conversations WHERE channel_id = new.channel_id AND wa_id = new.wa_id);
    INSERT INTO conversation_search (rowid, name, number, labels, notes)
        SELECT id, name, number, labels, notes FROM conversation_search_source WHERE id IN
            (SELECT id FROM conversations WHERE channel_id = new.channel_id AND wa_id = new.wa_id);
END;

-- Every customer message upserts the contact's profile name, mostly
-- unchanged: only a real change refreshes the row.
CREATE TRIGGER conversation_search_contact_update AFTER UPDATE OF name, phone_name ON contacts
    WHEN old.name IS NOT new.name OR old.phone_name IS NOT new.phone_name BEGIN
    DELETE FROM conversation_search WHERE rowid IN
        (SELECT id FROM conversations WHERE channel_id = new.channel_id AND wa_id = new.wa_id);
    INSERT INTO conversation_search (rowid, name, number, labels, notes)
        SELECT id, name, number, labels, notes FROM conversation_search_source WHERE id IN
            (SELECT id FROM conversations WHERE channel_id = new.channel_id AND wa_id = new.wa_id);
END;
