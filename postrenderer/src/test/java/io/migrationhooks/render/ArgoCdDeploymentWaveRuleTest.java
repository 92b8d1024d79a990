package io.migrationhooks.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ArgoCdDeploymentWaveRuleTest {
  private static final String JOB = """
      ---
      apiVersion: batch/v1
      kind: Job
      metadata:
        name: migrate
        labels: {app.kubernetes.io/component: migration}
        annotations: {argocd.argoproj.io/hook: Sync, argocd.argoproj.io/hook-delete-policy: BeforeHookCreation, argocd.argoproj.io/sync-wave: "0"}
      """;
  private static final String ROLLING = """
        strategy:
          type: RollingUpdate
          rollingUpdate:
            maxUnavailable: 0
            maxSurge: 1
      """;

  private static String deployment(String name, String metadata) {
    return """
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
        %s  name: %s
        spec:
          replicas: 2
        """.formatted(metadata.indent(2), name);
  }

  private static String rolled(String deployment) {
    return deployment.replace("spec:\n", "spec:\n" + ROLLING);
  }

  static Stream<Arguments> cases() {
    String wave10 = "annotations:\n  argocd.argoproj.io/sync-wave: \"10\"\n";
    return Stream.of(
        RuleCase.of("an application Deployment comes in the wave after the Job, with the safe rollout",
            deployment("api", "") + JOB,
            rolled(deployment("api", wave10)) + JOB),
        RuleCase.of("an unmanaged rollout still waits for the Job",
            deployment("api", "annotations: {migration-hooks.io/rollout: unmanaged}\n") + JOB,
            deployment("api", "annotations: {migration-hooks.io/rollout: unmanaged, \"argocd.argoproj.io/sync-wave\": \"10\"}\n") + JOB,
            "Deployment/api: rollout left alone (migration-hooks.io/rollout: unmanaged)"),
        RuleCase.of("a database Deployment gets the database wave and keeps its strategy",
            deployment("db", "labels: {app.kubernetes.io/component: database}\n") + JOB,
            deployment("db", """
                annotations:
                  argocd.argoproj.io/sync-wave: "-10"
                  argocd.argoproj.io/sync-options: "Prune=false,Delete=false"
                labels: {app.kubernetes.io/component: database}
                """) + JOB,
            "Deployment/db: rollout left alone (database workload)"),
        RuleCase.unchanged("a Deployment the chart made a Helm hook is left as written",
            deployment("hooked", "annotations: {helm.sh/hook: post-install}\n") + JOB,
            "Deployment/hooked: already a Helm hook (helm.sh/hook: post-install); left as written"),
        RuleCase.of("a Deployment the chart made an Argo CD hook keeps its place",
            deployment("hooked", "annotations: {argocd.argoproj.io/hook: PostSync}\n") + JOB,
            rolled(deployment("hooked", "annotations: {argocd.argoproj.io/hook: PostSync}\n")) + JOB,
            "Deployment/hooked: already an Argo CD hook (argocd.argoproj.io/hook: PostSync); sync wave left as written"),
        RuleCase.of("without a migration Job there is nothing to wait for: rollout only",
            deployment("api", ""),
            rolled(deployment("api", ""))),
        RuleCase.unchanged("rendering its own output again changes nothing",
            rolled(deployment("api", wave10)) + JOB));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void startsTheApplicationAfterTheMigration(RuleCase rule) {
    rule.assertRenders(Mode.ARGOCD);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void theWaveIsConfigurable(RuleCase rule) {
    Settings settings = Settings.defaults();
    settings.deploymentsWave = 42;

    RenderResult result = rule.render(settings, Mode.ARGOCD);

    assertThat(result.output()).isEqualTo(rule.expected().replace("sync-wave: \"10\"", "sync-wave: \"42\"")
        .replace("sync-wave\": \"10\"", "sync-wave\": \"42\""));
  }
}
