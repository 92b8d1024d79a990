package io.migrationhooks.check;

import io.migrationhooks.model.Resource;
import io.migrationhooks.render.RolloutPolicy;
import java.util.ArrayList;
import java.util.List;

/** The rollout hazards {@link RolloutPolicy} finds (render's hazard notes), as findings of one rule. */
final class RolloutHazards {
  private RolloutHazards() {}

  static List<Finding> findings(CheckContext context, String ruleId) {
    RolloutPolicy policy = new RolloutPolicy(context.resources(), context.selection(), context.settings());
    List<Finding> findings = new ArrayList<>();
    for (Resource deployment : context.deployments()) {
      for (RolloutPolicy.Hazard hazard : policy.hazards(deployment)) {
        if (hazard.id().equals(ruleId)) {
          findings.add(new Finding(ruleId, deployment, hazard.problem(), hazard.fix()));
        }
      }
    }
    return findings;
  }
}
