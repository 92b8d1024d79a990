package io.migrationhooks.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** plan and check on the approved golden file: the example chart as real Helm 4 post-rendered it. */
class GoldenFileAnalysisTest {
  static final Path DEFAULT_GOLDEN_FILE = Path.of("../golden-files/default.approved.yaml");

  /** The HOOKS and MANIFEST documents of `helm install --dry-run` output, as one stream. */
  static String helmStream(Path dryRunOutput) throws IOException {
    List<String> lines = Files.readAllLines(dryRunOutput, StandardCharsets.UTF_8);
    int hooks = lines.indexOf("HOOKS:");
    int notes = lines.indexOf("NOTES:");
    assertThat(hooks).as("HOOKS: in " + dryRunOutput).isNotNegative();
    return lines.subList(hooks + 1, notes < 0 ? lines.size() : notes).stream()
        .filter(line -> !line.equals("MANIFEST:")).map(line -> line + "\n").collect(Collectors.joining());
  }

  @Test
  void checkPassesOnTheGoldenFile() throws IOException {
    Cli cli = Cli.run(helmStream(DEFAULT_GOLDEN_FILE), "check");

    assertThat(cli.exitCode()).as(cli.out()).isEqualTo(ExitCodes.OK);
    assertThat(cli.err()).isEqualTo("migration-hooks: check passed: no findings in 8 resources (13 rules)\n");
  }

  @Test
  void planListsTheGoldenFilesHooksDatabaseFirstThenTheMigration() throws IOException {
    Cli cli = Cli.run(helmStream(DEFAULT_GOLDEN_FILE), "plan", "--as-is");

    assertThat(cli.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(cli.out()).contains("""
           WEIGHT  RESOURCE                    ROLE              WAITS  NEXT RELEASE  KEEP  RUNS ON
           -30     Secret/app-database         dependency        no     kept          yes   install,upgrade
           -30     ConfigMap/app-postgresql    dependency        no     kept          yes   install,upgrade
           -20     Service/app-postgresql      database-service  no     kept          yes   install,upgrade
           -20     Service/app-postgresql-hl   database-service  no     kept          yes   install,upgrade
           -10     StatefulSet/app-postgresql  database          no     kept          yes   install,upgrade
           0       Job/app-migrations          migration-job     yes    recreated     -     install,upgrade
        """, """
           RESOURCE        ROLE
           Service/app     -
           Deployment/app  -
        """, """
           Deployment/app  3         RollingUpdate  1          0                3
        """);
  }

  @Test
  void planOfTheGoldenFileEqualsPlanOfTheChartRenderedHere() throws IOException {
    String fromHelm = Cli.run(helmStream(DEFAULT_GOLDEN_FILE), "plan", "--as-is", "-o", "json").out();
    String renderedHere = Cli.run(Files.readString(CheckCommandTest.EXAMPLE_CHART), "plan", "-o", "json").out();

    // Helm's dry run lists hooks before manifests, so only the document positions differ.
    assertThat(withoutPositions(fromHelm)).isEqualTo(withoutPositions(renderedHere));
  }

  private static String withoutPositions(String json) {
    return json.replaceAll("\"document\": [0-9]+", "\"document\": N");
  }
}
