-- Orders of the example backend (chart/): one row per order a customer places.
CREATE TABLE orders (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id  BIGINT      NOT NULL,
    status       TEXT        NOT NULL DEFAULT 'NEW'
                 CHECK (status IN ('NEW', 'PAID', 'SHIPPED', 'CANCELLED')),
    total_cents  BIGINT      NOT NULL CHECK (total_cents >= 0),
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX orders_customer_id_idx ON orders (customer_id);
