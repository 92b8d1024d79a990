package io.migrationhooks.render;

import static io.migrationhooks.model.HelmAnnotations.HOOK;
import static io.migrationhooks.model.HelmAnnotations.HOOK_DELETE_POLICY;
import static io.migrationhooks.model.HelmAnnotations.HOOK_FAILED;
import static io.migrationhooks.model.HelmAnnotations.HOOK_WEIGHT;
import static io.migrationhooks.model.HelmAnnotations.KEEP;
import static io.migrationhooks.model.HelmAnnotations.PRE_INSTALL_PRE_UPGRADE;
import static io.migrationhooks.model.HelmAnnotations.RESOURCE_POLICY;

import io.migrationhooks.model.Resource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The database and what it and the migration Job need become hooks that run before the Job, by
 * tier; so does what the chart's own pre-install/pre-upgrade Jobs need. They must never be deleted by Helm: hook-failed is a delete policy Helm never acts on for
 * a non-Job hook (unlike the implicit before-hook-creation), and keep stops Helm from deleting a
 * resource that moves from the release into the hooks.
 */
public final class DatabaseFirstRule implements Rule {
  @Override
  public void apply(RenderContext context) {
    Selection selection = context.selection();
    if (!selection.hasMigrationJob()) {
      for (Resource database : selection.databaseWorkloads()) {
        if (!selection.closure().containsKey(database)) {
          context.note(database, "no migration Job in the stream; database left as an ordinary release resource");
        }
      }
    }
    Integer highestWeight = null;
    for (Map.Entry<Resource, Tier> member : selection.closure().entrySet()) {
      Resource resource = member.getKey();
      Tier tier = member.getValue();
      if (tier == Tier.MIGRATION_JOB || context.leaveDeclaredHook(resource)) {
        continue;
      }
      int weight = context.settings().weight(tier);
      Map<String, String> annotations = new LinkedHashMap<>();
      annotations.put(HOOK, PRE_INSTALL_PRE_UPGRADE);
      annotations.put(HOOK_WEIGHT, Integer.toString(weight));
      annotations.put(HOOK_DELETE_POLICY, HOOK_FAILED);
      annotations.put(RESOURCE_POLICY, KEEP);
      context.makeHook(resource, annotations);
      highestWeight = highestWeight == null ? weight : Math.max(highestWeight, weight);
    }
    if (highestWeight != null) {
      noteDeclaredJobsRunningFirst(context, highestWeight);
    }
  }

  /** A migration Job the chart made a hook keeps its weight; if that runs it before its database, say so. */
  private static void noteDeclaredJobsRunningFirst(RenderContext context, int highestWeight) {
    List<Resource> jobs = new ArrayList<>(context.selection().migrationJobs());
    jobs.addAll(context.selection().prerequisiteJobs());
    for (Resource job : jobs) {
      String weight = job.annotation(HOOK_WEIGHT);
      String hook = job.annotation(HOOK);
      if (hook != null && !MigrationJobRule.runsOnlyAfterRelease(hook) && helmWeight(weight) <= highestWeight) {
        context.note(job, "its chart-declared " + HOOK_WEIGHT + " (" + helmWeight(weight)
            + ") is not above the database hooks' (" + highestWeight + "), so Helm runs it before the database exists");
      }
    }
  }

  /** Helm reads a missing or unparsable weight as 0. */
  static int helmWeight(String weight) {
    try {
      return weight == null ? 0 : Integer.parseInt(weight.strip());
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
