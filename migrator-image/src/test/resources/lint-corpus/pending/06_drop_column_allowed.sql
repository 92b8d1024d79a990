-- The contract step: release 1.4 stopped reading and writing orders.legacy_code.
-- migration-hooks: allow drop-column 1.4.0 no longer uses legacy_code
-- squawk-ignore ban-drop-column
ALTER TABLE orders DROP COLUMN legacy_code;
