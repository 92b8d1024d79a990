package io.migrationhooks.cli;

import static io.migrationhooks.cli.CheckCommandTest.EXAMPLE_CHART;
import static io.migrationhooks.cli.CheckCommandTest.read;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlanCommandTest {
  static final Path PLAN = Path.of("src/test/resources/plan");

  @ParameterizedTest(name = "{0}")
  @CsvSource({"table,plan.txt", "json,plan.json", "mermaid,plan.mmd"})
  void theExampleChartPlanIsTheApprovedOne(String format, String approved) throws IOException {
    Cli cli = Cli.run(read(EXAMPLE_CHART), "plan", "--output", format);

    assertThat(cli.exitCode()).as(cli.err()).isEqualTo(ExitCodes.OK);
    assertThat(cli.err()).isEmpty();
    assertThat(cli.out()).isEqualTo(read(PLAN.resolve("example-chart").resolve(approved)));
  }

  @Test
  void thePlanPageShowsTheApprovedTableAndDiagram() throws IOException {
    String readme = read(Path.of("../docs/plan.md"));

    assertThat(readme).contains(read(PLAN.resolve("example-chart/plan.txt")), read(PLAN.resolve("example-chart/plan.mmd")));
  }

  @Test
  void theExampleChartsHooksRunDatabaseFirstThenTheMigration() throws IOException {
    Cli cli = Cli.run(read(EXAMPLE_CHART), "plan");

    List<String> hookRows = cli.out().lines().dropWhile(line -> !line.startsWith("   WEIGHT"))
        .skip(1).takeWhile(line -> line.matches("   -?[0-9]+ .*")).map(line -> line.trim().split(" +")[1]).toList();
    assertThat(hookRows).containsExactly("Secret/app-database", "ConfigMap/app-postgresql", "Service/app-postgresql",
        "Service/app-postgresql-hl", "StatefulSet/app-postgresql", "Job/app-migrations");
  }

  @Test
  void planOfTheRenderedStreamEqualsPlanOfTheChartsOutput() throws IOException {
    Cli rendered = Cli.run(read(EXAMPLE_CHART), "render", "--assume-hooks-honored");

    assertThat(Cli.run(rendered.out(), "plan", "-o", "json").out()).isEqualTo(Cli.run(read(EXAMPLE_CHART), "plan", "-o", "json").out());
    assertThat(Cli.run(rendered.out(), "plan", "--as-is").out()).isEqualTo(Cli.run(read(EXAMPLE_CHART), "plan").out());
  }

  @Test
  void asIsShowsTheStreamWithoutRendersHooks() throws IOException {
    Cli cli = Cli.run(read(EXAMPLE_CHART), "plan", "--as-is");

    assertThat(cli.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(cli.out()).contains("1. pre-install / pre-upgrade hooks\n   one at a time", "   (none)\n",
        "Deployment/app  3         RollingUpdate*  25% = 1*   25% = 0*         3\n");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"table,hazardous-as-is.txt", "json,hazardous-as-is.json"})
  void theHazardousStreamShowsRecreatedHooksDroppedHooksAndLostReadyPods(String format, String approved) throws IOException {
    Cli cli = Cli.run(read(CheckCommandTest.CHECK.resolve("hazardous.yaml")), "plan", "--as-is", "-o", format);

    assertThat(cli.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(cli.out()).isEqualTo(read(PLAN.resolve(approved)));
  }

  @Test
  void sameInputSameBytes() throws IOException {
    String input = read(CheckCommandTest.CHECK.resolve("hazardous.yaml"));
    for (String format : List.of("table", "json", "mermaid")) {
      assertThat(Cli.run(input, "plan", "-o", format).out()).isEqualTo(Cli.run(input, "plan", "-o", format).out());
    }
  }

  @Test
  void helm3RefusesAMigrationJobTheChartDidNotDeclareAsHook() throws IOException {
    Cli cli = Cli.run(read(EXAMPLE_CHART), "plan", "--helm3");

    assertThat(cli.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(cli.out()).isEmpty();
    assertThat(cli.errLines()).hasSize(1);
    assertThat(cli.err()).startsWith("migration-hooks: Job/app-migrations: with --helm3 the chart must declare");
  }

  @Test
  void helm3AndAsIsCannotBeCombined() {
    Cli cli = Cli.run("", "plan", "--helm3", "--as-is");

    assertThat(cli.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(cli.out()).isEmpty();
    assertThat(cli.errLines()).containsExactly(
        "migration-hooks: --helm3 and --as-is cannot be combined (--helm3 chooses how to render)",
        "Try 'migration-hooks plan --help'.");
  }

  @Test
  void anUnknownFormatIsAUsageError() {
    Cli cli = Cli.run("", "plan", "-o", "yaml");

    assertThat(cli.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(cli.out()).isEmpty();
    assertThat(cli.err()).contains("yaml");
  }

  @Test
  void badInputWritesNothingToStdout() {
    Cli cli = Cli.run("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec: {replicas: many}\n", "plan", "--as-is");

    assertThat(cli.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(cli.out()).isEmpty();
    assertThat(cli.errLines()).containsExactly("migration-hooks: Deployment/d: spec.replicas must be a non-negative integer, not the string \"many\"");
  }

  /** Helm and the API server read YAML 1.1 numbers (sigs.k8s.io/yaml); plan must show the same count. */
  @ParameterizedTest(name = "replicas: {0}")
  @CsvSource(delimiter = '|', value = {"010 | 8", "0x2 | 2", "+3 | 3", "1_0 | 10", "0o7 | 7", "3.0 | 3", "1e3 | 1000"})
  void readsReplicasAsKubernetesDoesLikeRender(String replicas, String shown) {
    String deployment = "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  replicas: " + replicas + "\n";

    Cli plan = Cli.run(deployment, "plan", "--as-is", "-o", "json");

    assertThat(Cli.run(deployment, "render").exitCode()).as("render").isEqualTo(ExitCodes.OK);
    assertThat(plan.exitCode()).as(plan.err()).isEqualTo(ExitCodes.OK);
    assertThat(plan.out()).contains("\"replicas\": " + shown + ",");
    assertThat(Cli.run(deployment, "plan", "--as-is").out()).contains("Deployment/d  " + shown + " ");
  }

  @Test
  void aQuotedNumberIsAStringWhereAnIntegerIsRequired() {
    Cli cli = Cli.run("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec: {replicas: \"3\"}\n", "plan");

    assertThat(cli.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(cli.out()).isEmpty();
    assertThat(cli.errLines()).containsExactly(
        "migration-hooks: Deployment/d: spec.replicas must be a non-negative integer, not the string \"3\"");
  }

  @Test
  void anEmptyStreamHasAnEmptyPlan() {
    Cli cli = Cli.run("", "plan");

    assertThat(cli.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(cli.out()).contains("(none)", "(no Deployments)");
  }
}
