-- Card enrollment (Yuno's customer sessions): a customer saves a card without paying. A
-- customer session is a checkout_sessions row of kind ENROLLMENT, with no amount, so that
-- the card form's browser endpoints serve it as they serve a checkout.
ALTER TABLE checkout_sessions ADD COLUMN kind TEXT NOT NULL DEFAULT 'CHECKOUT';

-- The payment methods a customer session enrolls, and how far each got.
CREATE TABLE enrollments (
    id            TEXT PRIMARY KEY,
    session_id    TEXT NOT NULL REFERENCES checkout_sessions(id),
    type          TEXT NOT NULL,
    status        TEXT NOT NULL,
    vaulted_token TEXT,
    body          TEXT NOT NULL, -- the payment method as returned (JSON)
    declines      INTEGER NOT NULL DEFAULT 0, -- cards refused at verification (the decline limit)
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL,
    UNIQUE (session_id, type)
);
