package io.migrationhooks.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationhooks.yaml.Limits;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The nesting limit is counted, so the same input gives the same result on every run. */
class NestingLimitTest {
  private static final String OBJECT = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n  x: ";

  /** A ConfigMap whose data.x holds {@code levels} nested flow sequences; the root and data add two levels. */
  private static String nested(int levels) {
    return OBJECT + "[".repeat(levels) + "]".repeat(levels) + "\n";
  }

  @Test
  void aDeepFlowSequenceIsRefusedOnEveryRun() {
    String input = nested(1_300);
    Set<String> outcomes = new HashSet<>();
    for (int run = 0; run < 20; run++) {
      for (List<String> command : List.of(List.of("render"), List.of("plan"), List.of("check"))) {
        Cli cli = Cli.run(input, command.toArray(String[]::new));
        assertThat(cli.out()).isEmpty();
        outcomes.add(command + " " + cli.exitCode() + " " + cli.err());
      }
    }

    assertThat(outcomes).containsExactlyInAnyOrder(
        "[render] 1 migration-hooks: document 1, line 5, column 260: nesting too deep (more than 256 levels)\n",
        "[plan] 1 migration-hooks: document 1, line 5, column 260: nesting too deep (more than 256 levels)\n",
        "[check] 1 migration-hooks: document 1, line 5, column 260: nesting too deep (more than 256 levels)\n");
  }

  @Test
  void theLimitItselfIsAccepted() {
    int levels = Limits.MAX_NESTING_DEPTH - 2;

    Cli atTheLimit = Cli.run(nested(levels), "render");
    Cli overIt = Cli.run(nested(levels + 1), "render");

    assertThat(atTheLimit.exitCode()).as(atTheLimit.err()).isEqualTo(ExitCodes.OK);
    assertThat(atTheLimit.out()).isEqualTo(nested(levels));
    assertThat(overIt.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(overIt.err()).contains("nesting too deep");
  }
}
