-- 0003_workspace.sql: each data folder gets a random workspace id, so that
-- two data folders on one computer keep their channels' API keys apart in
-- the system keyring (both would have a "channel 1").

CREATE TABLE workspace (
    id TEXT NOT NULL CHECK (id <> '')
) STRICT;

INSERT INTO workspace (id) VALUES (lower(hex(randomblob(8))));
