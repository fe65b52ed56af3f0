-- The bank the shopper chose with the token (`payment_method.detail.issuer_id`, one of the
-- method's issuers: GET /v1/issuers), named in the payment made with the token.
ALTER TABLE tokens ADD COLUMN issuer_id TEXT;
