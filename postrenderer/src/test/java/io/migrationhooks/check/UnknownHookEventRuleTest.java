package io.migrationhooks.check;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class UnknownHookEventRuleTest {
  static Stream<RuleCase> cases() {
    return Stream.of(
        RuleCase.fires("a misspelt event next to a good one drops the resource", """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: flags, annotations: {helm.sh/hook: "pre-install,pre-upgarde"}}
            """, "ConfigMap/flags"),
        RuleCase.fires("an empty hook annotation", """
            apiVersion: batch/v1
            kind: Job
            metadata: {name: job, annotations: {helm.sh/hook: ""}}
            """, "Job/job"),
        RuleCase.quiet("every event Helm knows, in any case and spacing, and Helm 2's test-success", """
            apiVersion: v1
            kind: Pod
            metadata:
              name: all
              annotations:
                helm.sh/hook: "PRE-INSTALL, post-install,pre-delete,post-delete,pre-upgrade,post-upgrade,pre-rollback,post-rollback,test,test-success"
            """),
        RuleCase.quiet("no hook annotation", """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: flags}
            """));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void findsHooksHelmDrops(RuleCase rule) {
    rule.assertFindings(new UnknownHookEventRule());
  }
}
