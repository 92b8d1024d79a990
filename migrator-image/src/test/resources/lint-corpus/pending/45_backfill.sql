UPDATE orders SET priority = 0 WHERE priority IS NULL AND id < 10000;
