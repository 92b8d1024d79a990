REINDEX INDEX orders_status;
