package io.migrationhooks.check;

import io.migrationhooks.model.Resource;

/** Jobs only accept Never or OnFailure; Always (also the pod default) is rejected by the API server. */
public final class MigrationJobRestartAlwaysRule extends MigrationJobField {
  public MigrationJobRestartAlwaysRule() {
    super("migration-job-restart-always", "a migration Job whose pods restart Always (or name no restartPolicy, which means Always)",
        job -> restartPolicy(job) == null || restartPolicy(job).equals("Always"),
        job -> (restartPolicy(job) == null ? "no spec.template.spec.restartPolicy, so Always"
            : "spec.template.spec.restartPolicy: Always")
            + ": the API server rejects such a Job and the release fails",
        "set spec.template.spec.restartPolicy: Never (or OnFailure)");
  }

  private static String restartPolicy(Resource job) {
    return job.stringAt("spec", "template", "spec", "restartPolicy");
  }
}
