package io.migrationhooks.plan;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Helm's InstallOrder (pkg/release/v1/util/kind_sorter.go): release resources are applied by kind
 * in this order, keeping document order within a kind; unknown kinds come last, sorted by kind.
 */
public final class KindOrder {
  static final List<String> INSTALL_ORDER = List.of(
      "PriorityClass", "Namespace", "NetworkPolicy", "ResourceQuota", "LimitRange", "PodSecurityPolicy",
      "PodDisruptionBudget", "ServiceAccount", "Secret", "SecretList", "ConfigMap", "StorageClass",
      "PersistentVolume", "PersistentVolumeClaim", "CustomResourceDefinition", "ClusterRole", "ClusterRoleList",
      "ClusterRoleBinding", "ClusterRoleBindingList", "Role", "RoleList", "RoleBinding", "RoleBindingList",
      "Service", "DaemonSet", "Pod", "ReplicationController", "ReplicaSet", "Deployment",
      "HorizontalPodAutoscaler", "StatefulSet", "Job", "CronJob", "IngressClass", "Ingress", "APIService",
      "MutatingWebhookConfiguration", "ValidatingWebhookConfiguration");
  private static final Map<String, Integer> RANK = new HashMap<>();

  static {
    for (int i = 0; i < INSTALL_ORDER.size(); i++) {
      RANK.put(INSTALL_ORDER.get(i), i);
    }
  }

  private KindOrder() {}

  /** Kinds by install order; two unknown kinds alphabetically. Equal kinds compare as 0 (callers keep order). */
  public static final Comparator<String> INSTALL = (a, b) -> {
    Integer first = RANK.get(nullToEmpty(a));
    Integer second = RANK.get(nullToEmpty(b));
    if (first == null && second == null) {
      return nullToEmpty(a).compareTo(nullToEmpty(b));
    }
    if (first == null) {
      return second == null ? 0 : 1;
    }
    return second == null ? -1 : Integer.compare(first, second);
  };

  private static String nullToEmpty(String kind) {
    return kind == null ? "" : kind;
  }
}
