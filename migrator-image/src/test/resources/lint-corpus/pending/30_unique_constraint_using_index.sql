-- customers_email was built CONCURRENTLY in the migration before.
ALTER TABLE customers ADD CONSTRAINT customers_email_unique UNIQUE USING INDEX customers_email;
