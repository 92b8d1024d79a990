package io.migrationhooks.plan;

import io.migrationhooks.model.Rollout;
import static io.migrationhooks.plan.HelmHook.POST_INSTALL;
import static io.migrationhooks.plan.HelmHook.POST_UPGRADE;
import static io.migrationhooks.plan.HelmHook.PRE_INSTALL;
import static io.migrationhooks.plan.HelmHook.PRE_UPGRADE;

import io.migrationhooks.model.HelmAnnotations;
import io.migrationhooks.model.PodTemplate;
import io.migrationhooks.model.Reference;
import io.migrationhooks.model.Resource;
import io.migrationhooks.render.Selection;
import io.migrationhooks.render.Tier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Helm's install/upgrade: the pre-install/pre-upgrade hooks one by one (waiting for Jobs and Pods),
 * then the release resources by kind, then the post-install/post-upgrade hooks.
 */
public final class HelmPlanner implements Planner {
  public static final String TARGET = "helm";
  static final String DEFAULT_SERVICE_ACCOUNT = "default";

  @Override
  public Plan plan(List<Resource> resources, Selection selection) {
    List<HelmHook> pre = new ArrayList<>();
    List<HelmHook> post = new ArrayList<>();
    List<HelmHook> other = new ArrayList<>();
    List<HelmHook> dropped = new ArrayList<>();
    List<Resource> release = new ArrayList<>();
    for (Resource resource : resources) {
      HelmHook hook = HelmHook.of(resource).orElse(null);
      if (hook == null) {
        release.add(resource);
      } else if (hook.droppedByHelm()) {
        dropped.add(hook);
      } else if (hook.runsOn(PRE_INSTALL) || hook.runsOn(PRE_UPGRADE)) {
        pre.add(hook);
      } else if (hook.runsOn(POST_INSTALL) || hook.runsOn(POST_UPGRADE)) {
        post.add(hook);
      } else {
        other.add(hook);
      }
    }
    // Helm reads templates by file path, then sorts by kind keeping that order.
    release.sort(Comparator.comparing(Resource::kind, KindOrder.INSTALL)
        .thenComparing(resource -> Objects.requireNonNullElse(resource.annotation(HelmAnnotations.POSTRENDER_FILENAME), "")));

    List<Phase> phases = List.of(
        new Phase("pre-install-upgrade", "pre-install / pre-upgrade hooks",
            "one at a time in this order; Helm waits until each Job completes and each Pod succeeds",
            hookSteps(pre, selection)),
        new Phase("release", "release resources",
            "applied together in Helm's kind order; Helm waits for them only with --wait",
            release.stream().map(resource -> new Step(resource, null, role(selection, resource), false)).toList()),
        new Phase("post-install-upgrade", "post-install / post-upgrade hooks",
            "after the release resources, one at a time in this order", hookSteps(post, selection)));
    List<Rollout> rollouts = resources.stream().filter(r -> r.isKind("Deployment")).map(Rollout::of).toList();
    return new Plan(TARGET, phases, hookSteps(other, selection), hookSteps(dropped, selection), rollouts,
        externalReferences(resources));
  }

  private static List<Step> hookSteps(List<HelmHook> hooks, Selection selection) {
    return hooks.stream().sorted(HelmHook.EXECUTION_ORDER)
        .map(hook -> new Step(hook.resource(), hook, role(selection, hook.resource()), hook.blocks()))
        .toList();
  }

  /** The part a resource plays in the migration, or null. */
  static String role(Selection selection, Resource resource) {
    return selection.tierOf(resource).map(HelmPlanner::roleName).orElse(null);
  }

  private static String roleName(Tier tier) {
    return switch (tier) {
      case CONFIG -> "dependency";
      case SERVICE -> "database-service";
      case DATABASE_WORKLOAD -> "database";
      case MIGRATION_JOB -> "migration-job";
    };
  }

  /** Objects pod templates name that no document of the stream provides, in order of first mention. */
  static List<ExternalReference> externalReferences(List<Resource> resources) {
    ResourceIndex index = new ResourceIndex(resources);
    Map<String, ExternalReference> missing = new LinkedHashMap<>();
    for (Resource workload : resources) {
      Set<Reference> references = workload.podTemplate().map(PodTemplate::references).orElse(Set.of());
      for (Reference reference : references) {
        if (isProvided(reference, workload, index)) {
          continue;
        }
        ExternalReference external = new ExternalReference(reference, workload.namespace(), List.of(workload));
        missing.merge(external.id(), external, (first, more) -> new ExternalReference(first.reference(),
            first.namespace(), concat(first.referencedBy(), more.referencedBy())));
      }
    }
    return List.copyOf(missing.values());
  }

  private static boolean isProvided(Reference reference, Resource workload, ResourceIndex index) {
    if (reference.kind().equals(Reference.SERVICE_ACCOUNT) && reference.name().equals(DEFAULT_SERVICE_ACCOUNT)) {
      return true; // every namespace has one
    }
    return index.findNear(reference.kind(), reference.name(), workload).isPresent();
  }

  private static List<Resource> concat(List<Resource> first, List<Resource> second) {
    List<Resource> all = new ArrayList<>(first);
    all.addAll(second);
    return all;
  }
}
