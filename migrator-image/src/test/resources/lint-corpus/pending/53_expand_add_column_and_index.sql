-- Expand step done right: nullable column, then the index built concurrently in its own migration.
ALTER TABLE customers ADD COLUMN phone text;
