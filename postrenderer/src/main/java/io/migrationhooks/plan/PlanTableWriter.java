package io.migrationhooks.plan;

import io.migrationhooks.model.Rollout;
import java.util.List;

/** The plan as plain text tables for a terminal (no colour, ASCII only). */
public final class PlanTableWriter {
  public String write(Plan plan) {
    StringBuilder out = new StringBuilder();
    out.append("What ").append(PlanText.displayName(plan.target())).append(" does on install or upgrade, in order:\n");
    int number = 0;
    for (Phase phase : plan.phases()) {
      if (!heading(out, ++number, phase)) {
        continue;
      }
      if (phase.steps().get(0).isHook()) {
        hookTable(phase.steps()).appendTo(out, "   ");
        legend(out, phase.steps());
      } else {
        resourceRoleTable(out, phase.steps());
      }
    }
    if (!plan.otherHooks().isEmpty()) {
      out.append("\nHooks not run on install or upgrade (helm test, uninstall, rollback):\n");
      hookTable(plan.otherHooks()).appendTo(out, "   ");
      legend(out, plan.otherHooks());
    }
    if (!plan.droppedHooks().isEmpty()) {
      out.append("\nDropped by Helm without a word (unknown hook event), never applied:\n");
      TextTable table = new TextTable("RESOURCE", "UNKNOWN EVENTS");
      plan.droppedHooks().forEach(step -> table.row(step.resource().id(), String.join(",", step.hook().unknownEvents())));
      table.appendTo(out, "   ");
    }
    rollouts(out, plan.rollouts());
    externalReferences(out, plan.externalReferences());
    return out.toString();
  }

  /**
   * A phase's number, title and description; "(none)" and false when it has no steps. Shared with
   * the Argo CD table.
   */
  static boolean heading(StringBuilder out, int number, Phase phase) {
    out.append('\n').append(number).append(". ").append(phase.title()).append('\n')
        .append("   ").append(phase.description()).append('\n');
    if (phase.steps().isEmpty()) {
      out.append("   (none)\n");
      return false;
    }
    return true;
  }

  /** Shared with the Argo CD table. */
  static void resourceRoleTable(StringBuilder out, List<Step> steps) {
    TextTable table = new TextTable("RESOURCE", "ROLE");
    steps.forEach(step -> table.row(step.resource().id(), PlanText.orDash(step.role())));
    table.appendTo(out, "   ");
  }

  /** Shared with the Argo CD table. */
  static void externalReferences(StringBuilder out, List<ExternalReference> externalReferences) {
    if (!externalReferences.isEmpty()) {
      out.append("\nMust already exist in the cluster (referenced, not in the stream):\n");
      TextTable table = new TextTable("RESOURCE", "REFERENCED BY");
      externalReferences.forEach(external -> table.row(external.id(), PlanText.names(external.referencedBy())));
      table.appendTo(out, "   ");
    }
  }

  private static TextTable hookTable(List<Step> steps) {
    TextTable table = new TextTable("WEIGHT", "RESOURCE", "ROLE", "WAITS", "NEXT RELEASE", "KEEP", "RUNS ON");
    for (Step step : steps) {
      HelmHook hook = step.hook();
      table.row(Long.toString(hook.weight()), step.resource().id(), PlanText.orDash(step.role()), PlanText.waits(step),
          PlanText.lifecycle(hook), hook.resourcePolicyKeep() ? "yes" : "-", PlanText.when(hook));
    }
    return table;
  }

  private static void legend(StringBuilder out, List<Step> steps) {
    out.append("   recreated: deleted and created again; kept: updated in place; KEEP: resource-policy keep\n");
    if (steps.stream().anyMatch(step -> step.hook().deletePolicyImplied() && step.hook().lifecycle() == HelmHook.Lifecycle.RECREATED)) {
      out.append("   * no hook-delete-policy, so Helm's default before-hook-creation\n");
    }
  }

  static void rollouts(StringBuilder out, List<Rollout> rollouts) {
    out.append("\nDeployment rollouts:\n");
    if (rollouts.isEmpty()) {
      out.append("   (no Deployments)\n");
      return;
    }
    TextTable table = new TextTable("DEPLOYMENT", "REPLICAS", "STRATEGY", "MAX SURGE", "MAX UNAVAILABLE", "MIN READY");
    boolean defaults = false;
    boolean drops = false;
    for (Rollout rollout : rollouts) {
      defaults |= !rollout.defaulted().isEmpty();
      drops |= rollout.dropsBelowReplicas();
      table.row(rollout.deployment().id(), value(rollout, "replicas", Integer.toString(rollout.replicas())),
          value(rollout, "strategy", rollout.strategy()),
          rollout.isRollingUpdate() ? value(rollout, "maxSurge", resolved(rollout.maxSurge(), rollout.resolvedMaxSurge())) : "-",
          rollout.isRollingUpdate()
              ? value(rollout, "maxUnavailable", resolved(rollout.maxUnavailable(), rollout.resolvedMaxUnavailable()))
              : "all",
          rollout.minReady() + (rollout.dropsBelowReplicas() ? " !" : ""));
    }
    table.appendTo(out, "   ");
    if (defaults) {
      out.append("   * Kubernetes default\n");
    }
    if (drops) {
      out.append("   ! fewer ready pods than replicas during the rollout\n");
    }
  }

  private static String value(Rollout rollout, String field, String text) {
    return rollout.defaulted().contains(field) ? text + "*" : text;
  }

  /** "1", or "25% = 1" for a percentage, or "0% = 0 -> 1" when Kubernetes raises it. */
  private static String resolved(String written, int resolved) {
    return written.endsWith("%") ? written + " = " + resolved : written.equals(Integer.toString(resolved)) ? written : written + " -> " + resolved;
  }
}
