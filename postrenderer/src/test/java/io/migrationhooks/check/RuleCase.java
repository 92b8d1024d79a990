package io.migrationhooks.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationhooks.model.Resource;
import io.migrationhooks.plan.StreamResources;
import io.migrationhooks.render.Settings;
import io.migrationhooks.yaml.Limits;
import java.util.List;
import java.util.Optional;

/** One row of a rule table: a stream (and maybe a previous release) and the resources the rule must name. */
record RuleCase(String name, String stream, String previous, List<String> expected) {
  static RuleCase fires(String name, String stream, String... resources) {
    return new RuleCase(name, stream, null, List.of(resources));
  }

  static RuleCase quiet(String name, String stream) {
    return new RuleCase(name, stream, null, List.of());
  }

  RuleCase withPrevious(String previousRelease) {
    return new RuleCase(name, stream, previousRelease, expected);
  }

  /** Runs the rule alone and checks it names exactly the expected resources, with its own id. */
  void assertFindings(CheckRule rule) {
    List<Finding> findings = rule.check(context());
    assertThat(findings).allSatisfy(finding -> {
      assertThat(finding.ruleId()).isEqualTo(rule.id());
      assertThat(finding.problem()).isNotBlank().doesNotContain("\n");
      assertThat(finding.fix()).isNotBlank().doesNotContain("\n");
    });
    assertThat(findings.stream().map(finding -> finding.resource().id()).toList()).isEqualTo(expected);
  }

  CheckContext context() {
    Optional<List<Resource>> previousRelease = Optional.ofNullable(previous).map(RuleCase::parse);
    return CheckContext.of(parse(stream), Settings.defaults(), previousRelease);
  }

  static List<Resource> parse(String yaml) {
    return StreamResources.parse(yaml, Limits.DEFAULT);
  }

  @Override
  public String toString() {
    return name;
  }
}
