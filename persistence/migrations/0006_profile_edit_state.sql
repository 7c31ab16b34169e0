-- 0006_profile_edit_state.sql: a pending profile edit keeps its state as
-- a word and the reason of a failed push apart from any sentence, so no
-- screen has to read the state out of the reason's wording. Before, one
-- sentence (pending_last_error) and a flag (pending_conflicted) said it;
-- the sentences older Parleys wrote are mapped here, then both go.

ALTER TABLE profiles ADD COLUMN pending_state TEXT NOT NULL DEFAULT 'pending'
    CHECK (pending_state IN ('pending', 'offline', 'rejected', 'failed', 'conflicted'));
ALTER TABLE profiles ADD COLUMN pending_reason TEXT NOT NULL DEFAULT '';      -- plain words, no preamble
ALTER TABLE profiles ADD COLUMN pending_reason_code INTEGER NOT NULL DEFAULT 0; -- WhatsApp error code, 0 if none (and for old rows)

UPDATE profiles SET
    pending_state = CASE
        WHEN pending_conflicted = 1 THEN 'conflicted'
        WHEN pending_last_error = '' THEN 'pending'
        WHEN pending_last_error = 'Saved on this laptop — will sync with WhatsApp when you are online.' THEN 'offline'
        WHEN pending_last_error LIKE 'WhatsApp did not accept the change: %' THEN 'rejected'
        ELSE 'failed'
    END,
    pending_reason = CASE
        WHEN pending_conflicted = 1 OR pending_last_error = ''
            OR pending_last_error = 'Saved on this laptop — will sync with WhatsApp when you are online.' THEN ''
        WHEN pending_last_error LIKE 'WhatsApp did not accept the change: %'
            THEN substr(pending_last_error, length('WhatsApp did not accept the change: ') + 1)
        WHEN pending_last_error LIKE 'The change could not be sent: %'
            THEN substr(pending_last_error, length('The change could not be sent: ') + 1)
        ELSE pending_last_error
    END
WHERE pending IS NOT NULL;

ALTER TABLE profiles DROP COLUMN pending_last_error;
ALTER TABLE profiles DROP COLUMN pending_conflicted;
