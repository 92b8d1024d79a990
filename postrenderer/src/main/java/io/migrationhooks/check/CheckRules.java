package io.migrationhooks.check;

import java.util.List;

/** Every rule, in the order findings of one resource are reported. */
public final class CheckRules {
  private CheckRules() {}

  public static List<CheckRule> all() {
    return List.of(
        new HookDeletesDataRule(),
        new UnknownHookEventRule(),
        new MigrationJobTtlRule(),
        new MigrationJobBackoffLimitRule(),
        new MigrationJobDeadlineRule(),
        new MigrationJobRestartAlwaysRule(),
        new MigrationJobsSameWeightRule(),
        new DatabaseWithoutMigrationJobRule(),
        new DeploymentRecreateRule(),
        new ReadinessProbeRule(),
        new ZeroSurgeAndUnavailableRule(),
        new ReadWriteOnceSurgeRule(),
        new ReleaseResourceBecomesHookRule());
  }
}
