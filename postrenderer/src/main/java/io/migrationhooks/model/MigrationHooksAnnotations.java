package io.migrationhooks.model;

/** Annotations users put on their resources to steer migration-hooks. */
public final class MigrationHooksAnnotations {
  /** {@code migration} on a Job, {@code database} on a StatefulSet or Deployment. */
  public static final String ROLE = "migration-hooks.io/role";
  public static final String ROLE_MIGRATION = "migration";
  public static final String ROLE_DATABASE = "database";
  /** {@code unmanaged} keeps a Deployment's rollout strategy as written. */
  public static final String ROLLOUT = "migration-hooks.io/rollout";
  public static final String ROLLOUT_UNMANAGED = "unmanaged";
  /** Comma-separated check rule ids whose findings on this resource are silenced. */
  public static final String IGNORE = "migration-hooks.io/ignore";

  private MigrationHooksAnnotations() {}
}
