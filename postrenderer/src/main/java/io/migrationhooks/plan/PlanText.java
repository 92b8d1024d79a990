package io.migrationhooks.plan;

import static io.migrationhooks.plan.HelmHook.POST_INSTALL;
import static io.migrationhooks.plan.HelmHook.POST_UPGRADE;
import static io.migrationhooks.plan.HelmHook.PRE_INSTALL;
import static io.migrationhooks.plan.HelmHook.PRE_UPGRADE;

import io.migrationhooks.model.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Wording shared by the table and the diagram. */
final class PlanText {
  private PlanText() {}

  /** "install,upgrade" for pre/post hooks; the raw event list for any other hook. */
  static String when(HelmHook hook) {
    List<String> when = new ArrayList<>();
    if (hook.runsOn(PRE_INSTALL) || hook.runsOn(POST_INSTALL)) {
      when.add("install");
    }
    if (hook.runsOn(PRE_UPGRADE) || hook.runsOn(POST_UPGRADE)) {
      when.add("upgrade");
    }
    return when.isEmpty() ? String.join(",", hook.events()) : String.join(",", when);
  }

  /** "yes" for Jobs and Pods (Helm waits until they complete or succeed), "no" for the rest. */
  static String waits(Step step) {
    return step.waits() ? "yes" : "no";
  }

  /** What the next release does to the hook object; "*" marks before-hook-creation Helm applied by default. */
  static String lifecycle(HelmHook hook) {
    return switch (hook.lifecycle()) {
      case RECREATED -> hook.deletePolicyImplied() ? "recreated*" : "recreated";
      case DELETED_AFTER_SUCCESS -> "deleted on success";
      case KEPT -> "kept";
    };
  }

  static String names(List<Resource> resources) {
    return resources.stream().map(Resource::id).collect(Collectors.joining(", "));
  }

  /** "Helm" for the target "helm", "Argo CD" for "argocd". */
  static String displayName(String target) {
    if (target.equals(ArgoCdPlanner.TARGET)) {
      return "Argo CD";
    }
    return target.isEmpty() ? target : Character.toUpperCase(target.charAt(0)) + target.substring(1);
  }

  static String orDash(String text) {
    return text == null ? "-" : text;
  }
}
