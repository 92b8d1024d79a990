COMMENT ON COLUMN orders.priority IS 'higher ships first';
