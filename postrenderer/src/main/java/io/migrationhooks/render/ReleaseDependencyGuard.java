package io.migrationhooks.render;

import io.migrationhooks.model.HelmAnnotations;
import io.migrationhooks.model.Resource;
import io.migrationhooks.yaml.BadInputException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Refuses a render whose first install would hang: a migration Job that runs as a pre-install hook
 * while something it needs (referenced by its pods, or a Service it names and that Service's data
 * workload) is created only after it: a release resource no rule made a hook (Helm creates those
 * after every pre-install hook has finished), or a chart hook of a later event.
 */
final class ReleaseDependencyGuard {
  /** @throws BadInputException naming the Job, what it needs and how to select or allow it */
  void check(RenderContext context) {
    Set<Resource> newHooks = new HashSet<>(context.newHooks());
    Selection selection = context.selection();
    for (Map.Entry<Resource, Set<Resource>> entry : selection.needs().entrySet()) {
      Resource job = entry.getKey();
      if (!selection.migrationJobs().contains(job) || !runsPreInstall(job, newHooks)) {
        continue;
      }
      for (Resource need : entry.getValue()) {
        String hook = need.annotation(HelmAnnotations.HOOK);
        // A Job this render made a hook got a weight above its chart-hook needs (MigrationJobRule).
        boolean declaredFirst = hook != null && runsPreInstall(need, newHooks)
            && (newHooks.contains(job) || weight(need) < weight(job));
        if (newHooks.contains(need) || declaredFirst || context.settings().allowsReleaseDependency(need)) {
          continue;
        }
        String why = hook == null
            ? "stays a release resource, which Helm creates only after every pre-install hook has finished"
            : "is a chart hook (" + HelmAnnotations.HOOK + ": " + hook.strip() + ", weight " + weight(need)
                + ") that Helm creates only after the Job (weight " + weight(job) + ")";
        throw new BadInputException(job.id() + " runs as a pre-install hook and needs " + need.id() + ", which " + why
            + ", so the first install would wait for it forever; select it (selectors.database or "
            + "migration-hooks.io/role: database on its workload), or pass --allow-release-dependency " + need.name()
            + " if the Job does not wait for it");
      }
    }
  }

  private static int weight(Resource resource) {
    return DatabaseFirstRule.helmWeight(resource.annotation(HelmAnnotations.HOOK_WEIGHT));
  }

  private static boolean runsPreInstall(Resource resource, Set<Resource> newHooks) {
    if (newHooks.contains(resource)) {
      return true;
    }
    List<String> events = HelmAnnotations.hookEvents(resource.annotation(HelmAnnotations.HOOK));
    return events.contains(HelmAnnotations.PRE_INSTALL);
  }
}
