package io.migrationhooks.plan;

import io.migrationhooks.argocd.SyncTask;
import io.migrationhooks.model.ArgoCdAnnotations;
import java.util.List;

/** An Argo CD plan as plain text tables: each wave with what Argo CD waits on before the next. */
public final class ArgoCdPlanTableWriter {
  public String write(Plan plan) {
    StringBuilder out = new StringBuilder("Plan for an Argo CD sync, in order:\n");
    int number = 0;
    for (Phase phase : plan.phases()) {
      if (PlanTableWriter.heading(out, ++number, phase)) {
        table(phase.steps()).appendTo(out, "   ");
      }
    }
    if (!plan.otherHooks().isEmpty()) {
      out.append("\nNever applied by a sync (a hook of no sync phase, such as helm.sh/hook: test, or Skip):\n");
      PlanTableWriter.resourceRoleTable(out, plan.otherHooks());
    }
    PlanTableWriter.rollouts(out, plan.rollouts());
    PlanTableWriter.externalReferences(out, plan.externalReferences());
    return out.toString();
  }

  private static TextTable table(List<Step> steps) {
    TextTable table = new TextTable("RESOURCE", "ROLE", "TYPE", "ARGO CD WAITS", "NEXT SYNC");
    for (Step step : steps) {
      SyncTask task = SyncTask.of(step.resource());
      table.row(step.resource().id(), PlanText.orDash(step.role()), task.hook() ? "hook" : "resource",
          !step.waits() ? "-" : task.hook() ? "until it completes" : "until healthy", nextSync(task));
    }
    return table;
  }

  private static String nextSync(SyncTask task) {
    if (!task.hook()) {
      String options = task.resource().annotation(ArgoCdAnnotations.SYNC_OPTIONS);
      boolean kept = options != null && options.contains(ArgoCdAnnotations.PRUNE_FALSE) && options.contains(ArgoCdAnnotations.DELETE_FALSE);
      return kept ? "updated in place; never pruned or deleted" : "updated in place";
    }
    if (task.recreatedEverySync()) {
      return task.deletePolicyImplied() ? "deleted, recreated (no policy: Argo CD's default)" : "deleted, recreated";
    }
    return task.deletePolicies().contains("HookSucceeded") ? "deleted after it succeeds" : "kept";
  }
}
