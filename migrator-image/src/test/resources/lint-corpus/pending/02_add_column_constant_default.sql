-- PostgreSQL 11+ stores a constant default in the catalog: no rewrite, old inserts get the default.
ALTER TABLE orders ADD COLUMN channel text NOT NULL DEFAULT 'web';
