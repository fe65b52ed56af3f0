-- A token's copy of the payer's document goes when the token is used (its payment keeps it)
-- or expires unused: the sweep reads the unused ones through this partial index.
CREATE INDEX tokens_document_unused ON tokens(expires_at) WHERE used_at IS NULL AND document IS NOT NULL;
