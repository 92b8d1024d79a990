TRUNCATE order_items;
