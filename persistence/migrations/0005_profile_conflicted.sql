-- 0005_profile_conflicted.sql: a pending profile edit remembers that it
-- waits for the owner to choose between their values and WhatsApp's.
-- Before, only the reason text said so; edits that gave it are marked.

ALTER TABLE profiles ADD COLUMN pending_conflicted INTEGER NOT NULL DEFAULT 0 CHECK (pending_conflicted IN (0, 1));

UPDATE profiles SET pending_conflicted = 1
WHERE pending IS NOT NULL
  AND pending_last_error = 'The profile was changed on WhatsApp too. Choose which values to keep.';
