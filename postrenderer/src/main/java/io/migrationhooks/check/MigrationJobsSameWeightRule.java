package io.migrationhooks.check;

import io.migrationhooks.model.HelmAnnotations;
import io.migrationhooks.model.Resource;
import io.migrationhooks.plan.HelmHook;
import io.migrationhooks.render.Tier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Migration Jobs of equal weight that run on the same event go in name order: an order nobody chose. */
public final class MigrationJobsSameWeightRule implements CheckRule {
  @Override
  public String id() {
    return "migration-jobs-same-weight";
  }

  @Override
  public String summary() {
    return "two migration Jobs with the same hook weight on the same event (Helm then runs them by name)";
  }

  @Override
  public List<Finding> check(CheckContext context) {
    List<HelmHook> jobs = new ArrayList<>();
    for (Resource job : context.selection().migrationJobs()) {
      jobs.add(HelmHook.of(job).orElseGet(() -> asRenderWillMakeIt(job, context)));
    }
    jobs.sort(HelmHook.EXECUTION_ORDER);
    List<Finding> findings = new ArrayList<>();
    for (int later = 1; later < jobs.size(); later++) {
      HelmHook second = jobs.get(later);
      jobs.subList(0, later).stream()
          .filter(first -> first.weight() == second.weight() && !Collections.disjoint(first.events(), second.events()))
          .findFirst()
          .ifPresent(first -> findings.add(new Finding(id(), second.resource(), "same hook weight (" + second.weight()
              + ") as migration " + first.resource().id() + ": Helm runs them in name order, not in the order they"
              + " were meant to", "give each migration Job its own helm.sh/hook-weight, in the order they must run")));
    }
    return findings;
  }

  /** A migration Job that is not a hook yet gets render's weight and events. */
  private static HelmHook asRenderWillMakeIt(Resource job, CheckContext context) {
    return new HelmHook(job, List.of(HelmHook.PRE_INSTALL, HelmHook.PRE_UPGRADE), List.of(),
        context.settings().weight(Tier.MIGRATION_JOB), List.of(HelmAnnotations.BEFORE_HOOK_CREATION), false, false);
  }
}
