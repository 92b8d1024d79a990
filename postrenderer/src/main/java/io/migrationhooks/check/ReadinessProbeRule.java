package io.migrationhooks.check;

import io.migrationhooks.model.Resource;
import io.migrationhooks.yaml.YamlNodes;
import java.util.ArrayList;
import java.util.List;
import org.snakeyaml.engine.v2.nodes.Node;

/** Without a readiness probe a pod is ready as soon as it starts, so maxUnavailable: 0 protects nothing. */
public final class ReadinessProbeRule implements CheckRule {
  @Override
  public String id() {
    return "deployment-no-readiness-probe";
  }

  @Override
  public String summary() {
    return "a Deployment with a container that has no readinessProbe";
  }

  @Override
  public List<Finding> check(CheckContext context) {
    List<Finding> findings = new ArrayList<>();
    for (Resource deployment : context.deployments()) {
      List<String> unprobed = new ArrayList<>();
      Node containers = deployment.nodeAt("spec", "template", "spec", "containers").orElse(null);
      for (Node container : YamlNodes.items(containers)) {
        if (YamlNodes.at(container, "readinessProbe").filter(probe -> !YamlNodes.isNull(probe)).isEmpty()) {
          String name = YamlNodes.stringAt(container, "name");
          unprobed.add(name == null ? "(unnamed)" : name);
        }
      }
      if (!unprobed.isEmpty()) {
        findings.add(new Finding(id(), deployment, "container(s) " + String.join(", ", unprobed)
            + " have no readinessProbe: a new pod counts as ready once it starts, so the rollout can replace"
            + " working pods with ones that do not serve yet",
            "add a readinessProbe to every container"));
      }
    }
    return findings;
  }
}
