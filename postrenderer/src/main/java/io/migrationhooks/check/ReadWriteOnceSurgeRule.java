package io.migrationhooks.check;

import io.migrationhooks.render.RolloutPolicy;
import java.util.List;

/**
 * A surge pod needs the volume the old pod still holds; a ReadWriteOnce volume attaches to one node
 * (ReadWriteOncePod to one pod), so the new pod waits forever and the rollout hangs. render keeps the
 * strategy of such a Deployment and gives a hazard note with this id when it surges.
 */
public final class ReadWriteOnceSurgeRule implements CheckRule {
  @Override
  public String id() {
    return RolloutPolicy.SINGLE_ATTACH_SURGE_HAZARD;
  }

  @Override
  public String summary() {
    return "a Deployment that mounts a ReadWriteOnce(Pod) PVC of the stream and rolls out with a surge";
  }

  @Override
  public List<Finding> check(CheckContext context) {
    return RolloutHazards.findings(context, id());
  }
}
