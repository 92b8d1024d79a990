package io.migrationhooks.check;

/** A finished Job that disappears: Helm may wait on a Job that is gone, and its logs go with it. */
public final class MigrationJobTtlRule extends MigrationJobField {
  public MigrationJobTtlRule() {
    super("migration-job-ttl", "a migration Job with spec.ttlSecondsAfterFinished",
        job -> job.nodeAt("spec", "ttlSecondsAfterFinished").isPresent(),
        job -> "spec.ttlSecondsAfterFinished lets Kubernetes delete the finished Job, possibly before Helm sees it"
            + " complete, and its logs with it",
        "remove spec.ttlSecondsAfterFinished; before-hook-creation removes the old Job on the next release");
  }
}
