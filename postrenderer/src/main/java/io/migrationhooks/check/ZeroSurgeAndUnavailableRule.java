package io.migrationhooks.check;

import io.migrationhooks.model.Resource;
import java.util.List;

/** Both 0 would let the rollout make no progress; the API server rejects the Deployment. */
public final class ZeroSurgeAndUnavailableRule implements CheckRule {
  @Override
  public String id() {
    return "deployment-zero-surge-and-unavailable";
  }

  @Override
  public String summary() {
    return "a Deployment whose maxSurge and maxUnavailable are both 0";
  }

  @Override
  public List<Finding> check(CheckContext context) {
    return context.deployments().stream()
        .filter(deployment -> isZero(deployment, "maxSurge") && isZero(deployment, "maxUnavailable"))
        .map(deployment -> new Finding(id(), deployment,
            "maxSurge and maxUnavailable are both 0: the API server rejects the Deployment (the rollout could never"
                + " progress)",
            "set maxSurge: 1 with maxUnavailable: 0"))
        .toList();
  }

  private static boolean isZero(Resource deployment, String field) {
    String value = deployment.stringAt("spec", "strategy", "rollingUpdate", field);
    return value != null && value.matches("0+%?");
  }
}
