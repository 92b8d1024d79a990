package io.migrationhooks.check;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Rules over the whole stream: database without migration Job, equal weights, resources that become hooks. */
class StreamRulesTest {
  private static final String DATABASE = """
      apiVersion: apps/v1
      kind: StatefulSet
      metadata: {name: db, labels: {app.kubernetes.io/component: database}}
      """;

  private static String job(String name, String weight) {
    return """
        ---
        apiVersion: batch/v1
        kind: Job
        metadata:
          name: %s
          labels: {app.kubernetes.io/component: migration}
          annotations: {helm.sh/hook: pre-upgrade, helm.sh/hook-weight: "%s"}
        """.formatted(name, weight);
  }

  static Stream<RuleCase> databaseWithoutMigrationJob() {
    return Stream.of(
        RuleCase.fires("a database alone", DATABASE, "StatefulSet/db"),
        RuleCase.quiet("a database and its migration Job", DATABASE + job("migrate", "0")),
        RuleCase.quiet("no database", job("migrate", "0")));
  }

  static Stream<RuleCase> sameWeight() {
    return Stream.of(
        RuleCase.fires("equal weights: the one Helm runs second is named", job("b-schema", "1") + job("a-data", "01"),
            "Job/b-schema"),
        RuleCase.fires("a Job not yet a hook gets render's weight 0, as does a hook without weight", """
            apiVersion: batch/v1
            kind: Job
            metadata: {name: second, labels: {app.kubernetes.io/component: migration}}
            ---
            apiVersion: batch/v1
            kind: Job
            metadata: {name: first, labels: {app.kubernetes.io/component: migration}, annotations: {helm.sh/hook: pre-install}}
            """, "Job/second"),
        RuleCase.quiet("distinct weights", job("schema", "0") + job("data", "1")),
        RuleCase.quiet("equal weights on events that never run together", job("schema", "0")
            + job("seed", "0").replace("helm.sh/hook: pre-upgrade", "helm.sh/hook: pre-install")),
        RuleCase.quiet("one migration Job and an ordinary Job hook of the same weight", job("schema", "0") + """
            ---
            apiVersion: batch/v1
            kind: Job
            metadata: {name: other, annotations: {helm.sh/hook: pre-upgrade}}
            """));
  }

  private static final String PREVIOUS = """
      apiVersion: v1
      kind: Secret
      metadata: {name: db, namespace: shop}
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: db, namespace: shop}
      """;

  static Stream<RuleCase> becomesHook() {
    return Stream.of(
        RuleCase.fires("the Secret becomes a hook without keep", """
            apiVersion: v1
            kind: Secret
            metadata: {name: db, namespace: shop, annotations: {helm.sh/hook: pre-install}}
            """, "Secret/shop/db").withPrevious(PREVIOUS),
        RuleCase.fires("the release namespace matches any namespace", """
            apiVersion: v1
            kind: Service
            metadata: {name: db, annotations: {helm.sh/hook: pre-install, helm.sh/hook-delete-policy: hook-failed}}
            """, "Service/db").withPrevious(PREVIOUS),
        RuleCase.quiet("with keep", """
            apiVersion: v1
            kind: Secret
            metadata: {name: db, namespace: shop, annotations: {helm.sh/hook: pre-install, helm.sh/resource-policy: keep}}
            """).withPrevious(PREVIOUS),
        RuleCase.quiet("a new hook that the previous release did not have", """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: db, namespace: shop, annotations: {helm.sh/hook: pre-install}}
            """).withPrevious(PREVIOUS),
        RuleCase.quiet("still a release resource", PREVIOUS).withPrevious(PREVIOUS),
        RuleCase.quiet("without --previous", """
            apiVersion: v1
            kind: Secret
            metadata: {name: db, namespace: shop, annotations: {helm.sh/hook: pre-install}}
            """));
  }

  @ParameterizedTest
  @MethodSource("databaseWithoutMigrationJob")
  void databaseWithoutMigrationJob(RuleCase rule) {
    rule.assertFindings(new DatabaseWithoutMigrationJobRule());
  }

  @ParameterizedTest
  @MethodSource("sameWeight")
  void migrationJobsWithTheSameWeight(RuleCase rule) {
    rule.assertFindings(new MigrationJobsSameWeightRule());
  }

  @ParameterizedTest
  @MethodSource("becomesHook")
  void releaseResourceBecomesHook(RuleCase rule) {
    rule.assertFindings(new ReleaseResourceBecomesHookRule());
  }
}
