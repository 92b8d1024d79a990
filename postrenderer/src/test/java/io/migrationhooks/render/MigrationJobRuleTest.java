package io.migrationhooks.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.migrationhooks.yaml.BadInputException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MigrationJobRuleTest {
  private static final String HOOK_ANNOTATIONS = """
          helm.sh/hook: pre-install,pre-upgrade
          helm.sh/hook-weight: "0"
          helm.sh/hook-delete-policy: before-hook-creation
          helm.sh/hook-output-log-policy: hook-failed
      """;

  static Stream<Arguments> cases() {
    return Stream.of(
        RuleCase.of("selected by the default label",
            """
            apiVersion: batch/v1
            kind: Job
            metadata:
              name: migrate
              labels:
                app.kubernetes.io/component: migration
            """,
            """
            apiVersion: batch/v1
            kind: Job
            metadata:
              annotations:
            """ + HOOK_ANNOTATIONS + """
              name: migrate
              labels:
                app.kubernetes.io/component: migration
            """),
        RuleCase.of("selected by the role annotation, existing annotations kept",
            """
            apiVersion: batch/v1
            kind: Job
            metadata:
              name: migrate
              annotations:
                migration-hooks.io/role: migration
            """,
            """
            apiVersion: batch/v1
            kind: Job
            metadata:
              name: migrate
              annotations:
            """ + HOOK_ANNOTATIONS + """
                migration-hooks.io/role: migration
            """),
        RuleCase.unchanged("a Job without label or annotation",
            """
            apiVersion: batch/v1
            kind: Job
            metadata:
              name: report
              labels: {app.kubernetes.io/component: reporting}
            """),
        RuleCase.unchanged("a CronJob with the migration label is not a migration Job",
            """
            apiVersion: batch/v1
            kind: CronJob
            metadata:
              name: nightly
              labels: {app.kubernetes.io/component: migration}
            """),
        RuleCase.unchanged("a custom resource named Job is not a Job",
            """
            apiVersion: example.com/v1
            kind: Job
            metadata:
              name: custom
              labels: {app.kubernetes.io/component: migration}
            """),
        RuleCase.unchanged("a Job the chart declares as a pre-install hook is left as written",
            """
            apiVersion: batch/v1
            kind: Job
            metadata:
              name: migrate
              namespace: shop
              labels: {app.kubernetes.io/component: migration}
              annotations: {helm.sh/hook: pre-install, helm.sh/hook-weight: "5"}
            """,
            "Job/shop/migrate: already a Helm hook (helm.sh/hook: pre-install); left as written"),
        RuleCase.of("a selected Job the chart runs after the release (post-install, post-upgrade) moves before it",
            """
            apiVersion: batch/v1
            kind: Job
            metadata:
              name: migrate
              namespace: shop
              labels: {app.kubernetes.io/component: migration}
              annotations:
                helm.sh/hook: post-install, post-upgrade
                helm.sh/hook-delete-policy: before-hook-creation,hook-succeeded
                helm.sh/hook-weight: "10"
            """,
            """
            apiVersion: batch/v1
            kind: Job
            metadata:
              name: migrate
              namespace: shop
              labels: {app.kubernetes.io/component: migration}
              annotations:
                helm.sh/hook-output-log-policy: hook-failed
                helm.sh/hook: pre-install,pre-upgrade
                helm.sh/hook-delete-policy: before-hook-creation
                helm.sh/hook-weight: "0"
            """,
            "Job/shop/migrate: moved from the chart's helm.sh/hook: post-install, post-upgrade to pre-install,pre-upgrade"
                + " (with its dependencies): a selected migration Job runs before the new pods start"),
        RuleCase.unchanged("a selected Job declared as a test hook is left as written",
            """
            apiVersion: batch/v1
            kind: Job
            metadata:
              name: migrate
              labels: {app.kubernetes.io/component: migration}
              annotations: {helm.sh/hook: test}
            """,
            "Job/migrate: already a Helm hook (helm.sh/hook: test); left as written"),
        RuleCase.unchanged("a Job that already has exactly these annotations is untouched",
            """
            apiVersion: batch/v1
            kind: Job
            metadata:
              annotations:
            """ + HOOK_ANNOTATIONS + """
              name: migrate
              labels: {app.kubernetes.io/component: migration}
            """,
            "Job/migrate: already a Helm hook (helm.sh/hook: pre-install,pre-upgrade); left as written"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void marksTheMigrationJobAsABlockingHook(RuleCase rule) {
    RenderResult result = rule.render(Settings.defaults());

    assertThat(result.output()).isEqualTo(rule.expected());
    assertThat(result.notes()).containsExactlyElementsOf(rule.notes());
  }

  @Test
  void usesTheConfiguredWeightAndSelector() {
    Settings settings = Settings.defaults();
    settings.migrationSelector = new ResourceSelector("selectors.migration", Settings.MIGRATION_KINDS,
        java.util.List.of(SelectorEntry.ofLabels(java.util.Map.of("role", "migrate"))), true);
    settings.migrationJobWeight = 7;
    RuleCase rule = new RuleCase("custom", """
        apiVersion: batch/v1
        kind: Job
        metadata: {name: m, labels: {role: migrate}}
        """, "", java.util.List.of());

    assertThat(rule.render(settings).output()).isEqualTo("""
        apiVersion: batch/v1
        kind: Job
        metadata: {name: m, labels: {role: migrate}, "annotations": {"helm.sh/hook": "pre-install,pre-upgrade", \
        "helm.sh/hook-weight": "7", "helm.sh/hook-delete-policy": "before-hook-creation", \
        "helm.sh/hook-output-log-policy": "hook-failed"}}
        """);
  }

  @Test
  void theMigrationRoleOnAnythingButAJobIsBadInput() {
    RuleCase rule = new RuleCase("role on a Deployment", """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: api, namespace: shop, annotations: {migration-hooks.io/role: migration}}
        """, "", java.util.List.of());

    assertThatThrownBy(() -> rule.render(Settings.defaults()))
        .isInstanceOf(BadInputException.class)
        .hasMessage("Deployment/shop/api: migration-hooks.io/role: migration is only valid on a Job");
  }
}
