package io.migrationhooks.render;

import static io.migrationhooks.model.MigrationHooksAnnotations.ROLLOUT;
import static io.migrationhooks.model.MigrationHooksAnnotations.ROLLOUT_UNMANAGED;

import io.migrationhooks.model.Resource;
import io.migrationhooks.yaml.BadInputException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every Deployment rolls out without dropping below its ready replicas. Exempt: database
 * Deployments (a ReadWriteOnce volume cannot be mounted by a surge pod) and Deployments annotated
 * migration-hooks.io/rollout: unmanaged.
 */
public final class RolloutRule implements Rule {
  @Override
  public void apply(RenderContext context) {
    for (Resource deployment : context.resources()) {
      if (!deployment.isKind("Deployment")) {
        continue;
      }
      String rollout = deployment.annotation(ROLLOUT);
      if (rollout != null && !rollout.equals(ROLLOUT_UNMANAGED)) {
        throw new BadInputException(deployment.id() + ": " + ROLLOUT + " must be '" + ROLLOUT_UNMANAGED + "'");
      }
      if (context.leaveDeclaredHook(deployment)) {
        continue;
      }
      if (context.selection().isDatabaseWorkload(deployment)) {
        context.note(deployment, "rollout left alone (database workload)");
      } else if (context.settings().rolloutExclude.matches(deployment)) {
        context.note(deployment, "rollout left alone (rollout.exclude)");
      } else if (rollout != null) {
        context.note(deployment, "rollout left alone (" + ROLLOUT + ": " + ROLLOUT_UNMANAGED + ")");
      } else {
        Map<String, Object> strategy = new LinkedHashMap<>();
        strategy.put("type", "RollingUpdate");
        strategy.put("rollingUpdate", context.settings().rollingUpdate());
        context.edit(deployment).set(List.of("spec", "strategy"), strategy);
      }
    }
  }
}
