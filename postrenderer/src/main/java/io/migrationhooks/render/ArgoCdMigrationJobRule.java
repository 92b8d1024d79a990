package io.migrationhooks.render;

import static io.migrationhooks.model.ArgoCdAnnotations.BEFORE_HOOK_CREATION;
import static io.migrationhooks.model.ArgoCdAnnotations.HOOK;
import static io.migrationhooks.model.ArgoCdAnnotations.HOOK_DELETE_POLICY;
import static io.migrationhooks.model.ArgoCdAnnotations.SYNC;

import io.migrationhooks.model.Resource;

/**
 * Argo CD: the migration Job becomes a Sync hook in the wave after the database. Argo CD starts it
 * only once every earlier wave is healthy, and starts later waves only once it has completed; a
 * failed Job fails the sync. BeforeHookCreation recreates it on every sync and keeps the last run
 * (and its logs) until then.
 */
public final class ArgoCdMigrationJobRule implements Rule {
  @Override
  public void apply(RenderContext context) {
    for (Resource job : context.selection().migrationJobs()) {
      if (ArgoCdEdits.leaveArgoCdHook(context, job, SYNC, "migration Job")) {
        continue;
      }
      ArgoCdEdits.removeHelmHookAnnotations(context, job);
      context.edit(job)
          .set(ArgoCdEdits.annotation(HOOK), SYNC)
          .set(ArgoCdEdits.annotation(HOOK_DELETE_POLICY), BEFORE_HOOK_CREATION);
      ArgoCdEdits.setWave(context, job, context.settings().wave(Tier.MIGRATION_JOB));
    }
  }
}
