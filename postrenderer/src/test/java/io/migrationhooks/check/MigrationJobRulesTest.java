package io.migrationhooks.check;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The four field rules of migration Jobs, each with a stream that fires it and one that does not. */
class MigrationJobRulesTest {
  private static final String SAFE_JOB = """
      apiVersion: batch/v1
      kind: Job
      metadata: {name: migrate, labels: {app.kubernetes.io/component: migration}}
      spec:
        backoffLimit: 0
        activeDeadlineSeconds: 300
        template:
          spec:
            restartPolicy: Never
      """;

  static Stream<RuleCase> ttl() {
    return Stream.of(
        RuleCase.fires("ttlSecondsAfterFinished on a migration Job", SAFE_JOB.replace("spec:\n  backoffLimit", "spec:\n  ttlSecondsAfterFinished: 0\n  backoffLimit"), "Job/migrate"),
        RuleCase.quiet("a migration Job without ttl", SAFE_JOB),
        RuleCase.quiet("ttl on a Job that is no migration Job", """
            apiVersion: batch/v1
            kind: Job
            metadata: {name: report}
            spec: {ttlSecondsAfterFinished: 60}
            """));
  }

  static Stream<RuleCase> backoffLimit() {
    return Stream.of(
        RuleCase.fires("no backoffLimit", SAFE_JOB.replace("  backoffLimit: 0\n", ""), "Job/migrate"),
        RuleCase.quiet("backoffLimit 0", SAFE_JOB));
  }

  static Stream<RuleCase> deadline() {
    return Stream.of(
        RuleCase.fires("no activeDeadlineSeconds", SAFE_JOB.replace("  activeDeadlineSeconds: 300\n", ""), "Job/migrate"),
        RuleCase.quiet("activeDeadlineSeconds set", SAFE_JOB));
  }

  static Stream<RuleCase> restartAlways() {
    return Stream.of(
        RuleCase.fires("restartPolicy Always", SAFE_JOB.replace("Never", "Always"), "Job/migrate"),
        RuleCase.fires("no restartPolicy means Always", SAFE_JOB.replace("      restartPolicy: Never\n", ""), "Job/migrate"),
        RuleCase.fires("a Job selected by the role annotation", """
            apiVersion: batch/v1
            kind: Job
            metadata: {name: m, namespace: shop, annotations: {migration-hooks.io/role: migration}}
            spec: {backoffLimit: 0, activeDeadlineSeconds: 9, template: {spec: {restartPolicy: Always}}}
            """, "Job/shop/m"),
        RuleCase.quiet("restartPolicy OnFailure", SAFE_JOB.replace("Never", "OnFailure")),
        RuleCase.quiet("restartPolicy Never", SAFE_JOB));
  }

  @ParameterizedTest
  @MethodSource("ttl")
  void ttlSecondsAfterFinished(RuleCase rule) {
    rule.assertFindings(new MigrationJobTtlRule());
  }

  @ParameterizedTest
  @MethodSource("backoffLimit")
  void backoffLimit(RuleCase rule) {
    rule.assertFindings(new MigrationJobBackoffLimitRule());
  }

  @ParameterizedTest
  @MethodSource("deadline")
  void activeDeadlineSeconds(RuleCase rule) {
    rule.assertFindings(new MigrationJobDeadlineRule());
  }

  @ParameterizedTest
  @MethodSource("restartAlways")
  void restartPolicyAlways(RuleCase rule) {
    rule.assertFindings(new MigrationJobRestartAlwaysRule());
  }
}
