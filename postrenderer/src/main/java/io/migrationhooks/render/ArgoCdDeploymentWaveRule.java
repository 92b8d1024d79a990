package io.migrationhooks.render;

import io.migrationhooks.model.HelmAnnotations;
import io.migrationhooks.model.Resource;

/**
 * Argo CD: every Deployment other than a database workload goes into the wave after the migration
 * Job, so the new application version starts only once the migration has completed. Their rollout
 * strategy is the rollout rule's business.
 */
public final class ArgoCdDeploymentWaveRule implements Rule {
  @Override
  public void apply(RenderContext context) {
    Selection selection = context.selection();
    if (!selection.hasMigrationJob()) {
      return;
    }
    for (Resource deployment : context.resources()) {
      if (!deployment.isKind("Deployment") || selection.tierOf(deployment).isPresent()
          || deployment.hasAnnotation(HelmAnnotations.HOOK)
          || ArgoCdEdits.leaveArgoCdHook(context, deployment, null, "sync wave")) {
        continue;
      }
      ArgoCdEdits.setWave(context, deployment, context.settings().deploymentsWave);
    }
  }
}
