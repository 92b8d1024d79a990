package io.migrationhooks.it;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The order in which Helm runs hooks of one event: a stable sort by helm.sh/hook-weight, then by name
 * (Helm's hookByWeight). The HOOKS section of Helm's output is grouped by kind instead.
 */
final class HelmHookOrder {

    private HelmHookOrder() {
    }

    static List<Map<String, Object>> executionOrder(List<Map<String, Object>> hooks) {
        return hooks.stream()
                .sorted(Comparator.comparingInt(HelmHookOrder::weight).thenComparing(Manifests::name))
                .toList();
    }

    /** The hook weight as Helm reads it: an integer annotation, 0 when absent. */
    static int weight(Map<String, Object> hook) {
        Object weight = Manifests.annotations(hook).get("helm.sh/hook-weight");
        return weight == null ? 0 : Integer.parseInt(weight.toString().trim());
    }
}
