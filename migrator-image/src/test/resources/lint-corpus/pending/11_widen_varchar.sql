-- Widening a varchar only changes the catalog.
ALTER TABLE customers ALTER COLUMN name TYPE varchar(200);
