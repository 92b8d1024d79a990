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

  /**
   * For a stream Argo CD syncs: its own hazards first, then the rules that hold whatever applies the
   * stream. Left out: the rules about Helm's hook machinery (delete policies, unknown events, weights,
   * resources that leave a release), which Argo CD does not run.
   */
  public static List<CheckRule> argoCd() {
    return List.of(
        new ArgoCdHookRecreatesDataRule(),
        new ArgoCdPreSyncMigrationRule(),
        new MigrationJobTtlRule(),
        new MigrationJobBackoffLimitRule(),
        new MigrationJobDeadlineRule(),
        new MigrationJobRestartAlwaysRule(),
        new DatabaseWithoutMigrationJobRule(),
        new DeploymentRecreateRule(),
        new ReadinessProbeRule(),
        new ZeroSurgeAndUnavailableRule(),
        new ReadWriteOnceSurgeRule());
  }
}
