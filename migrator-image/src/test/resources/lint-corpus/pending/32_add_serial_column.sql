ALTER TABLE order_items ADD COLUMN id bigserial;
