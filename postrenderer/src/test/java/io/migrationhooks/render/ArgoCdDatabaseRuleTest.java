package io.migrationhooks.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class ArgoCdDatabaseRuleTest {
  private static final String JOB = """
      ---
      apiVersion: batch/v1
      kind: Job
      metadata:
        name: migrate
        labels: {app.kubernetes.io/component: migration}
        annotations: {argocd.argoproj.io/hook: Sync, argocd.argoproj.io/hook-delete-policy: BeforeHookCreation, argocd.argoproj.io/sync-wave: "0"}
      spec:
        template:
          spec:
            containers:
              - name: flyway
                envFrom: [{secretRef: {name: flyway-env}}]
            volumes: [{name: scratch, persistentVolumeClaim: {claimName: job-scratch}}]
      """;
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
            containers:
              - name: pg
                env:
                  - {name: A, valueFrom: {secretKeyRef: {name: db-secret, key: password}}}
                  - {name: B, valueFrom: {configMapKeyRef: {name: db-config, key: b}}}
            volumes:
              - {name: data, persistentVolumeClaim: {claimName: db-data}}
      """;
  private static final String DATABASE_MANAGED = DATABASE.replace("metadata:\n  name: db\n", """
      metadata:
        annotations:
          argocd.argoproj.io/sync-wave: "-10"
          argocd.argoproj.io/sync-options: "Prune=false,Delete=false"
        name: db
      """);
  private static final String SERVICE = """
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: db}
      spec: {selector: {app: db}}
      """;

  private static String plain(String kind, String name) {
    return """
        ---
        apiVersion: v1
        kind: %s
        metadata: {name: %s}
        """.formatted(kind, name);
  }

  private static String managed(String kind, String name, int wave) {
    return """
        ---
        apiVersion: v1
        kind: %s
        metadata: {name: %s, "annotations": {"argocd.argoproj.io/sync-wave": "%d", "argocd.argoproj.io/sync-options": "Prune=false,Delete=false"}}
        """.formatted(kind, name, wave);
  }

  private static String withAnnotations(String kind, String name, String annotations) {
    return """
        ---
        apiVersion: v1
        kind: %s
        metadata:
          name: %s
          annotations:
        %s""".formatted(kind, name, annotations.indent(4));
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        RuleCase.of("database, its Service and everything it and the Job need get waves by tier and are protected",
            DATABASE + plain("Secret", "db-secret") + plain("ConfigMap", "db-config") + plain("PersistentVolumeClaim", "db-data")
                + plain("ServiceAccount", "db-sa") + plain("Secret", "flyway-env") + plain("PersistentVolumeClaim", "job-scratch")
                + plain("Secret", "unrelated") + SERVICE + JOB,
            DATABASE_MANAGED + managed("Secret", "db-secret", -30) + managed("ConfigMap", "db-config", -30)
                + managed("PersistentVolumeClaim", "db-data", -10) + managed("ServiceAccount", "db-sa", -30)
                + managed("Secret", "flyway-env", -30) + managed("PersistentVolumeClaim", "job-scratch", 0)
                + plain("Secret", "unrelated") + SERVICE.replace("metadata: {name: db}",
                    "metadata: {name: db, \"annotations\": {\"argocd.argoproj.io/sync-wave\": \"-20\", "
                        + "\"argocd.argoproj.io/sync-options\": \"Prune=false,Delete=false\"}}") + JOB),
        RuleCase.of("Helm hook annotations of the chart are removed and reported; keep and other annotations stay",
            withAnnotations("Secret", "db-secret", """
                helm.sh/hook: pre-install
                helm.sh/hook-delete-policy: before-hook-creation
                helm.sh/resource-policy: keep
                """) + DATABASE + JOB,
            withAnnotations("Secret", "db-secret", """
                argocd.argoproj.io/sync-wave: "-30"
                argocd.argoproj.io/sync-options: "Prune=false,Delete=false"
                helm.sh/resource-policy: keep
                """) + DATABASE_MANAGED + JOB,
            "Secret/db-secret: removed helm.sh/hook: pre-install (Argo CD would read it; this mode orders the resource with argocd.argoproj.io/sync-wave)",
            "Secret/db-secret: removed helm.sh/hook-delete-policy: before-hook-creation (Argo CD would read it; this mode orders the resource with argocd.argoproj.io/sync-wave)"),
        RuleCase.of("sync options of the chart are kept, Prune and Delete set to false",
            withAnnotations("Secret", "db-secret", """
                argocd.argoproj.io/sync-options: ServerSideApply=true, Prune=confirm
                """) + DATABASE + JOB,
            withAnnotations("Secret", "db-secret", """
                argocd.argoproj.io/sync-wave: "-30"
                argocd.argoproj.io/sync-options: "ServerSideApply=true,Prune=false,Delete=false"
                """) + DATABASE_MANAGED + JOB),
        RuleCase.unchanged("a database resource the chart made an Argo CD hook is left as written",
            withAnnotations("Secret", "db-secret", "argocd.argoproj.io/hook: PreSync\n") + DATABASE_MANAGED + JOB,
            "Secret/db-secret: already an Argo CD hook (argocd.argoproj.io/hook: PreSync); database resource left as written"),
        RuleCase.unchanged("without a migration Job the database is left alone",
            DATABASE + plain("Secret", "db-secret"),
            "StatefulSet/db: no migration Job in the stream; database left as an ordinary resource"),
        RuleCase.unchanged("rendering its own output again changes nothing",
            DATABASE_MANAGED + managed("Secret", "db-secret", -30) + JOB));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void ordersAndProtectsTheDatabase(RuleCase rule) {
    rule.assertRenders(Mode.ARGOCD);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void theWavesAreConfigurable(RuleCase rule) {
    Settings settings = Settings.defaults();
    settings.configWave = -7;
    settings.servicesWave = -6;
    settings.databaseWorkloadsWave = -5;
    settings.migrationJobWave = 0;

    RenderResult result = rule.render(settings, Mode.ARGOCD);

    assertThat(result.output()).isEqualTo(rule.expected()
        .replace("sync-wave: \"-30\"", "sync-wave: \"-7\"").replace("sync-wave\": \"-30\"", "sync-wave\": \"-7\"")
        .replace("sync-wave: \"-20\"", "sync-wave: \"-6\"").replace("sync-wave\": \"-20\"", "sync-wave\": \"-6\"")
        .replace("sync-wave: \"-10\"", "sync-wave: \"-5\"").replace("sync-wave\": \"-10\"", "sync-wave\": \"-5\""));
  }

  @ParameterizedTest(name = "[{0}] -> [{1}]")
  @CsvSource(delimiter = '|', nullValues = "null", value = {
      "null | Prune=false,Delete=false",
      "'' | Prune=false,Delete=false",
      "Prune=false,Delete=false | Prune=false,Delete=false",
      "Delete=false, Prune=false | Delete=false, Prune=false",
      "ServerSideApply=true | ServerSideApply=true,Prune=false,Delete=false",
      "Prune=confirm,Delete=false | Prune=false,Delete=false",
      "Prune=false,Delete=false,Prune=true | Prune=false,Delete=false",
      "Replace=true,,Prune=false | Replace=true,Prune=false,Delete=false"})
  void protectsAgainstPruneAndDelete(String options, String expected) {
    assertThat(ArgoCdDatabaseRule.protect(options)).isEqualTo(expected);
  }
}
