package io.migrationhooks.check;

import io.migrationhooks.model.Resource;
import io.migrationhooks.plan.HelmHook;
import io.migrationhooks.render.Tier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Migration Jobs of equal weight run in name order: an order nobody chose. */
public final class MigrationJobsSameWeightRule implements CheckRule {
  @Override
  public String id() {
    return "migration-jobs-same-weight";
  }

  @Override
  public String summary() {
    return "two migration Jobs with the same hook weight (Helm then runs them by name)";
  }

  @Override
  public List<Finding> check(CheckContext context) {
    long unhookedWeight = context.settings().weight(Tier.MIGRATION_JOB); // what render will give a Job not yet a hook
    Map<Long, List<HelmHook>> byWeight = new LinkedHashMap<>();
    for (Resource job : context.selection().migrationJobs()) {
      HelmHook hook = HelmHook.of(job).orElse(null);
      long weight = hook == null ? unhookedWeight : hook.weight();
      HelmHook ordered = hook != null ? hook : new HelmHook(job, List.of(), List.of(), weight, List.of(), true, false);
      byWeight.computeIfAbsent(weight, w -> new ArrayList<>()).add(ordered);
    }
    List<Finding> findings = new ArrayList<>();
    byWeight.forEach((weight, jobs) -> {
      jobs.sort(HelmHook.EXECUTION_ORDER);
      for (int i = 1; i < jobs.size(); i++) {
        findings.add(new Finding(id(), jobs.get(i).resource(), "same hook weight (" + weight + ") as migration "
            + jobs.get(0).resource().id() + ": Helm runs them in name order, not in the order they were meant to",
            "give each migration Job its own helm.sh/hook-weight, in the order they must run"));
      }
    });
    return findings;
  }
}
