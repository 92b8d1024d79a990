package io.migrationhooks.check;

import io.migrationhooks.plan.Rollout;
import java.util.List;

/** Recreate stops every pod before starting new ones: downtime on every upgrade. Database Deployments need it. */
public final class DeploymentRecreateRule implements CheckRule {
  @Override
  public String id() {
    return "deployment-recreate";
  }

  @Override
  public String summary() {
    return "a Deployment (not a database) with strategy Recreate";
  }

  @Override
  public List<Finding> check(CheckContext context) {
    return context.deployments().stream()
        .filter(deployment -> Rollout.RECREATE.equals(deployment.stringAt("spec", "strategy", "type")))
        .filter(deployment -> !context.selection().databaseWorkloads().contains(deployment))
        .map(deployment -> new Finding(id(), deployment,
            "strategy Recreate stops every pod before new ones start: the service is down during each upgrade",
            "use RollingUpdate with maxUnavailable: 0 and maxSurge: 1 (render sets it unless the Deployment is "
                + "annotated migration-hooks.io/rollout: unmanaged)"))
        .toList();
  }
}
