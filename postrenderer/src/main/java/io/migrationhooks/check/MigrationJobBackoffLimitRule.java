package io.migrationhooks.check;

/** Without backoffLimit Kubernetes retries a failed migration six times before the release fails. */
public final class MigrationJobBackoffLimitRule extends MigrationJobField {
  public MigrationJobBackoffLimitRule() {
    super("migration-job-no-backoff-limit", "a migration Job without spec.backoffLimit",
        job -> job.stringAt("spec", "backoffLimit") == null,
        job -> "no spec.backoffLimit: Kubernetes retries a failed migration up to 6 times (its default)"
            + " before Helm sees the failure",
        "set spec.backoffLimit (0 or 1) so a failing migration fails the release quickly");
  }
}
