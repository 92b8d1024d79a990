CREATE TABLE refunds (
    id bigint PRIMARY KEY,
    order_id bigint NOT NULL REFERENCES orders (id),
    amount numeric(10,2) NOT NULL
);
