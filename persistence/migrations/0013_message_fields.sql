-- 0013_message_fields.sql: what WhatsApp says about a message besides its
-- content. For a customer's message: the click-to-WhatsApp ad or post
-- they came from (referral) and the catalogue product they ask about
-- (product). For an outgoing message: whether WhatsApp bills it and in
-- which category (pricing), from its statuses; a status that arrives
-- before the message's WhatsApp id is recorded keeps its pricing in
-- early_statuses until then. All JSON, NULL when WhatsApp said nothing.

ALTER TABLE messages ADD COLUMN referral TEXT;
ALTER TABLE messages ADD COLUMN product TEXT;
ALTER TABLE messages ADD COLUMN pricing TEXT;

ALTER TABLE early_statuses ADD COLUMN pricing TEXT;
