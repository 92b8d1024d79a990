package io.migrationhooks.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.migrationhooks.model.Resource;
import io.migrationhooks.yaml.BadInputException;
import io.migrationhooks.yaml.Limits;
import io.migrationhooks.yaml.YamlStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SelectionTest {
  private static final String STREAM = """
      apiVersion: apps/v1
      kind: StatefulSet
      metadata: {name: db, namespace: shop, annotations: {migration-hooks.io/role: database}}
      spec:
        template:
          metadata: {labels: {app: db}}
          spec:
            containers: [{name: pg, envFrom: [{secretRef: {name: db}}]}]
      ---
      apiVersion: v1
      kind: Secret
      metadata: {name: db, namespace: shop}
      ---
      apiVersion: v1
      kind: Secret
      metadata: {name: db, namespace: elsewhere}
      ---
      apiVersion: v1
      kind: Secret
      metadata: {name: migrator}
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: db, namespace: shop}
      spec: {selector: {app: db}}
      ---
      apiVersion: batch/v1
      kind: Job
      metadata: {name: migrate, namespace: shop, labels: {app.kubernetes.io/component: migration}}
      spec:
        template:
          spec:
            containers: [{name: m, env: [{name: P, valueFrom: {secretKeyRef: {name: migrator, key: p}}}]}]
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: api, namespace: shop}
      """;

  @Test
  void computesTheClosureWithATierPerResourceInDocumentOrder() {
    Selection selection = Selection.of(resources(STREAM), Settings.defaults());

    Map<String, Tier> tiers = new LinkedHashMap<>();
    selection.closure().forEach((resource, tier) -> tiers.put(resource.id(), tier));
    assertThat(tiers).containsExactly(
        Map.entry("StatefulSet/shop/db", Tier.DATABASE_WORKLOAD),
        Map.entry("Secret/shop/db", Tier.CONFIG),
        Map.entry("Secret/migrator", Tier.CONFIG),
        Map.entry("Service/shop/db", Tier.SERVICE),
        Map.entry("Job/shop/migrate", Tier.MIGRATION_JOB));
    assertThat(selection.migrationJobs()).extracting(Resource::id).containsExactly("Job/shop/migrate");
    assertThat(selection.databaseWorkloads()).extracting(Resource::id).containsExactly("StatefulSet/shop/db");
    assertThat(selection.hasMigrationJob()).isTrue();
  }

  @Test
  void aRoleAnnotationOverridesTheLabelSelector() {
    String stream = """
        apiVersion: batch/v1
        kind: Job
        metadata: {name: j, labels: {app.kubernetes.io/component: migration}, annotations: {migration-hooks.io/role: database}}
        """;

    assertThatThrownBy(() -> Selection.of(resources(stream), Settings.defaults()))
        .isInstanceOf(BadInputException.class)
        .hasMessage("Job/j: migration-hooks.io/role: database is only valid on a StatefulSet or Deployment");
  }

  @Test
  void anUnknownRoleIsBadInput() {
    String stream = "apiVersion: batch/v1\nkind: Job\nmetadata: {name: j, annotations: {migration-hooks.io/role: migrations}}\n";

    assertThatThrownBy(() -> Selection.of(resources(stream), Settings.defaults()))
        .isInstanceOf(BadInputException.class)
        .hasMessage("Job/j: migration-hooks.io/role must be 'migration' or 'database'");
  }

  @Test
  void anEmptyServiceSelectorMatchesNothing() {
    assertThat(Selection.matches(Map.of(), Map.of("a", "b"))).isFalse();
    assertThat(Selection.matches(Map.of("a", "b"), Map.of("a", "b", "c", "d"))).isTrue();
    assertThat(Selection.matches(Map.of("a", "b"), Map.of("a", "c"))).isFalse();
  }

  static List<Resource> resources(String stream) {
    return YamlStream.parse(stream, Limits.DEFAULT).stream().filter(d -> !d.isEmpty()).map(Resource::of).toList();
  }
}
