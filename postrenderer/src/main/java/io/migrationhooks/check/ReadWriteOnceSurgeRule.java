package io.migrationhooks.check;

import io.migrationhooks.model.PodTemplate;
import io.migrationhooks.model.Reference;
import io.migrationhooks.model.Resource;
import io.migrationhooks.plan.ResourceIndex;
import io.migrationhooks.plan.Rollout;
import io.migrationhooks.yaml.YamlNodes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A surge pod needs the volume the old pod still holds; a ReadWriteOnce volume attaches to one node
 * (ReadWriteOncePod to one pod), so the new pod waits forever and the rollout hangs.
 */
public final class ReadWriteOnceSurgeRule implements CheckRule {
  private static final Set<String> SINGLE_ATTACH = Set.of("ReadWriteOnce", "ReadWriteOncePod");

  @Override
  public String id() {
    return "rwo-volume-with-surge";
  }

  @Override
  public String summary() {
    return "a Deployment that mounts a ReadWriteOnce(Pod) PVC of the stream and rolls out with a surge";
  }

  @Override
  public List<Finding> check(CheckContext context) {
    ResourceIndex index = new ResourceIndex(context.resources());
    List<Finding> findings = new ArrayList<>();
    for (Resource deployment : context.deployments()) {
      Rollout rollout = Rollout.of(deployment);
      if (!rollout.isRollingUpdate() || rollout.resolvedMaxSurge() == 0) {
        continue;
      }
      for (Reference reference : deployment.podTemplate().map(PodTemplate::references).orElse(Set.of())) {
        if (!reference.kind().equals(Reference.PERSISTENT_VOLUME_CLAIM)) {
          continue;
        }
        for (Resource claim : index.find(Reference.PERSISTENT_VOLUME_CLAIM, reference.name())) {
          if (claim.sameNamespace(deployment) && singleAttach(claim)) {
            findings.add(new Finding(id(), deployment, "mounts " + claim.id() + " (ReadWriteOnce: one node at a time) and surges "
                + rollout.resolvedMaxSurge() + " pod(s): the new pod cannot attach the volume the old pod holds,"
                + " so the rollout hangs",
                "use maxSurge: 0 with maxUnavailable: 1, or strategy Recreate, or a ReadWriteMany volume"));
          }
        }
      }
    }
    return findings;
  }

  private static boolean singleAttach(Resource claim) {
    return YamlNodes.items(claim.nodeAt("spec", "accessModes").orElse(null)).stream()
        .map(YamlNodes::scalar).anyMatch(SINGLE_ATTACH::contains);
  }
}
