package io.migrationhooks.render;

import static io.migrationhooks.model.MigrationHooksAnnotations.ROLLOUT;
import static io.migrationhooks.model.MigrationHooksAnnotations.ROLLOUT_MANAGED;
import static io.migrationhooks.model.MigrationHooksAnnotations.ROLLOUT_UNMANAGED;

import io.migrationhooks.model.Resource;
import io.migrationhooks.model.Rollout;
import io.migrationhooks.render.RolloutPolicy.Decision;
import io.migrationhooks.render.RolloutPolicy.Hazard;
import io.migrationhooks.yaml.BadInputException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every Deployment rolls out without dropping below its ready replicas, unless {@link RolloutPolicy}
 * keeps its strategy; a kept strategy is noted, with its hazards as hazard notes (the ids of the check
 * rules that find them in the output).
 */
public final class RolloutRule implements Rule {
  private static final String MANAGED = ROLLOUT + ": " + ROLLOUT_MANAGED;

  @Override
  public void apply(RenderContext context) {
    RolloutPolicy policy = null;
    for (Resource deployment : context.resources()) {
      if (!deployment.isKind("Deployment")) {
        continue;
      }
      if (policy == null) {
        policy = new RolloutPolicy(context.resources(), context.selection(), context.settings());
      }
      Decision decision = policy.decide(deployment);
      if (context.leaveDeclaredHook(deployment)) {
        continue;
      }
      if (decision.setsStrategy()) {
        setStrategy(context, deployment, decision);
      } else {
        noteKept(context, policy, deployment, decision);
      }
    }
  }

  private static void setStrategy(RenderContext context, Resource deployment, Decision decision) {
    Map<String, Object> strategy = new LinkedHashMap<>();
    strategy.put("type", Rollout.ROLLING_UPDATE);
    strategy.put("rollingUpdate", context.settings().rollingUpdate());
    context.edit(deployment).set(List.of("spec", "strategy"), strategy);
    if (decision.reason() != RolloutPolicy.Reason.MANAGED) {
      return;
    }
    if (Rollout.RECREATE.equals(deployment.strategyType())) {
      context.note(deployment, "strategy Recreate replaced by RollingUpdate (" + MANAGED + ")");
    }
    if (!decision.singleAttachClaims().isEmpty()) {
      context.note(deployment, "rolled out with a surge although it mounts "
          + RolloutPolicy.describe(decision.singleAttachClaims()) + " (" + MANAGED + ")");
    }
  }

  private static void noteKept(RenderContext context, RolloutPolicy policy, Resource deployment, Decision decision) {
    String why = switch (decision.reason()) {
      case DATABASE -> "rollout left alone (database workload)";
      case UNMANAGED -> "rollout left alone (" + ROLLOUT + ": " + ROLLOUT_UNMANAGED + ")";
      case EXCLUDED -> "rollout left alone (rollout.exclude)";
      case SINGLE_ATTACH_CLAIM -> "rollout left alone: it mounts " + RolloutPolicy.describe(decision.singleAttachClaims())
          + ", which a surge pod cannot attach while an old pod holds it (annotate " + MANAGED
          + " to roll it out with a surge anyway)";
      case RECREATE -> "kept as the chart wrote it (a singleton, or a volume only one pod can use,"
          + " may need it)";
      case CONFIGURED, MANAGED -> throw new IllegalStateException("render sets this strategy");
    };
    List<Hazard> hazards;
    try {
      hazards = policy.hazards(deployment, decision);
    } catch (BadInputException invalidStrategy) {
      // Left as written, as the API server will judge it; check names the bad value.
      hazards = List.of();
    }
    if (hazards.isEmpty()) {
      context.note(deployment, why);
    }
    for (Hazard hazard : hazards) {
      context.hazard(hazard.id(), deployment, why + ": " + hazard.problem() + " \u2014 " + hazard.fix());
    }
  }
}
