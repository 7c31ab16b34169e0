-- 0010_coexistence.sql: the WhatsApp Business app on the owner's phone and
-- Parley on one number (coexistence). A message the owner typed on the
-- phone arrives as an echo and is kept as an outbound message marked
-- from_phone. The name the owner saved for a customer in the app's
-- contacts is kept apart from the customer's WhatsApp profile name
-- (contacts.name): it is the owner's label, shown to the owner only and
-- never sent to the customer; '' when the owner saved none or removed it.

ALTER TABLE messages ADD COLUMN from_phone INTEGER NOT NULL DEFAULT 0 CHECK (from_phone IN (0, 1));

ALTER TABLE contacts ADD COLUMN phone_name TEXT NOT NULL DEFAULT '';
