package io.migrationhooks.render;

import static io.migrationhooks.model.HelmAnnotations.BEFORE_HOOK_CREATION;
import static io.migrationhooks.model.HelmAnnotations.HOOK;
import static io.migrationhooks.model.HelmAnnotations.HOOK_DELETE_POLICY;
import static io.migrationhooks.model.HelmAnnotations.HOOK_FAILED;
import static io.migrationhooks.model.HelmAnnotations.HOOK_OUTPUT_LOG_POLICY;
import static io.migrationhooks.model.HelmAnnotations.HOOK_WEIGHT;
import static io.migrationhooks.model.HelmAnnotations.PRE_INSTALL_PRE_UPGRADE;

import io.migrationhooks.model.Resource;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The migration Job becomes a blocking pre-install/pre-upgrade hook. A finished Job is kept until
 * the next release (before-hook-creation) so its logs can be read; Helm prints them if it fails.
 */
public final class MigrationJobRule implements Rule {
  @Override
  public void apply(RenderContext context) {
    for (Resource job : context.selection().migrationJobs()) {
      if (context.leaveDeclaredHook(job)) {
        continue;
      }
      Map<String, String> annotations = new LinkedHashMap<>();
      annotations.put(HOOK, PRE_INSTALL_PRE_UPGRADE);
      annotations.put(HOOK_WEIGHT, Integer.toString(context.settings().weight(Tier.MIGRATION_JOB)));
      annotations.put(HOOK_DELETE_POLICY, BEFORE_HOOK_CREATION);
      annotations.put(HOOK_OUTPUT_LOG_POLICY, HOOK_FAILED);
      context.makeHook(job, annotations);
    }
  }
}
