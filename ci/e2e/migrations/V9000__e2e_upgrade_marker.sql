-- Added by the end-to-end job before the upgrade. One row per run of this migration: the e2e script
-- checks there is exactly one, written before the first new backend pod was created.
CREATE TABLE e2e_upgrade_marker (
    id         serial PRIMARY KEY,
    applied_at timestamptz NOT NULL DEFAULT clock_timestamp()
);

INSERT INTO e2e_upgrade_marker DEFAULT VALUES;
