ALTER TABLE customers ADD CONSTRAINT customers_email_unique UNIQUE (email);
