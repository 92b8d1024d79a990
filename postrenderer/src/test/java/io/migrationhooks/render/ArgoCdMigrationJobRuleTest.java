package io.migrationhooks.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ArgoCdMigrationJobRuleTest {
  private static final String SYNC_HOOK = """
        argocd.argoproj.io/hook: Sync
        argocd.argoproj.io/hook-delete-policy: BeforeHookCreation
        argocd.argoproj.io/sync-wave: "0"
    """;

  private static String job(String annotations) {
    return """
        ---
        apiVersion: batch/v1
        kind: Job
        metadata:
          name: migrate
          labels: {app.kubernetes.io/component: migration}
        %sspec:
          template: {spec: {containers: [{name: m, image: m}]}}
        """.formatted(annotations.isEmpty() ? "" : "  annotations:\n" + annotations);
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        RuleCase.of("the migration Job becomes a Sync hook in wave 0, recreated on every sync",
            job(""),
            """
            ---
            apiVersion: batch/v1
            kind: Job
            metadata:
              annotations:
                argocd.argoproj.io/hook: Sync
                argocd.argoproj.io/hook-delete-policy: BeforeHookCreation
                argocd.argoproj.io/sync-wave: "0"
              name: migrate
              labels: {app.kubernetes.io/component: migration}
            spec:
              template: {spec: {containers: [{name: m, image: m}]}}
            """),
        RuleCase.of("Helm hook annotations on it are removed, each reported; other annotations stay",
            job("""
                    helm.sh/hook: pre-install,pre-upgrade
                    helm.sh/hook-weight: "5"
                    helm.sh/hook-delete-policy: hook-succeeded
                    helm.sh/hook-output-log-policy: hook-failed
                """),
            job(SYNC_HOOK + """
                    helm.sh/hook-output-log-policy: hook-failed
                """),
            "Job/migrate: removed helm.sh/hook: pre-install,pre-upgrade (Argo CD would read it; this mode orders the resource with argocd.argoproj.io/sync-wave)",
            "Job/migrate: removed helm.sh/hook-weight: 5 (Argo CD would read it; this mode orders the resource with argocd.argoproj.io/sync-wave)",
            "Job/migrate: removed helm.sh/hook-delete-policy: hook-succeeded (Argo CD would read it; this mode orders the resource with argocd.argoproj.io/sync-wave)"),
        RuleCase.of("an Argo CD delete policy or wave of the chart is replaced",
            job("""
                    argocd.argoproj.io/hook-delete-policy: HookSucceeded
                    argocd.argoproj.io/sync-wave: "3"
                """),
            job("""
                    argocd.argoproj.io/hook: Sync
                    argocd.argoproj.io/hook-delete-policy: BeforeHookCreation
                    argocd.argoproj.io/sync-wave: "0"
                """)),
        RuleCase.unchanged("a Job the chart made another Argo CD hook is left as written",
            job("""
                    argocd.argoproj.io/hook: PreSync
                    helm.sh/hook: pre-install
                """),
            "Job/migrate: already an Argo CD hook (argocd.argoproj.io/hook: PreSync); migration Job left as written"),
        RuleCase.unchanged("rendering its own output again changes nothing", job(SYNC_HOOK)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void makesTheJobASyncHook(RuleCase rule) {
    rule.assertRenders(Mode.ARGOCD);
  }
}
