-- The schema already in production: read as applied, never reported.
CREATE TABLE customers (
    id bigint PRIMARY KEY,
    email text,
    name varchar(100),
    note text,
    created_at timestamptz DEFAULT now()
);
CREATE TABLE orders (
    id bigint PRIMARY KEY,
    customer_id bigint,
    total numeric(10,2),
    status varchar(20) NOT NULL DEFAULT 'new',
    note varchar(200),
    legacy_code integer,
    priority integer
);
CREATE TABLE order_items (
    order_id bigint,
    sku text,
    quantity integer
);
CREATE INDEX orders_status ON orders (status);
CREATE MATERIALIZED VIEW order_totals AS SELECT customer_id, sum(total) AS total FROM orders GROUP BY customer_id;
CREATE UNIQUE INDEX order_totals_customer ON order_totals (customer_id);
