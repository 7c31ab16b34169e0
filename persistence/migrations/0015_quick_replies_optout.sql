-- 0015_quick_replies_optout.sql: quick replies and opt-outs.
-- quick_replies are the answers the owner gives often ("Opening hours"),
-- kept on this computer only (WhatsApp never sees them until one is
-- sent as a plain message); position orders the list, 0 first.
-- A contact who wrote a stop word (or whom the owner marked) is opted
-- out of marketing templates since opted_out_at; opted_out_by says who
-- did it and opted_out_word what the customer wrote. NULL: not opted
-- out. The stop and start words are the owner's lists, one word a line;
-- NULL keeps Parley's default lists (app.DefaultOptOutWords).

CREATE TABLE quick_replies (
    id         INTEGER PRIMARY KEY,
    title      TEXT    NOT NULL CHECK (title <> '') UNIQUE COLLATE NOCASE,
    text       TEXT    NOT NULL CHECK (text <> ''),
    position   INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
) STRICT;

CREATE INDEX quick_replies_order ON quick_replies (position, id);

ALTER TABLE contacts ADD COLUMN opted_out_at INTEGER;
ALTER TABLE contacts ADD COLUMN opted_out_by TEXT CHECK (opted_out_by IN ('customer', 'owner'));
ALTER TABLE contacts ADD COLUMN opted_out_word TEXT NOT NULL DEFAULT '';

ALTER TABLE settings ADD COLUMN opt_out_stop_words TEXT;
ALTER TABLE settings ADD COLUMN opt_out_start_words TEXT;
