-- The sweep that deletes stale card data reads only tokens that still hold some: two small
-- partial indexes instead of a scan of every token ever made.
CREATE INDEX tokens_sealed_unused ON tokens(expires_at) WHERE used_at IS NULL AND (card IS NOT NULL OR cvc IS NOT NULL);
CREATE INDEX tokens_sealed_used ON tokens(used_at) WHERE used_at IS NOT NULL AND (card IS NOT NULL OR cvc IS NOT NULL);
