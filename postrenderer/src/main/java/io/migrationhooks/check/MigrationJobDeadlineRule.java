package io.migrationhooks.check;

/** A migration that hangs blocks the release until Helm's timeout, and goes on running after it. */
public final class MigrationJobDeadlineRule extends MigrationJobField {
  public MigrationJobDeadlineRule() {
    super("migration-job-no-deadline", "a migration Job without spec.activeDeadlineSeconds",
        job -> job.stringAt("spec", "activeDeadlineSeconds") == null,
        job -> "no spec.activeDeadlineSeconds: a hanging migration blocks the release until Helm's --timeout"
            + " and keeps running after Helm gave up",
        "set spec.activeDeadlineSeconds below Helm's --timeout");
  }
}
