-- The payer's identity document a card form or a method's form collected with the token
-- (`customer_payer.document`, normalised, as Yuno's payment shows it), copied into the payment
-- made with the token.
ALTER TABLE tokens ADD COLUMN document TEXT;
