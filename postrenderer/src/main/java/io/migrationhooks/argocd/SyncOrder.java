package io.migrationhooks.argocd;

import io.migrationhooks.model.Resource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The order of an Argo CD sync (gitops-engine pkg/sync/sync_tasks.go): by phase, then wave (low
 * first), then kind (its install order; other kinds last), then name. Argo CD applies one wave and
 * starts the next when every resource of it is healthy and every hook of it has completed.
 */
public final class SyncOrder {
  private static final List<String> KINDS = List.of(
      "Namespace", "NetworkPolicy", "ResourceQuota", "LimitRange", "PodSecurityPolicy", "PodDisruptionBudget",
      "ServiceAccount", "Secret", "SecretList", "ConfigMap", "StorageClass", "PersistentVolume",
      "PersistentVolumeClaim", "CustomResourceDefinition", "ClusterRole", "ClusterRoleList", "ClusterRoleBinding",
      "ClusterRoleBindingList", "Role", "RoleList", "RoleBinding", "RoleBindingList", "Service", "DaemonSet", "Pod",
      "ReplicationController", "ReplicaSet", "Deployment", "HorizontalPodAutoscaler", "StatefulSet", "Job",
      "CronJob", "IngressClass", "Ingress", "APIService");
  static final Comparator<SyncTask> WITHIN_WAVE = Comparator
      .comparingInt((SyncTask task) -> kindRank(task.resource().kind()))
      .thenComparing(task -> nullToEmpty(task.resource().name()));

  /** The tasks of one phase and wave, in the order Argo CD applies them. */
  public record Wave(SyncPhase phase, int wave, List<SyncTask> tasks) {
    public Wave {
      tasks = List.copyOf(tasks);
    }
  }

  private final List<Wave> waves;
  private final List<SyncTask> neverApplied;

  private SyncOrder(List<Wave> waves, List<SyncTask> neverApplied) {
    this.waves = waves;
    this.neverApplied = neverApplied;
  }

  public static SyncOrder of(List<Resource> resources) {
    Map<SyncPhase, TreeMap<Integer, List<SyncTask>>> byPhase = new TreeMap<>();
    List<SyncTask> neverApplied = new ArrayList<>();
    for (Resource resource : resources) {
      SyncTask task = SyncTask.of(resource);
      if (task.neverApplied()) {
        neverApplied.add(task);
      }
      for (SyncPhase phase : task.phases()) {
        byPhase.computeIfAbsent(phase, p -> new TreeMap<>()).computeIfAbsent(task.wave(), w -> new ArrayList<>()).add(task);
      }
    }
    List<Wave> waves = new ArrayList<>();
    byPhase.forEach((phase, byWave) -> byWave.forEach((wave, tasks) -> {
      List<SyncTask> sorted = new ArrayList<>(tasks);
      sorted.sort(WITHIN_WAVE);
      waves.add(new Wave(phase, wave, sorted));
    }));
    return new SyncOrder(List.copyOf(waves), List.copyOf(neverApplied));
  }

  public List<Wave> waves() {
    return waves;
  }

  public List<Wave> waves(SyncPhase phase) {
    return waves.stream().filter(wave -> wave.phase() == phase).toList();
  }

  /** Hooks of no phase a sync runs (e.g. helm.sh/hook: test) and resources marked Skip. */
  public List<SyncTask> neverApplied() {
    return neverApplied;
  }

  private static int kindRank(String kind) {
    int rank = KINDS.indexOf(kind);
    return rank < 0 ? KINDS.size() : rank;
  }

  private static String nullToEmpty(String text) {
    return text == null ? "" : text;
  }
}
