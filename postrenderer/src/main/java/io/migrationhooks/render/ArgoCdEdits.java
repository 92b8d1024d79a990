package io.migrationhooks.render;

import io.migrationhooks.model.ArgoCdAnnotations;
import io.migrationhooks.model.HelmAnnotations;
import io.migrationhooks.model.Resource;
import java.util.List;

/** Edits the Argo CD rules share: dropping Helm hook annotations, respecting Argo CD hooks, setting waves. */
final class ArgoCdEdits {
  /** What Argo CD reads from Helm: hook → phase, weight → wave, delete policy → added to its own. */
  static final List<String> HELM_HOOK_ANNOTATIONS =
      List.of(HelmAnnotations.HOOK, HelmAnnotations.HOOK_WEIGHT, HelmAnnotations.HOOK_DELETE_POLICY);

  private ArgoCdEdits() {}

  static void removeHelmHookAnnotations(RenderContext context, Resource resource) {
    for (String key : HELM_HOOK_ANNOTATIONS) {
      if (resource.hasAnnotation(key)) {
        context.edit(resource).remove(annotation(key));
        context.note(resource, "removed " + key + ": " + resource.annotation(key)
            + " (Argo CD would read it; this mode orders the resource with " + ArgoCdAnnotations.SYNC_WAVE + ")");
      }
    }
  }

  /** True, after noting it, when the chart already made the resource an Argo CD hook of another kind than {@code allowed}. */
  static boolean leaveArgoCdHook(RenderContext context, Resource resource, String allowed, String what) {
    String hook = resource.annotation(ArgoCdAnnotations.HOOK);
    if (hook == null || hook.equals(allowed)) {
      return false;
    }
    context.note(resource, "already an Argo CD hook (" + ArgoCdAnnotations.HOOK + ": " + hook + "); " + what + " left as written");
    return true;
  }

  static void setWave(RenderContext context, Resource resource, int wave) {
    context.edit(resource).set(annotation(ArgoCdAnnotations.SYNC_WAVE), Integer.toString(wave));
  }

  static List<String> annotation(String key) {
    return List.of("metadata", "annotations", key);
  }
}
