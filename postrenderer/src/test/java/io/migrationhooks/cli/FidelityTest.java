package io.migrationhooks.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationhooks.yaml.Document;
import io.migrationhooks.yaml.Limits;
import io.migrationhooks.yaml.YamlStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What no rule names reaches Helm exactly as written: scalars keep their text, so their type. */
class FidelityTest {
  private static final Pattern RULE_LINE = Pattern.compile(
      "\\s*(helm\\.sh/hook(-weight|-delete-policy|-output-log-policy)?: .*|strategy:|type: RollingUpdate"
          + "|rollingUpdate:|maxUnavailable: 0|maxSurge: 1)\\r?");

  @Test
  void untouchedDocumentsAreByteIdenticalAndEditedOnesOnlyGainRuleLines() throws IOException {
    String input = FixturesTest.read("fidelity-corpus", "input.yaml");

    Cli cli = Cli.run(input, "render");

    assertThat(cli.exitCode()).as(cli.err()).isZero();
    List<Document> before = YamlStream.parse(input, Limits.DEFAULT);
    List<Document> after = YamlStream.parse(cli.out(), Limits.DEFAULT);
    assertThat(after).hasSameSizeAs(before);
    List<Integer> edited = new ArrayList<>();
    for (int i = 0; i < before.size(); i++) {
      String original = before.get(i).rawText();
      String rendered = after.get(i).rawText();
      if (!original.equals(rendered)) {
        edited.add(i + 1);
        assertThat(withoutRuleLines(rendered)).isEqualTo(original);
      }
    }
    assertThat(edited).as("documents a rule applies to").containsExactly(5, 6);
  }

  @Test
  void trickyScalarsKeepTheirExactText() throws IOException {
    String input = FixturesTest.read("fidelity-corpus", "input.yaml");

    String output = Cli.run(input, "render").out();

    for (String scalar : List.of("[on, off, yes, no, y, n, On, OFF, Yes, NO, true, False]", "octal: 0777", "hex: 0x1F",
        "exponent: 1e3", "tilde: ~", "null-word: null", "empty-string: \"\"", "infinity: .inf", "date: 2026-11-26",
        "huge: 1180591620717411303424", "quoted-number: \"9090\"", "literal-strip: |-\n    no trailing newline\n",
        "folded-keep: >+\n    folded\n    text\n\n", "indentation-indicator: |2\n      starts with spaces\n",
        "labels: {tier: \"on\", version: 1.10}", "checksum/config: 0123456789", "replicas: 0x2", "note: yes")) {
      assertThat(output).contains(scalar);
    }
  }

  private static String withoutRuleLines(String text) {
    StringBuilder kept = new StringBuilder();
    for (String line : text.split("(?<=\n)")) {
      if (!RULE_LINE.matcher(line.stripTrailing()).matches()) {
        kept.append(line);
      }
    }
    return kept.toString();
  }
}
