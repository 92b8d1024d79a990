package io.migrationhooks.plan;

import io.migrationhooks.model.HelmAnnotations;
import io.migrationhooks.model.Resource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A resource as Helm reads its hook annotations (pkg/release/v1/util/manifest_sorter.go and
 * pkg/action/hooks.go): events and policies are split on commas, trimmed and lower-cased; a weight
 * that does not parse counts as 0; one unknown event makes Helm drop the whole resource; no delete
 * policy at all means before-hook-creation.
 */
public record HelmHook(Resource resource, List<String> events, List<String> unknownEvents, long weight,
    List<String> deletePolicies, boolean deletePolicyImplied, boolean resourcePolicyKeep) {

  public static final String PRE_INSTALL = "pre-install";
  public static final String PRE_UPGRADE = "pre-upgrade";
  public static final String POST_INSTALL = "post-install";
  public static final String POST_UPGRADE = "post-upgrade";
  /** Every event Helm knows; test-success is Helm 2's name for test. */
  public static final Set<String> KNOWN_EVENTS = Set.of(PRE_INSTALL, POST_INSTALL, "pre-delete", "post-delete",
      PRE_UPGRADE, POST_UPGRADE, "pre-rollback", "post-rollback", "test", "test-success");
  public static final String HOOK_SUCCEEDED = "hook-succeeded";

  /**
   * The order in which Helm runs the hooks of one event: weight, then name (sort.Stable in
   * pkg/action/hooks.go) over a list already sorted by kind; equal kinds keep their file order.
   */
  public static final Comparator<HelmHook> EXECUTION_ORDER = HelmHook::compareExecution;

  public HelmHook {
    events = List.copyOf(events);
    unknownEvents = List.copyOf(unknownEvents);
    deletePolicies = List.copyOf(deletePolicies);
  }

  /** Empty when the resource carries no {@code helm.sh/hook} annotation (a release resource). */
  public static Optional<HelmHook> of(Resource resource) {
    String hook = resource.annotation(HelmAnnotations.HOOK);
    if (hook == null) {
      return Optional.empty();
    }
    List<String> events = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    for (String event : split(hook)) {
      (KNOWN_EVENTS.contains(event) ? events : unknown).add(event);
    }
    String deletePolicy = resource.annotation(HelmAnnotations.HOOK_DELETE_POLICY);
    List<String> policies = deletePolicy == null ? List.of() : split(deletePolicy);
    boolean implied = policies.isEmpty();
    return Optional.of(new HelmHook(resource, events, unknown, weight(resource.annotation(HelmAnnotations.HOOK_WEIGHT)),
        implied ? List.of(HelmAnnotations.BEFORE_HOOK_CREATION) : policies, implied,
        HelmAnnotations.KEEP.equals(resource.annotation(HelmAnnotations.RESOURCE_POLICY))));
  }

  private static List<String> split(String value) {
    List<String> parts = new ArrayList<>();
    for (String part : value.split(",", -1)) {
      parts.add(part.strip().toLowerCase(Locale.ROOT));
    }
    return parts;
  }

  /** Go's strconv.Atoi: optional sign, decimal digits, 64 bits; anything else is 0. */
  static long weight(String text) {
    if (text == null || !text.matches("[+-]?[0-9]+")) {
      return 0;
    }
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static int compareExecution(HelmHook a, HelmHook b) {
    int order = Long.compare(a.weight, b.weight);
    if (order == 0) {
      order = nullToEmpty(a.resource.name()).compareTo(nullToEmpty(b.resource.name()));
    }
    if (order == 0) {
      order = KindOrder.INSTALL.compare(a.resource.kind(), b.resource.kind());
    }
    if (order == 0) {
      order = nullToEmpty(a.resource.annotation(HelmAnnotations.POSTRENDER_FILENAME))
          .compareTo(nullToEmpty(b.resource.annotation(HelmAnnotations.POSTRENDER_FILENAME)));
    }
    return order != 0 ? order : Integer.compare(a.resource.document().index(), b.resource.document().index());
  }

  private static String nullToEmpty(String text) {
    return text == null ? "" : text;
  }

  /** Helm skips a hook with any event it does not know, without an error. */
  public boolean droppedByHelm() {
    return !unknownEvents.isEmpty();
  }

  public boolean runsOn(String event) {
    return !droppedByHelm() && events.contains(event);
  }

  /** Helm watches Jobs until they complete and Pods until they succeed; other kinds count as ready at once. */
  public boolean blocks() {
    return resource.isKind("Job") || resource.isKind("Pod");
  }

  public boolean hasDeletePolicy(String policy) {
    return deletePolicies.contains(policy);
  }

  public Lifecycle lifecycle() {
    if ("CustomResourceDefinition".equals(resource.kind())) {
      return Lifecycle.KEPT; // Helm never deletes a CRD hook
    }
    if (hasDeletePolicy(HOOK_SUCCEEDED)) {
      return Lifecycle.DELETED_AFTER_SUCCESS;
    }
    if (hasDeletePolicy(HelmAnnotations.BEFORE_HOOK_CREATION)) {
      return Lifecycle.RECREATED;
    }
    return Lifecycle.KEPT;
  }

  /** What happens to the hook object from one release to the next. */
  public enum Lifecycle {
    /** Deleted and created anew on every install/upgrade (before-hook-creation, explicit or Helm's default). */
    RECREATED("recreated"),
    /** Deleted at the end of its phase when it succeeded (at once, for kinds Helm does not wait on). */
    DELETED_AFTER_SUCCESS("deleted-after-success"),
    /** Left in place and updated by the next release. */
    KEPT("kept");

    private final String id;

    Lifecycle(String id) {
      this.id = id;
    }

    public String id() {
      return id;
    }
  }
}
