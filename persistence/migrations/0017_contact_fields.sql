-- 0017_contact_fields.sql: what the owner keeps about a customer beside
-- WhatsApp's profile name (name) and the name saved on their phone
-- (phone_name): their own name for the customer (custom_name, which wins
-- wherever Parley names the customer), free notes, an email address, a
-- birthday (a date, 'YYYY-MM-DD', no time zone) and a postal address.
-- updated_at is when the owner last saved them (Unix nanoseconds), NULL
-- when never. Still one row per (channel_id, wa_id).
--
-- Search: custom_name and notes (and email, address) are what the owner
-- searches by; an index over contacts can follow them with triggers on
-- UPDATE OF custom_name, notes, email, address (only SaveContactFields
-- writes them).

ALTER TABLE contacts ADD COLUMN custom_name TEXT NOT NULL DEFAULT '';
ALTER TABLE contacts ADD COLUMN notes TEXT NOT NULL DEFAULT '';
ALTER TABLE contacts ADD COLUMN email TEXT NOT NULL DEFAULT '';
ALTER TABLE contacts ADD COLUMN birthday TEXT NOT NULL DEFAULT ''
    CHECK (birthday = '' OR birthday GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]');
ALTER TABLE contacts ADD COLUMN address TEXT NOT NULL DEFAULT '';
ALTER TABLE contacts ADD COLUMN updated_at INTEGER;
