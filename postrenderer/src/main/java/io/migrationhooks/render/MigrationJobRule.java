package io.migrationhooks.render;

import static io.migrationhooks.model.HelmAnnotations.BEFORE_HOOK_CREATION;
import static io.migrationhooks.model.HelmAnnotations.HOOK;
import static io.migrationhooks.model.HelmAnnotations.HOOK_DELETE_POLICY;
import static io.migrationhooks.model.HelmAnnotations.HOOK_FAILED;
import static io.migrationhooks.model.HelmAnnotations.HOOK_OUTPUT_LOG_POLICY;
import static io.migrationhooks.model.HelmAnnotations.HOOK_WEIGHT;
import static io.migrationhooks.model.HelmAnnotations.PRE_INSTALL_PRE_UPGRADE;

import io.migrationhooks.model.HelmAnnotations;
import io.migrationhooks.model.Resource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The migration Job becomes a blocking pre-install/pre-upgrade hook. A finished Job is kept until
 * the next release (before-hook-creation) so its logs can be read; Helm prints them if it fails.
 * A selected Job the chart declares as post-install/post-upgrade is moved to run before the
 * release; any other chart-declared hook is left as written.
 */
public final class MigrationJobRule implements Rule {
  @Override
  public void apply(RenderContext context) {
    for (Resource job : context.selection().migrationJobs()) {
      String declared = job.annotation(HOOK);
      boolean runsAfterRelease = runsOnlyAfterRelease(declared);
      if (!runsAfterRelease && context.leaveDeclaredHook(job)) {
        continue;
      }
      Map<String, String> annotations = new LinkedHashMap<>();
      annotations.put(HOOK, PRE_INSTALL_PRE_UPGRADE);
      int weight = context.settings().weight(Tier.MIGRATION_JOB);
      Resource latest = null;
      for (Resource need : context.selection().needs().getOrDefault(job, java.util.Set.of())) {
        int needWeight = DatabaseFirstRule.helmWeight(need.annotation(HelmAnnotations.HOOK_WEIGHT));
        if (Selection.runsBeforeRelease(need) && needWeight >= weight) {
          weight = needWeight + 1;
          latest = need;
        }
      }
      if (latest != null) {
        context.note(job, "weight " + weight + ", after the chart's hook " + latest.id() + " that it needs");
      }
      annotations.put(HOOK_WEIGHT, Integer.toString(weight));
      annotations.put(HOOK_DELETE_POLICY, BEFORE_HOOK_CREATION);
      annotations.put(HOOK_OUTPUT_LOG_POLICY, HOOK_FAILED);
      context.makeHook(job, annotations);
      if (runsAfterRelease) {
        context.note(job, "moved from the chart's " + HOOK + ": " + declared.strip() + " to " + PRE_INSTALL_PRE_UPGRADE
            + " (with its dependencies): a selected migration Job runs before the new pods start");
      }
    }
  }

  /**
   * A chart hook that runs its migrations after the release resources, so new pods start on the
   * old schema: post-install and/or post-upgrade and nothing else (a test or delete hook is not a
   * migration run and is left alone).
   */
  static boolean runsOnlyAfterRelease(String hook) {
    List<String> events = HelmAnnotations.hookEvents(hook);
    return !events.isEmpty() && events.stream().allMatch(e -> e.equals(HelmAnnotations.POST_INSTALL) || e.equals(HelmAnnotations.POST_UPGRADE));
  }
}
