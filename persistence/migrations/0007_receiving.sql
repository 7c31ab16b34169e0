-- 0007_receiving.sql: how this data folder receives its customers'
-- messages: through the tunnel Parley opens itself (with the owner's
-- fixed domain at the provider) or through an address the owner runs.
-- One row; the tunnel's token lives in the system keyring, never here.

CREATE TABLE receiving (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    mode       TEXT    NOT NULL DEFAULT '' CHECK (mode IN ('', 'tunnel', 'own')),
    domain     TEXT    NOT NULL DEFAULT '',
    updated_at INTEGER NOT NULL DEFAULT 0
) STRICT;

INSERT INTO receiving (id) VALUES (1);
