package io.migrationhooks.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CheckCommandTest {
  static final Path CHECK = Path.of("src/test/resources/check");
  static final Path EXAMPLE_CHART = Path.of("src/test/resources/plan/example-chart/input.yaml");

  static String read(Path path) throws IOException {
    return Files.readString(path, StandardCharsets.UTF_8);
  }

  @Test
  void theHazardousFixtureFailsWithExactlyTheExpectedFindings() throws IOException {
    Cli cli = Cli.run("", "check", "-f", CHECK.resolve("hazardous.yaml").toString(),
        "--previous", CHECK.resolve("hazardous-previous.yaml").toString());

    assertThat(cli.exitCode()).isEqualTo(ExitCodes.FINDINGS);
    assertThat(cli.out()).isEqualTo(read(CHECK.resolve("hazardous.expected.txt")));
    assertThat(cli.err()).isEqualTo("migration-hooks: check failed: 13 finding(s) in 11 resources, 1 silenced\n");
    assertThat(cli.out() + cli.err()).doesNotContain("do-not-print-me");
  }

  @Test
  void withoutPreviousTheMovedServiceIsNotReported() throws IOException {
    Cli cli = Cli.run(read(CHECK.resolve("hazardous.yaml")), "check");

    assertThat(cli.exitCode()).isEqualTo(ExitCodes.FINDINGS);
    assertThat(cli.out()).doesNotContain("release-resource-becomes-hook").contains("hook-deletes-data Secret/shop/shop-db:");
  }

  @Test
  void theRenderedExampleChartPasses() throws IOException {
    Cli rendered = Cli.run(read(EXAMPLE_CHART), "render", "--assume-hooks-honored");
    assertThat(rendered.exitCode()).isEqualTo(ExitCodes.OK);

    Cli cli = Cli.run(rendered.out(), "check");

    assertThat(cli.exitCode()).as(cli.out()).isEqualTo(ExitCodes.OK);
    assertThat(cli.out()).isEmpty();
    assertThat(cli.err()).isEqualTo("migration-hooks: check passed: no findings in 8 resources (13 rules)\n");
    assertThat(Cli.run(rendered.out(), "check", "-o", "json").out())
        .isEqualTo("{\n  \"schemaVersion\": 1,\n  \"passed\": true,\n  \"findings\": [],\n  \"silenced\": [],\n  \"warnings\": []\n}\n");
  }

  @Test
  void theUnrenderedExampleChartHasTheHazardsRenderRemoves() throws IOException {
    Cli cli = Cli.run(read(EXAMPLE_CHART), "check");

    // Not yet rendered: the backend rolls out with Kubernetes' 25%, which render would fix; check says nothing of it,
    // but the migration Job is not a hook yet, so nothing is wrong either: check checks the stream as given.
    assertThat(cli.exitCode()).isEqualTo(ExitCodes.OK);
  }

  @Test
  void jsonHasTheSchemaVersionAndEveryFinding() throws IOException {
    Cli cli = Cli.run(read(CHECK.resolve("hazardous.yaml")), "check", "--output", "json");

    assertThat(cli.exitCode()).isEqualTo(ExitCodes.FINDINGS);
    assertThat(cli.out()).startsWith("{\n  \"schemaVersion\": 1,\n  \"passed\": false,\n  \"findings\": [\n    {\n"
        + "      \"rule\": \"hook-deletes-data\",\n      \"resource\": \"Secret/shop/shop-db\",\n      \"kind\": \"Secret\",\n"
        + "      \"namespace\": \"shop\",\n      \"name\": \"shop-db\",\n      \"document\": 1,\n      \"problem\": ");
    assertThat(cli.out().split("\"rule\": ", -1)).hasSize(12 + 1 + 1); // 12 findings and 1 silenced
    assertThat(cli.out()).endsWith("  \"warnings\": []\n}\n");
  }

  @Test
  void badInputWritesNothingToStdout() {
    Cli cli = Cli.run("kind: Job\nmetadata: [\n", "check");

    assertThat(cli.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(cli.out()).isEmpty();
    assertThat(cli.errLines()).hasSize(1);
    assertThat(cli.err()).startsWith("migration-hooks: document 1, line ");
  }

  @Test
  void aBrokenPreviousManifestIsNamed() throws IOException {
    Path previous = Files.createTempFile("previous", ".yaml");
    Files.writeString(previous, "- not a mapping\n");
    Cli cli = Cli.run("", "check", "--previous", previous.toString());

    assertThat(cli.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(cli.out()).isEmpty();
    assertThat(cli.err()).startsWith("migration-hooks: --previous " + previous + ": document 1");
  }

  @Test
  void aMissingFileIsAUsageError() {
    Cli cli = Cli.run("", "check", "--previous", "no/such/file.yaml");

    assertThat(cli.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(cli.out()).isEmpty();
    assertThat(cli.errLines()).containsExactly("migration-hooks: --previous: no such file: no/such/file.yaml",
        "Try 'migration-hooks check --help'.");
  }

  @Test
  void previousFromStdinNeedsTheStreamFromAFile() throws IOException {
    Cli refused = Cli.run("", "check", "--previous", "-");
    assertThat(refused.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(refused.out()).isEmpty();

    Cli cli = Cli.run(read(CHECK.resolve("hazardous-previous.yaml")), "check", "--previous", "-",
        "-f", CHECK.resolve("hazardous.yaml").toString());
    assertThat(cli.exitCode()).isEqualTo(ExitCodes.FINDINGS);
    assertThat(cli.out()).contains("release-resource-becomes-hook Service/shop/shop-db:");
  }

  @Test
  void listRulesNamesEveryRule() {
    Cli cli = Cli.run("", "check", "--list-rules");

    assertThat(cli.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(cli.out().lines().map(line -> line.split(" ")[0]))
        .containsExactlyElementsOf(io.migrationhooks.check.CheckRules.all().stream().map(rule -> rule.id()).toList());
  }
}
