-- Several instances on one database (PostgreSQL): what they must agree on.

-- A value sealed with the card key when the database was first used: an instance whose key
-- cannot open it refuses to start (its sealed data would be unreadable to the others).
CREATE TABLE key_check (
    id         INTEGER PRIMARY KEY,
    sealed     BLOB NOT NULL,
    created_at INTEGER NOT NULL
);

-- Rate-limit counters shared by the instances: one row per kind and key, with its current
-- window (a fixed window from the first request in it, as the in-memory counters have).
CREATE TABLE rate_counts (
    kind         TEXT NOT NULL,
    key          TEXT NOT NULL,
    window_start INTEGER NOT NULL,
    count        INTEGER NOT NULL,
    PRIMARY KEY (kind, key)
);
CREATE INDEX rate_counts_window ON rate_counts(window_start);
