package io.migrationhooks.plan;

import io.migrationhooks.model.Rollout;
import io.migrationhooks.argocd.SyncTask;
import io.migrationhooks.model.Resource;
import java.util.LinkedHashMap;
import java.util.Map;

/** The plan as a Mermaid sequence diagram (GitHub and GitLab render it in a ```mermaid block). */
public final class PlanMermaidWriter {
  public String write(Plan plan) {
    Map<Resource, Rollout> rollouts = new LinkedHashMap<>();
    plan.rollouts().forEach(rollout -> rollouts.put(rollout.deployment(), rollout));
    StringBuilder out = new StringBuilder("sequenceDiagram\n");
    out.append("  participant Tool as ").append(label(PlanText.displayName(plan.target()))).append('\n');
    out.append("  participant API as Kubernetes API\n");
    int number = 0;
    for (Phase phase : plan.phases()) {
      out.append("  Note over Tool,API: ").append(++number).append(". ").append(phase.title())
          .append(phase.steps().isEmpty() ? " (none)" : "").append('\n');
      for (Step step : phase.steps()) {
        if (step.isHook()) {
          hook(out, step);
        } else {
          out.append("  Tool->>API: apply ").append(name(step.resource())).append('\n');
          if (step.waits()) {
            // Argo CD: the next wave waits for it (Helm's release resources never wait).
            out.append("  API-->>Tool: ").append(name(step.resource()))
                .append(SyncTask.of(step.resource()).hook() ? " completed\n" : " healthy\n");
          }
        }
      }
      for (Step step : phase.steps()) {
        Rollout rollout = rollouts.get(step.resource());
        if (rollout != null) {
          out.append("  Note over API: ").append(name(step.resource())).append(" rolls out: ").append(rollout(rollout)).append('\n');
        }
      }
    }
    return out.toString();
  }

  private static void hook(StringBuilder out, Step step) {
    HelmHook hook = step.hook();
    String name = name(step.resource());
    if (hook.lifecycle() == HelmHook.Lifecycle.RECREATED) {
      out.append("  Tool->>API: delete ").append(name).append(" if present, wait until gone\n");
    }
    out.append("  Tool->>API: ").append(hook.lifecycle() == HelmHook.Lifecycle.KEPT ? "create or update " : "create ")
        .append(name).append(" (weight ").append(hook.weight()).append(")\n");
    if (step.waits()) {
      out.append("  API-->>Tool: ").append(name).append(step.resource().isKind("Pod") ? " succeeded" : " complete")
          .append(" (waits, a failure stops the release)\n");
    }
    if (hook.lifecycle() == HelmHook.Lifecycle.DELETED_AFTER_SUCCESS) {
      out.append("  Tool->>API: delete ").append(name).append(" at the end of the phase\n");
    }
  }

  private static String rollout(Rollout rollout) {
    if (!rollout.isRollingUpdate()) {
      return "replicas " + rollout.replicas() + ", " + rollout.strategy() + ", min ready " + rollout.minReady();
    }
    return "replicas " + rollout.replicas() + ", surge " + rollout.resolvedMaxSurge() + ", unavailable "
        + rollout.resolvedMaxUnavailable() + ", min ready " + rollout.minReady()
        + (rollout.dropsBelowReplicas() ? " (below replicas)" : "");
  }

  /** Mermaid ends a message at a semicolon or a hash; names of Kubernetes objects hold neither. */
  private static String name(Resource resource) {
    return label(resource.id());
  }

  private static String label(String text) {
    return text.replaceAll("[;#<>]", "_");
  }
}
