package io.migrationhooks.render;

/** The order in which hooks are created: each tier needs the ones before it. */
public enum Tier {
  /** Secrets, ConfigMaps, ServiceAccounts and PersistentVolumeClaims. */
  CONFIG,
  SERVICE,
  DATABASE_WORKLOAD,
  MIGRATION_JOB
}
