package io.migrationhooks.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** render --strict: a hazard note (a warning with a check rule id) is an error; other notes are not. */
class StrictRenderTest {
  private static final String RECREATE = """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: singleton}
      spec: {strategy: {type: Recreate}}
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: worker, annotations: {migration-hooks.io/rollout: unmanaged}}
      """;

  @Test
  void withoutStrictAHazardIsAWarningAndTheStreamIsWritten() {
    Cli cli = Cli.run(RECREATE, "render", "--assume-hooks-honored");

    assertThat(cli.exitCode()).isZero();
    assertThat(cli.out()).isEqualTo(RECREATE);
    assertThat(cli.errLines()).hasSize(2);
    assertThat(cli.errLines()[0]).startsWith("migration-hooks: warning: Deployment/singleton: ")
        .endsWith(" [deployment-recreate]");
  }

  @Test
  void strictRefusesAHazardWithNothingOnStdout() {
    Cli cli = Cli.run(RECREATE, "render", "--assume-hooks-honored", "--strict");

    assertThat(cli.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(cli.out()).isEmpty();
    assertThat(cli.errLines()).hasSize(3);
    assertThat(cli.errLines()[0]).endsWith("[deployment-recreate]");
    assertThat(cli.errLines()[2]).isEqualTo("migration-hooks: --strict: 1 hazard note(s) (deployment-recreate on"
        + " Deployment/singleton); fix them, or accept one on its resource with the annotation"
        + " migration-hooks.io/ignore: RULE-ID");
  }

  @Test
  void strictPassesNotesThatAreNoHazards() {
    String safe = RECREATE.replace("{name: singleton}", "{name: singleton, annotations: {migration-hooks.io/rollout: unmanaged}}");

    Cli cli = Cli.run(safe, "render", "--assume-hooks-honored", "--strict");

    assertThat(cli.exitCode()).as(cli.err()).isZero();
    assertThat(cli.out()).isEqualTo(safe);
  }

  @Test
  void strictAcceptsAHazardTheResourceIgnores() {
    String ignored = RECREATE.replace("{name: singleton}",
        "{name: singleton, annotations: {migration-hooks.io/ignore: deployment-recreate}}");

    Cli cli = Cli.run(ignored, "render", "--assume-hooks-honored", "--strict");

    assertThat(cli.exitCode()).as(cli.err()).isZero();
    assertThat(cli.err()).doesNotContain("warning:").contains("(deployment-recreate ignored by migration-hooks.io/ignore)");
  }
}
