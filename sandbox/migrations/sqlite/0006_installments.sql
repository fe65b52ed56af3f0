-- The installment option the shopper chose with the token (`payment_method.card.installment`),
-- priced by the sandbox, copied into the payment made with the token.
ALTER TABLE tokens ADD COLUMN installment TEXT;
