package io.migrationhooks.render;

import static io.migrationhooks.model.HelmAnnotations.HOOK;
import static io.migrationhooks.model.HelmAnnotations.HOOK_DELETE_POLICY;
import static io.migrationhooks.model.HelmAnnotations.HOOK_FAILED;
import static io.migrationhooks.model.HelmAnnotations.HOOK_WEIGHT;
import static io.migrationhooks.model.HelmAnnotations.KEEP;
import static io.migrationhooks.model.HelmAnnotations.PRE_INSTALL_PRE_UPGRADE;
import static io.migrationhooks.model.HelmAnnotations.RESOURCE_POLICY;

import io.migrationhooks.model.Resource;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The database and what it and the migration Job need become hooks that run before the Job, by
 * tier. They must never be deleted by Helm: hook-failed is a delete policy Helm never acts on for
 * a non-Job hook (unlike the implicit before-hook-creation), and keep stops Helm from deleting a
 * resource that moves from the release into the hooks.
 */
public final class DatabaseFirstRule implements Rule {
  @Override
  public void apply(RenderContext context) {
    Selection selection = context.selection();
    if (!selection.hasMigrationJob()) {
      for (Resource database : selection.databaseWorkloads()) {
        context.note(database, "no migration Job in the stream; database left as an ordinary release resource");
      }
      return;
    }
    selection.closure().forEach((resource, tier) -> {
      if (tier == Tier.MIGRATION_JOB || context.leaveDeclaredHook(resource)) {
        return;
      }
      Map<String, String> annotations = new LinkedHashMap<>();
      annotations.put(HOOK, PRE_INSTALL_PRE_UPGRADE);
      annotations.put(HOOK_WEIGHT, Integer.toString(context.settings().weight(tier)));
      annotations.put(HOOK_DELETE_POLICY, HOOK_FAILED);
      annotations.put(RESOURCE_POLICY, KEEP);
      context.makeHook(resource, annotations);
    });
  }
}
