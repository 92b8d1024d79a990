-- The second step after NOT VALID: SHARE UPDATE EXCLUSIVE, reads and writes go on.
ALTER TABLE orders VALIDATE CONSTRAINT orders_customer_fk;
