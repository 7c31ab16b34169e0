-- 0016_labels.sql: the owner's coloured labels on conversations, and
-- pinned and archived conversations.
--
-- Labels are the shop's, not a channel's: one set for every number, so
-- "Paid" means the same in each. name is unique ignoring case; color is
-- a name from app.LabelColors. The four a shop starts with are here from
-- the start; the owner renames, recolours or deletes them like their own.
-- Deleting a label or a conversation removes its conversation_labels rows.
--
-- pinned_at (when the owner pinned it) keeps a conversation at the top of
-- the list, the last pinned first; archived_at hides it until the
-- customer writes again (the ingest clears it, an echo does not).

CREATE TABLE labels (
    id         INTEGER PRIMARY KEY,
    name       TEXT    NOT NULL UNIQUE COLLATE NOCASE CHECK (name <> ''),
    color      TEXT    NOT NULL CHECK (color <> ''),
    created_at INTEGER NOT NULL
) STRICT;

CREATE TABLE conversation_labels (
    conversation_id INTEGER NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    label_id        INTEGER NOT NULL REFERENCES labels (id) ON DELETE CASCADE,
    PRIMARY KEY (conversation_id, label_id)
) STRICT, WITHOUT ROWID;

-- Deleting a label finds its rows without reading them all.
CREATE INDEX conversation_labels_label ON conversation_labels (label_id);

INSERT INTO labels (name, color, created_at) VALUES
    ('New customer', 'blue', 0),
    ('Order', 'orange', 0),
    ('Paid', 'green', 0),
    ('Pending', 'yellow', 0);

ALTER TABLE conversations ADD COLUMN pinned_at INTEGER;
ALTER TABLE conversations ADD COLUMN archived_at INTEGER;
