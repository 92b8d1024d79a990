package io.migrationhooks.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DatabaseFirstRuleTest {
  private static final String JOB = """
      ---
      apiVersion: batch/v1
      kind: Job
      metadata:
        name: migrate
        annotations: {helm.sh/hook: "pre-install,pre-upgrade"}
        labels: {app.kubernetes.io/component: migration}
      spec:
        template:
          spec:
            containers:
              - name: flyway
                envFrom: [{secretRef: {name: flyway-env}}]
      """;
  private static final String JOB_NOTE =
      "Job/migrate: already a Helm hook (helm.sh/hook: pre-install,pre-upgrade); left as written";
  private static final String DATABASE = """
      ---
      apiVersion: apps/v1
      kind: StatefulSet
      metadata:
        name: db
        labels: {app.kubernetes.io/component: database}
      spec:
        template:
          metadata:
            labels: {app: db}
          spec:
            serviceAccountName: db-sa
            imagePullSecrets: [{name: registry}]
            containers:
              - name: pg
                env:
                  - {name: A, valueFrom: {secretKeyRef: {name: db-secret, key: password}}}
                  - {name: B, valueFrom: {configMapKeyRef: {name: db-config, key: b}}}
            volumes:
              - {name: data, persistentVolumeClaim: {claimName: db-data}}
              - {name: p, projected: {sources: [{configMap: {name: db-projected}}]}}
      """;
  private static String databaseHooked(String database) {
    return database.replace("metadata:\n  name: db\n", """
        metadata:
          annotations:
            helm.sh/hook: pre-install,pre-upgrade
            helm.sh/hook-weight: "-10"
            helm.sh/hook-delete-policy: hook-failed
            helm.sh/resource-policy: keep
          name: db
        """);
  }

  private static String hooked(String kind, String name, int weight) {
    return """
        ---
        apiVersion: v1
        kind: %s
        metadata: {name: %s, "annotations": {"helm.sh/hook": "pre-install,pre-upgrade", "helm.sh/hook-weight": "%d", \
        "helm.sh/hook-delete-policy": "hook-failed", "helm.sh/resource-policy": "keep"}}
        """.formatted(kind, name, weight);
  }

  private static String plain(String kind, String name) {
    return """
        ---
        apiVersion: v1
        kind: %s
        metadata: {name: %s}
        """.formatted(kind, name);
  }

  private static final String OTHER_SERVICES = """
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: other-namespace, namespace: b}
      spec: {selector: {app: db}}
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: empty-selector, namespace: a}
      spec: {selector: {}}
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: other-labels, namespace: a}
      spec: {selector: {app: db, tier: x}}
      """;

  static Stream<Arguments> cases() {
    return Stream.of(
        RuleCase.of("database, its Service and everything its pods reference become hooks by tier",
            DATABASE + plain("Secret", "db-secret") + plain("ConfigMap", "db-config")
                + plain("PersistentVolumeClaim", "db-data") + plain("ServiceAccount", "db-sa")
                + plain("Secret", "registry") + plain("ConfigMap", "db-projected") + plain("Secret", "unrelated") + """
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: db}
                spec: {selector: {app: db}}
                """ + JOB,
            databaseHooked(DATABASE)
                + hooked("Secret", "db-secret", -30) + hooked("ConfigMap", "db-config", -30)
                + hooked("PersistentVolumeClaim", "db-data", -30) + hooked("ServiceAccount", "db-sa", -30)
                + hooked("Secret", "registry", -30) + hooked("ConfigMap", "db-projected", -30) + plain("Secret", "unrelated")
                + """
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: db, "annotations": {"helm.sh/hook": "pre-install,pre-upgrade", "helm.sh/hook-weight": "-20", \
                "helm.sh/hook-delete-policy": "hook-failed", "helm.sh/resource-policy": "keep"}}
                spec: {selector: {app: db}}
                """ + JOB,
            JOB_NOTE),
        RuleCase.of("the migration Job's own Secret is created before it",
            plain("Secret", "flyway-env") + JOB,
            hooked("Secret", "flyway-env", -30) + JOB,
            JOB_NOTE),
        RuleCase.of("Services that do not select the database stay",
            DATABASE.replace("name: db\n", "name: db\n  namespace: a\n") + JOB.replace("name: migrate\n", "name: migrate\n  namespace: a\n")
                + OTHER_SERVICES,
            databaseHooked(DATABASE.replace("name: db\n", "name: db\n  namespace: a\n"))
                + JOB.replace("name: migrate\n", "name: migrate\n  namespace: a\n") + OTHER_SERVICES,
            JOB_NOTE.replace("Job/migrate", "Job/a/migrate")),
        RuleCase.unchanged("without a migration Job the database is left alone",
            DATABASE + plain("Secret", "db-secret"),
            "StatefulSet/db: no migration Job in the stream; database left as an ordinary release resource"),
        RuleCase.of("a chart-declared migration Job weighted before the database is reported",
            plain("Secret", "flyway-env") + JOB.replace("annotations: {helm.sh/hook: \"pre-install,pre-upgrade\"}",
                "annotations: {helm.sh/hook: \"pre-install,pre-upgrade\", helm.sh/hook-weight: \"-40\"}"),
            hooked("Secret", "flyway-env", -30) + JOB.replace("annotations: {helm.sh/hook: \"pre-install,pre-upgrade\"}",
                "annotations: {helm.sh/hook: \"pre-install,pre-upgrade\", helm.sh/hook-weight: \"-40\"}"),
            JOB_NOTE,
            "Job/migrate: its chart-declared helm.sh/hook-weight (-40) is not above the database hooks' (-30),"
                + " so Helm runs it before the database exists"),
        RuleCase.of("a database the chart declares as a hook still pulls in its Secret",
            DATABASE.replace("labels: {app.kubernetes.io/component: database}",
                    "labels: {app.kubernetes.io/component: database}\n  annotations: {helm.sh/hook: pre-install}")
                + plain("Secret", "db-secret") + JOB,
            DATABASE.replace("labels: {app.kubernetes.io/component: database}",
                    "labels: {app.kubernetes.io/component: database}\n  annotations: {helm.sh/hook: pre-install}")
                + hooked("Secret", "db-secret", -30) + JOB,
            JOB_NOTE,
            "StatefulSet/db: already a Helm hook (helm.sh/hook: pre-install); left as written"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void createsTheDatabaseFirst(RuleCase rule) {
    RenderResult result = rule.render(Settings.defaults());

    assertThat(result.output()).isEqualTo(rule.expected());
    assertThat(result.notes()).containsExactlyElementsOf(rule.notes());
  }
}
