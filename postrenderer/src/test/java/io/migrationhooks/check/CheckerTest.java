package io.migrationhooks.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationhooks.render.Settings;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CheckerTest {
  private static final String STREAM = """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: legacy
        annotations: {migration-hooks.io/ignore: " Deployment-Recreate , no-such-rule"}
      spec: {strategy: {type: Recreate}}
      ---
      apiVersion: v1
      kind: Secret
      metadata: {name: db, annotations: {helm.sh/hook: pre-install}}
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: api}
      spec: {strategy: {type: Recreate}, template: {spec: {containers: [{name: api}]}}}
      """;

  private static CheckResult check(String stream) {
    return Checker.withAllRules().check(CheckContext.of(RuleCase.parse(stream), Settings.defaults(),
        Optional.empty()));
  }

  private static List<String> heads(List<Finding> findings) {
    return findings.stream().map(finding -> finding.ruleId() + " " + finding.resource().id()).toList();
  }

  @Test
  void findingsFollowTheStreamThenTheRuleOrder() {
    assertThat(heads(check(STREAM).findings())).containsExactly(
        "hook-deletes-data Secret/db",
        "deployment-recreate Deployment/api",
        "deployment-no-readiness-probe Deployment/api");
  }

  @Test
  void theIgnoreAnnotationSilencesOnlyTheRulesItNamesOnItsResource() {
    CheckResult result = check(STREAM);
    assertThat(heads(result.silenced())).containsExactly("deployment-recreate Deployment/legacy");
    assertThat(result.warnings()).containsExactly(
        "Deployment/legacy: migration-hooks.io/ignore names unknown rule 'no-such-rule' (see check --list-rules)");
  }

  @Test
  void ruleIdsAreUniqueKebabCase() {
    List<String> ids = CheckRules.all().stream().map(CheckRule::id).toList();
    assertThat(ids).doesNotHaveDuplicates().allMatch(id -> id.matches("[a-z]+(-[a-z]+)*"));
    assertThat(ids).hasSize(13);
  }
}
