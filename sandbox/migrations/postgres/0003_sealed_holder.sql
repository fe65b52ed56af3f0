-- The card holder's name, sealed (AES-256-GCM bound to the payment's id): a payment's stored
-- JSON and its webhooks' queued copies carry none.
ALTER TABLE payments ADD COLUMN holder BYTEA;
