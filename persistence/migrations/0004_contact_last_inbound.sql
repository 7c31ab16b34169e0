-- 0004_contact_last_inbound.sql: a contact's last inbound time was a copy
-- of its conversation's (each contact has one conversation per channel),
-- which opens the 24-hour window and is the one the Space reads. Keeping
-- the copy cost every incoming message a second row update.

ALTER TABLE contacts DROP COLUMN last_inbound_at;
