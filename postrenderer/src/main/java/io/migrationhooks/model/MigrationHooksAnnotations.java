package io.migrationhooks.model;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/** Annotations users put on their resources to steer migration-hooks. */
public final class MigrationHooksAnnotations {
  /** {@code migration} on a Job, {@code database} on a StatefulSet or Deployment. */
  public static final String ROLE = "migration-hooks.io/role";
  public static final String ROLE_MIGRATION = "migration";
  public static final String ROLE_DATABASE = "database";
  /**
   * On a Deployment: {@code unmanaged} keeps its rollout strategy as written; {@code managed} gives it
   * the configured RollingUpdate even where render would keep the strategy (an explicit Recreate, a
   * ReadWriteOnce claim).
   */
  public static final String ROLLOUT = "migration-hooks.io/rollout";
  public static final String ROLLOUT_UNMANAGED = "unmanaged";
  public static final String ROLLOUT_MANAGED = "managed";
  /** Comma-separated check rule ids whose findings (and render's hazard notes) on this resource are silenced. */
  public static final String IGNORE = "migration-hooks.io/ignore";

  private MigrationHooksAnnotations() {}

  /** The rule ids the resource's {@link #IGNORE} annotation names, lower-cased, in order. */
  public static Set<String> ignoredRules(Resource resource) {
    String value = resource.annotation(IGNORE);
    Set<String> ids = new LinkedHashSet<>();
    if (value != null) {
      for (String id : value.split(",")) {
        String trimmed = id.strip().toLowerCase(Locale.ROOT);
        if (!trimmed.isEmpty()) {
          ids.add(trimmed);
        }
      }
    }
    return ids;
  }
}
