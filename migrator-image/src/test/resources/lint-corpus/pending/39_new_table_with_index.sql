-- A table no serving version knows yet: its index and constraints lock nobody.
CREATE TABLE shipments (
    id bigint PRIMARY KEY,
    order_id bigint NOT NULL,
    carrier text
);
CREATE INDEX shipments_order ON shipments (order_id);
ALTER TABLE shipments ADD CONSTRAINT shipments_carrier_known CHECK (carrier <> '');
