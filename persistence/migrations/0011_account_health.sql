-- 0011_account_health.sql: what WhatsApp last said about each channel's
-- standing (webhooks phone_number_quality_update, account_update,
-- account_review_update): the number's quality rating, its messaging
-- limit and any restriction, violation or ban on the account. The
-- reports themselves stay in provider_events; these columns hold the
-- state they add up to. Written only by ingest.

ALTER TABLE channels ADD COLUMN health_quality TEXT NOT NULL DEFAULT ''
    CHECK (health_quality IN ('', 'green', 'yellow', 'red'));
ALTER TABLE channels ADD COLUMN health_limit TEXT NOT NULL DEFAULT '';  -- TIER_1K, ...
ALTER TABLE channels ADD COLUMN health_restriction TEXT NOT NULL DEFAULT ''
    CHECK (health_restriction IN ('', 'restricted', 'violation', 'disabled', 'rejected'));
ALTER TABLE channels ADD COLUMN health_blocks TEXT NOT NULL DEFAULT '';     -- plain words
ALTER TABLE channels ADD COLUMN health_violation TEXT NOT NULL DEFAULT '';  -- plain words
ALTER TABLE channels ADD COLUMN health_until INTEGER;  -- restriction ends (unix ns), NULL: not said
ALTER TABLE channels ADD COLUMN health_at INTEGER;     -- newest report (unix ns), NULL: none yet
