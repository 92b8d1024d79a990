package io.migrationhooks.check;

import io.migrationhooks.render.RolloutPolicy;
import java.util.List;

/**
 * Recreate stops every pod before starting new ones: downtime on every upgrade. Quiet where Recreate
 * is deliberate ({@link RolloutPolicy}: a database, a ReadWriteOnce claim, unmanaged, rollout.exclude),
 * where render keeps it too: render's hazard note has this id.
 */
public final class DeploymentRecreateRule implements CheckRule {
  @Override
  public String id() {
    return RolloutPolicy.RECREATE_HAZARD;
  }

  @Override
  public String summary() {
    return "a Deployment with strategy Recreate that could roll out (not a database, no ReadWriteOnce claim, not unmanaged)";
  }

  @Override
  public List<Finding> check(CheckContext context) {
    return RolloutHazards.findings(context, id());
  }
}
