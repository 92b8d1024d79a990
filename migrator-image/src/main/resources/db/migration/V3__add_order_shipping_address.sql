-- Shipping address, nullable so existing orders stay valid; the backend fills it for new ones.
ALTER TABLE orders ADD COLUMN shipping_address TEXT;
