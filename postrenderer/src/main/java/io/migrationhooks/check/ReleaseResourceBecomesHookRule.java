package io.migrationhooks.check;

import io.migrationhooks.model.HelmAnnotations;
import io.migrationhooks.model.Resource;
import io.migrationhooks.plan.HelmHook;
import io.migrationhooks.plan.ResourceIndex;
import java.util.ArrayList;
import java.util.List;

/**
 * Helm deletes what the previous release had and this one does not; a resource that became a hook
 * is gone from the release, so Helm deletes it at the end of the upgrade unless it carries keep.
 */
public final class ReleaseResourceBecomesHookRule implements CheckRule {
  @Override
  public String id() {
    return "release-resource-becomes-hook";
  }

  @Override
  public String summary() {
    return "with --previous: a resource of the previous release that is now a hook without helm.sh/resource-policy: keep";
  }

  @Override
  public List<Finding> check(CheckContext context) {
    ResourceIndex previous = new ResourceIndex(context.previous().orElse(List.of()));
    List<Finding> findings = new ArrayList<>();
    for (HelmHook hook : context.hooks()) {
      Resource resource = hook.resource();
      if (hook.droppedByHelm() || hook.resourcePolicyKeep() || resource.kind() == null || resource.name() == null) {
        continue;
      }
      previous.find(resource.kind(), resource.name()).stream().filter(old -> isSameObject(old, resource)).findFirst().ifPresent(old ->
          findings.add(new Finding(id(), resource, "was a release resource of the previous release and is now a hook:"
              + " Helm deletes it at the end of this upgrade",
              "add " + HelmAnnotations.RESOURCE_POLICY + ": " + HelmAnnotations.KEEP + " (render adds it to database resources)")));
    }
    return findings;
  }

  /** helm get manifest holds no hooks; skip any that a user's file has anyway. */
  private static boolean isSameObject(Resource old, Resource current) {
    return !old.hasAnnotation(HelmAnnotations.HOOK) && old.sameNamespace(current);
  }
}
