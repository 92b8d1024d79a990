package io.migrationhooks.check;

import io.migrationhooks.model.HelmAnnotations;
import io.migrationhooks.model.Resource;
import io.migrationhooks.plan.HelmHook;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

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
    List<Resource> previous = context.previous().orElse(List.of());
    List<Finding> findings = new ArrayList<>();
    for (HelmHook hook : context.hooks()) {
      Resource resource = hook.resource();
      if (hook.droppedByHelm() || hook.resourcePolicyKeep()) {
        continue;
      }
      previous.stream().filter(old -> isSameObject(old, resource)).findFirst().ifPresent(old ->
          findings.add(new Finding(id(), resource, "was a release resource of the previous release and is now a hook:"
              + " Helm deletes it at the end of this upgrade",
              "add " + HelmAnnotations.RESOURCE_POLICY + ": " + HelmAnnotations.KEEP + " (render adds it to database resources)")));
    }
    return findings;
  }

  /** helm get manifest holds no hooks; skip any that a user's file has anyway. */
  private static boolean isSameObject(Resource old, Resource current) {
    return !old.hasAnnotation(HelmAnnotations.HOOK) && Objects.equals(old.kind(), current.kind())
        && Objects.equals(old.name(), current.name()) && old.sameNamespace(current);
  }
}
