package io.migrationhooks.argocd;

import static io.migrationhooks.model.ArgoCdAnnotations.BEFORE_HOOK_CREATION;

import io.migrationhooks.model.ArgoCdAnnotations;
import io.migrationhooks.model.HelmAnnotations;
import io.migrationhooks.model.Resource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How Argo CD reads one resource of a rendered stream, after gitops-engine (pkg/sync/hook,
 * pkg/sync/syncwaves): whether it is a hook, its phases, its wave and, for a hook, its delete
 * policies. Helm hook annotations count only where no Argo CD hook annotation names a phase.
 */
public record SyncTask(Resource resource, boolean hook, List<SyncPhase> phases, int wave, Set<String> deletePolicies,
    boolean deletePolicyImplied) {
  private static final Map<String, SyncPhase> HELM_PHASES = Map.of(
      "pre-install", SyncPhase.PRE_SYNC, "pre-upgrade", SyncPhase.PRE_SYNC,
      "post-install", SyncPhase.POST_SYNC, "post-upgrade", SyncPhase.POST_SYNC);
  private static final Map<String, String> HELM_DELETE_POLICIES = Map.of(
      HelmAnnotations.BEFORE_HOOK_CREATION, BEFORE_HOOK_CREATION,
      "hook-succeeded", "HookSucceeded",
      HelmAnnotations.HOOK_FAILED, "HookFailed");
  private static final Set<String> ARGO_DELETE_POLICIES = Set.of(BEFORE_HOOK_CREATION, "HookSucceeded", "HookFailed", "Never");

  public SyncTask {
    phases = List.copyOf(phases);
    deletePolicies = Set.copyOf(deletePolicies);
  }

  public static SyncTask of(Resource resource) {
    List<String> argoHooks = csv(resource.annotation(ArgoCdAnnotations.HOOK));
    String helmHook = resource.annotation(HelmAnnotations.HOOK);
    boolean skip = argoHooks.contains("Skip") && argoHooks.size() == 1;
    boolean hook = resource.hasAnnotation(ArgoCdAnnotations.HOOK) ? !skip : helmHook != null && !helmHook.equals("crd-install");
    List<SyncPhase> phases = new ArrayList<>();
    for (String type : argoHooks) {
      SyncPhase.ofArgoCdHook(type).filter(phase -> !phases.contains(phase)).ifPresent(phases::add);
    }
    if (phases.isEmpty() && !argoHooks.contains("Skip")) {
      for (String type : csv(helmHook)) {
        SyncPhase phase = HELM_PHASES.get(type);
        if (phase != null && !phases.contains(phase)) {
          phases.add(phase);
        }
      }
    }
    if (!hook && !skip) {
      phases.clear();
      phases.add(SyncPhase.SYNC);
    }
    Set<String> policies = new LinkedHashSet<>();
    csv(resource.annotation(ArgoCdAnnotations.HOOK_DELETE_POLICY)).stream().filter(ARGO_DELETE_POLICIES::contains).forEach(policies::add);
    csv(resource.annotation(HelmAnnotations.HOOK_DELETE_POLICY)).stream().map(HELM_DELETE_POLICIES::get)
        .filter(policy -> policy != null).forEach(policies::add);
    boolean implied = hook && policies.isEmpty();
    if (implied) {
      policies.add(BEFORE_HOOK_CREATION);
    }
    return new SyncTask(resource, hook, phases, wave(resource), hook ? policies : Set.of(), implied);
  }

  /** Argo CD's wave: sync-wave, else Helm's hook weight, else 0 (an unparsable value counts as absent). */
  static int wave(Resource resource) {
    Integer wave = integer(resource.annotation(ArgoCdAnnotations.SYNC_WAVE));
    if (wave == null) {
      wave = integer(resource.annotation(HelmAnnotations.HOOK_WEIGHT));
    }
    return wave == null ? 0 : wave;
  }

  private static Integer integer(String text) {
    try {
      return text == null ? null : Integer.valueOf(text.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static List<String> csv(String value) {
    List<String> items = new ArrayList<>();
    if (value != null) {
      for (String item : value.split(",")) {
        if (!item.strip().isEmpty()) {
          items.add(item.strip());
        }
      }
    }
    return items;
  }

  /** A hook whose phases Argo CD does not run on a sync (e.g. a Helm test hook): never applied. */
  public boolean neverApplied() {
    return phases.isEmpty();
  }

  /** Whether Argo CD deletes and recreates this hook on every sync. */
  public boolean recreatedEverySync() {
    return deletePolicies.contains(BEFORE_HOOK_CREATION);
  }
}
