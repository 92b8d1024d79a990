package io.migrationhooks.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationhooks.model.Resource;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A Job that names its database's Service pulls the Service, the StatefulSet and its config forward. */
class NameReferenceTest {
  private static final String DATABASE = """
      apiVersion: apps/v1
      kind: StatefulSet
      metadata: {name: pg, namespace: shop}
      spec:
        template:
          metadata: {labels: {app.kubernetes.io/name: postgresql}}
          spec:
            containers: [{name: pg, envFrom: [{secretRef: {name: pg-auth}}]}]
      ---
      apiVersion: v1
      kind: Secret
      metadata: {name: pg-auth, namespace: shop}
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: rel-postgresql, namespace: shop}
      spec: {selector: {app.kubernetes.io/name: postgresql}}
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: rel-postgresql-hl, namespace: shop}
      spec: {selector: {app.kubernetes.io/name: postgresql}}
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: web, namespace: shop}
      spec:
        template:
          metadata: {labels: {app: web}}
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: rel-web, namespace: shop}
      spec: {selector: {app: web}}
      """;

  private static String job(String container, String extra) {
    return DATABASE + """
        ---
        apiVersion: batch/v1
        kind: Job
        metadata: {name: migrate, namespace: shop, labels: {app.kubernetes.io/component: migration}}
        spec:
          template:
            spec:
              containers:
              - name: m
        """ + container.indent(8) + extra;
  }

  private static final Map<String, Tier> PULLED = tiers(
      "StatefulSet/shop/pg", Tier.DATABASE_WORKLOAD, "Secret/shop/pg-auth", Tier.CONFIG,
      "Service/shop/rel-postgresql", Tier.SERVICE, "Service/shop/rel-postgresql-hl", Tier.SERVICE,
      "Job/shop/migrate", Tier.MIGRATION_JOB);
  private static final Map<String, Tier> NOT_PULLED = tiers("Job/shop/migrate", Tier.MIGRATION_JOB);

  static Stream<Arguments> references() {
    String secretData = Base64.getEncoder().encodeToString("postgres://u:p@rel-postgresql.shop.svc:5432/app".getBytes());
    return Stream.of(
        Arguments.of("env value, bare name", job("env: [{name: DB_HOST, value: rel-postgresql}]", ""), PULLED),
        Arguments.of("env value, svc.ns with port", job("env: [{name: DB, value: \"rel-postgresql.shop:5432\"}]", ""), PULLED),
        Arguments.of("env value, svc.ns.svc", job("env: [{name: DB, value: rel-postgresql.shop.svc}]", ""), PULLED),
        Arguments.of("env value, full cluster name in a URL",
            job("env: [{name: URL, value: \"jdbc:postgresql://rel-postgresql.shop.svc.cluster.local:5432/app?ssl=true\"}]", ""), PULLED),
        Arguments.of("command", job("command: [sh, -c, \"until pg_isready -h rel-postgresql; do sleep 1; done\"]", ""), PULLED),
        Arguments.of("args", job("args: [--host=rel-postgresql]", ""), PULLED),
        Arguments.of("ConfigMap data the Job reads", job("envFrom: [{configMapRef: {name: settings}}]", """
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: settings, namespace: shop}
            data: {config.yml: "database:\\n  host: rel-postgresql\\n"}
            """), withConfig(PULLED, "ConfigMap/shop/settings")),
        Arguments.of("Secret data the Job reads (base64)", job("env: [{name: URL, valueFrom: {secretKeyRef: {name: url, key: u}}}]",
            "---\napiVersion: v1\nkind: Secret\nmetadata: {name: url, namespace: shop}\ndata: {u: " + secretData + "}\n"),
            withConfig(PULLED, "Secret/shop/url")),
        Arguments.of("Secret stringData the Job reads", job("envFrom: [{secretRef: {name: url}}]", """
            ---
            apiVersion: v1
            kind: Secret
            metadata: {name: url, namespace: shop}
            stringData: {URL: "postgres://rel-postgresql/app"}
            """), withConfig(PULLED, "Secret/shop/url")),
        Arguments.of("another namespace is not this Service", job("env: [{name: DB, value: rel-postgresql.other}]", ""), NOT_PULLED),
        Arguments.of("an external host that starts with the name is not it",
            job("env: [{name: DB, value: rel-postgresql.example.com}]", ""), NOT_PULLED),
        Arguments.of("a longer name is not it", job("env: [{name: DB, value: rel-postgresql-replica}]", ""), NOT_PULLED),
        Arguments.of("a Service whose pods are a Deployment is not followed", job("env: [{name: API, value: \"http://rel-web:80\"}]", ""),
            NOT_PULLED));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("references")
  void followsServiceNamesTheJobUses(String name, String stream, Map<String, Tier> expected) {
    Selection selection = Selection.of(SelectionTest.resources(stream), Settings.defaults());

    Map<String, Tier> tiers = new LinkedHashMap<>();
    selection.closure().forEach((resource, tier) -> tiers.put(resource.id(), tier));
    assertThat(tiers).containsExactlyInAnyOrderEntriesOf(expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("references")
  void neverPutsSecretDataIntoANote(String name, String stream, Map<String, Tier> expected) {
    RenderResult result = new Renderer().render(stream, Settings.defaults(), RenderOptions.of(Mode.ASSUME_HOOKS_HONORED));

    assertThat(String.join("\n", result.notes())).doesNotContain("postgres://").doesNotContain("u:p@");
  }

  private static Map<String, Tier> withConfig(Map<String, Tier> tiers, String config) {
    Map<String, Tier> all = new LinkedHashMap<>(tiers);
    all.put(config, Tier.CONFIG);
    return all;
  }

  private static Map<String, Tier> tiers(Object... idsAndTiers) {
    Map<String, Tier> tiers = new LinkedHashMap<>();
    for (int i = 0; i < idsAndTiers.length; i += 2) {
      tiers.put((String) idsAndTiers[i], (Tier) idsAndTiers[i + 1]);
    }
    return tiers;
  }

  static String ids(Iterable<Resource> resources) {
    StringBuilder ids = new StringBuilder();
    resources.forEach(resource -> ids.append(resource.id()).append(' '));
    return ids.toString().strip();
  }
}
