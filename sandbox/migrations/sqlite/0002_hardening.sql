-- Webhook events carry a stable id (signed with the body, so receivers can drop duplicates),
-- and an attempt in progress holds a lease: a delivery cut short by a crash is recorded as
-- interrupted once its lease has run out, and no two workers deliver one event at once.
ALTER TABLE webhook_outbox ADD COLUMN event_id TEXT;
ALTER TABLE webhook_outbox ADD COLUMN claimed_until INTEGER;
CREATE UNIQUE INDEX webhook_outbox_event_id ON webhook_outbox(event_id);

-- Declines per session are counted for the card-testing limit.
CREATE INDEX payments_session ON payments(session_id, status);
