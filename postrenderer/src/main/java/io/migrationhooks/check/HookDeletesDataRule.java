package io.migrationhooks.check;

import io.migrationhooks.model.HelmAnnotations;
import io.migrationhooks.plan.HelmHook;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A PVC, StatefulSet or Secret hook that Helm deletes: its data or passwords do not survive the release. */
public final class HookDeletesDataRule implements CheckRule {
  /** What is lost when such a resource is deleted; the Argo CD rule says the same. */
  static final Map<String, String> LOSS = Map.of(
      "PersistentVolumeClaim", "its volume and the data on it are lost",
      "StatefulSet", "the database stops and starts again from scratch",
      "Secret", "generated passwords change and no longer match the database");

  @Override
  public String id() {
    return "hook-deletes-data";
  }

  @Override
  public String summary() {
    return "a PersistentVolumeClaim, StatefulSet or Secret hook that Helm deletes (before-hook-creation, explicit or by default, or hook-succeeded)";
  }

  @Override
  public List<Finding> check(CheckContext context) {
    List<Finding> findings = new ArrayList<>();
    for (HelmHook hook : context.hooks()) {
      String loss = LOSS.get(hook.resource().kind());
      if (loss == null || !hook.resource().isKind(hook.resource().kind()) || hook.droppedByHelm()) {
        continue;
      }
      String when = switch (hook.lifecycle()) {
        case RECREATED -> "Helm deletes and recreates this hook each time it runs ("
            + (hook.deletePolicyImplied() ? "no " + HelmAnnotations.HOOK_DELETE_POLICY + ": Helm's default is "
            : HelmAnnotations.HOOK_DELETE_POLICY + ": ") + HelmAnnotations.BEFORE_HOOK_CREATION + ")";
        case DELETED_AFTER_SUCCESS -> "Helm deletes this hook once its phase succeeds (" + HelmHook.HOOK_SUCCEEDED + ")";
        case KEPT -> null;
      };
      if (when != null) {
        findings.add(new Finding(id(), hook.resource(), when + ", so " + loss,
            "set " + HelmAnnotations.HOOK_DELETE_POLICY + ": " + HelmAnnotations.HOOK_FAILED + " and "
                + HelmAnnotations.RESOURCE_POLICY + ": " + HelmAnnotations.KEEP + " (what render gives database resources)"));
      }
    }
    return findings;
  }
}
