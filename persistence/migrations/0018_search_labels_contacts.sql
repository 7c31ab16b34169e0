-- 0018_search_labels_contacts.sql: the search index of customers
-- (conversation_search, 0014) learns what the owner keeps about them
-- since 0016 and 0017: the conversation's label names, the owner's own
-- name for the customer (custom_name, searched with the other names),
-- and the notes, email and postal address (the notes column). The view
-- keeps its five columns; triggers on the new tables refresh a
-- conversation's row with 0014's two statements, inside the transaction
-- that changes them. A deleted label's rows in conversation_labels go by
-- ON DELETE CASCADE, which runs their DELETE trigger like any delete.

DROP VIEW conversation_search_source;

CREATE VIEW conversation_search_source (id, name, number, labels, notes) AS
    SELECT v.id,
        trim(COALESCE(k.custom_name, '') || ' ' || COALESCE(k.name, '') || ' ' || COALESCE(k.phone_name, '')),
        v.wa_id,
        COALESCE((SELECT group_concat(l.name, ' ') FROM conversation_labels c JOIN labels l ON l.id = c.label_id
            WHERE c.conversation_id = v.id), ''),
        trim(COALESCE(k.notes, '') || ' ' || COALESCE(k.email, '') || ' ' || COALESCE(k.address, ''))
    FROM conversations v LEFT JOIN contacts k ON k.channel_id = v.channel_id AND k.wa_id = v.wa_id;

CREATE TRIGGER conversation_search_label_on AFTER INSERT ON conversation_labels BEGIN
    DELETE FROM conversation_search WHERE rowid = new.conversation_id;
    INSERT INTO conversation_search (rowid, name, number, labels, notes)
        SELECT id, name, number, labels, notes FROM conversation_search_source WHERE id = new.conversation_id;
END;

CREATE TRIGGER conversation_search_label_off AFTER DELETE ON conversation_labels BEGIN
    DELETE FROM conversation_search WHERE rowid = old.conversation_id;
    INSERT INTO conversation_search (rowid, name, number, labels, notes)
        SELECT id, name, number, labels, notes FROM conversation_search_source WHERE id = old.conversation_id;
END;

CREATE TRIGGER conversation_search_label_rename AFTER UPDATE OF name ON labels
    WHEN old.name IS NOT new.name BEGIN
    DELETE FROM conversation_search WHERE rowid IN
        (SELECT conversation_id FROM conversation_labels WHERE label_id = new.id);
    INSERT INTO conversation_search (rowid, name, number, labels, notes)
        SELECT id, name, number, labels, notes FROM conversation_search_source WHERE id IN
            (SELECT conversation_id FROM conversation_labels WHERE label_id = new.id);
END;

CREATE TRIGGER conversation_search_contact_fields AFTER UPDATE OF custom_name, notes, email, address ON contacts
    WHEN old.custom_name IS NOT new.custom_name OR old.notes IS NOT new.notes
        OR old.email IS NOT new.email OR old.address IS NOT new.address BEGIN
    DELETE FROM conversation_search WHERE rowid IN
        (SELECT id FROM conversations WHERE channel_id = new.channel_id AND wa_id = new.wa_id);
    INSERT INTO conversation_search (rowid, name, number, labels, notes)
        SELECT id, name, number, labels, notes FROM conversation_search_source WHERE id IN
            (SELECT id FROM conversations WHERE channel_id = new.channel_id AND wa_id = new.wa_id);
END;

-- Rows indexed before this migration: every conversation once.
DELETE FROM conversation_search;
INSERT INTO conversation_search (rowid, name, number, labels, notes)
    SELECT id, name, number, labels, notes FROM conversation_search_source;
