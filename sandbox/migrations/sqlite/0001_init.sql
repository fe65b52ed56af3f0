-- The sandbox schema. Portable SQL (TEXT ids, INTEGER unix-millisecond times, BLOB ciphertext)
-- so that a PostgreSQL copy of this migration needs only type renames.

CREATE TABLE accounts (
    id               TEXT PRIMARY KEY,
    public_api_key   TEXT NOT NULL UNIQUE,
    private_secret_key TEXT NOT NULL,
    webhook_secret   TEXT NOT NULL,
    webhook_url      TEXT,
    created_at       INTEGER NOT NULL
);

CREATE TABLE customers (
    id                   TEXT PRIMARY KEY,
    account_id           TEXT NOT NULL REFERENCES accounts(id),
    merchant_customer_id TEXT NOT NULL,
    body                 TEXT NOT NULL, -- the customer as returned (JSON)
    created_at           INTEGER NOT NULL,
    UNIQUE (account_id, merchant_customer_id)
);

CREATE TABLE checkout_sessions (
    id          TEXT PRIMARY KEY,
    account_id  TEXT NOT NULL REFERENCES accounts(id),
    customer_id TEXT REFERENCES customers(id),
    country     TEXT NOT NULL,
    currency    TEXT NOT NULL,
    amount      REAL NOT NULL,
    callback_url TEXT,
    body        TEXT NOT NULL, -- the session as returned (JSON)
    created_at  INTEGER NOT NULL,
    expires_at  INTEGER NOT NULL
);

-- Card data is encrypted (AES-256-GCM, the token or vaulted token as associated data);
-- only the non-sensitive facts (IIN, last four, brand, expiry) are in clear.
CREATE TABLE tokens (
    token           TEXT PRIMARY KEY,
    session_id      TEXT NOT NULL REFERENCES checkout_sessions(id),
    type            TEXT NOT NULL,
    vaulted_token   TEXT,
    card            BLOB,    -- encrypted {number, holder_name}
    cvc             BLOB,    -- encrypted; deleted when the token is used or expires
    card_facts      TEXT,    -- JSON card_data returned to the browser
    save            INTEGER NOT NULL,
    response        TEXT NOT NULL, -- the 201 body, for idempotent replays
    idempotency_key TEXT,
    request_hash    TEXT,    -- keyed hash of the request, never the request
    created_at      INTEGER NOT NULL,
    expires_at      INTEGER NOT NULL,
    used_at         INTEGER,
    UNIQUE (session_id, idempotency_key)
);

CREATE TABLE vaulted_cards (
    vaulted_token TEXT PRIMARY KEY,
    customer_id   TEXT NOT NULL REFERENCES customers(id),
    card          BLOB NOT NULL, -- encrypted {number, holder_name}
    card_facts    TEXT NOT NULL, -- JSON {iin, lfd, brand, expiration_month, expiration_year}
    created_at    INTEGER NOT NULL,
    last_used_at  INTEGER NOT NULL
);
CREATE INDEX vaulted_cards_customer ON vaulted_cards(customer_id);

CREATE TABLE payments (
    id              TEXT PRIMARY KEY,
    account_id      TEXT NOT NULL REFERENCES accounts(id),
    session_id      TEXT NOT NULL REFERENCES checkout_sessions(id),
    status          TEXT NOT NULL,
    idempotency_key TEXT NOT NULL,
    request_hash    TEXT NOT NULL,
    body            TEXT NOT NULL, -- the payment as returned (JSON)
    created_at      INTEGER NOT NULL,
    UNIQUE (account_id, idempotency_key)
);
-- A checkout session carries at most one successful payment.
CREATE UNIQUE INDEX payments_one_success ON payments(session_id) WHERE status = 'SUCCEEDED';

-- Durable outbox: a restart loses no webhook.
CREATE TABLE webhook_outbox (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id      TEXT NOT NULL REFERENCES accounts(id),
    payment_id      TEXT NOT NULL REFERENCES payments(id),
    url             TEXT NOT NULL,
    payment         TEXT NOT NULL, -- the payment at the time of the change (JSON)
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    delivered_at    INTEGER,
    gave_up_at      INTEGER,
    created_at      INTEGER NOT NULL
);
CREATE INDEX webhook_outbox_due ON webhook_outbox(next_attempt_at) WHERE delivered_at IS NULL AND gave_up_at IS NULL;

CREATE TABLE webhook_attempts (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    outbox_id   INTEGER NOT NULL REFERENCES webhook_outbox(id),
    attempt     INTEGER NOT NULL,
    at          INTEGER NOT NULL,
    status_code INTEGER,
    error       TEXT
);
