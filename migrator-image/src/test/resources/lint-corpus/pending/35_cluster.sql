CLUSTER orders USING orders_status;
