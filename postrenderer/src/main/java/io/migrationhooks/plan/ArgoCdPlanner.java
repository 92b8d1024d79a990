package io.migrationhooks.plan;

import io.migrationhooks.model.Rollout;
import io.migrationhooks.argocd.SyncOrder;
import io.migrationhooks.argocd.SyncPhase;
import io.migrationhooks.argocd.SyncTask;
import io.migrationhooks.model.Resource;
import io.migrationhooks.render.Selection;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * An Argo CD sync: the PreSync hooks, then each wave of the Sync phase (resources and Sync hooks
 * together), then the PostSync hooks. Argo CD starts the next wave only when every resource of the
 * current one is healthy and every hook of it has completed.
 */
public final class ArgoCdPlanner implements Planner {
  public static final String TARGET = "argocd";
  /** Kinds Argo CD assesses health for; the rest count as healthy once applied. */
  private static final Set<String> HEALTH_CHECKED = Set.of("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet",
      "PersistentVolumeClaim", "Job", "Pod", "Ingress", "APIService", "HorizontalPodAutoscaler", "CronJob");

  @Override
  public Plan plan(List<Resource> resources, Selection selection) {
    SyncOrder order = SyncOrder.of(resources);
    List<Phase> phases = new ArrayList<>();
    addPhase(phases, order, selection, SyncPhase.PRE_SYNC, "PreSync hooks",
        "hooks only, before any resource of the Sync phase; a failed hook fails the sync");
    addPhase(phases, order, selection, SyncPhase.SYNC, "Sync",
        "applied together; the next wave starts once what waits here is healthy or completed");
    addPhase(phases, order, selection, SyncPhase.POST_SYNC, "PostSync hooks", "after every Sync wave is healthy and complete");
    List<Step> neverApplied = order.neverApplied().stream().map(task -> step(task, selection)).toList();
    List<Rollout> rollouts = resources.stream().filter(r -> r.isKind("Deployment")).map(Rollout::of).toList();
    return new Plan(TARGET, phases, neverApplied, List.of(), rollouts, HelmPlanner.externalReferences(resources));
  }

  private static void addPhase(List<Phase> phases, SyncOrder order, Selection selection, SyncPhase phase, String title, String description) {
    List<SyncOrder.Wave> waves = order.waves(phase);
    if (waves.isEmpty()) {
      phases.add(new Phase(phase.annotationValue(), title, description, List.of()));
    }
    for (SyncOrder.Wave wave : waves) {
      phases.add(new Phase(phase.annotationValue() + ":" + wave.wave(), title + ", wave " + wave.wave(), description,
          wave.tasks().stream().map(task -> step(task, selection)).toList()));
    }
  }

  private static Step step(SyncTask task, Selection selection) {
    return new Step(task.resource(), null, HelmPlanner.role(selection, task.resource()), waits(task));
  }

  /** What Argo CD waits on before the next wave: a hook to complete, a health-checked resource to be healthy. */
  static boolean waits(SyncTask task) {
    return task.hook() || HEALTH_CHECKED.contains(task.resource().kind());
  }
}
