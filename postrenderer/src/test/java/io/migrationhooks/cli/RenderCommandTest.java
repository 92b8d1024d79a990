package io.migrationhooks.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RenderCommandTest {
  private static final String TAG = "postrenderer.helm.sh/postrender-filename";
  private static final String SECRET_VALUE = "hunter2-do-not-print";

  private static final String HELM4_STREAM = """
      apiVersion: v1
      kind: Secret
      metadata:
        name: db
        annotations:
          %s: "chart/templates/secret.yaml"
      stringData: {password: x}
      ---
      apiVersion: batch/v1
      kind: Job
      metadata:
        name: migrate
        labels: {app.kubernetes.io/component: migration}
        annotations:
          %s: "chart/templates/job.yaml"
      spec:
        template:
          spec:
            containers: [{name: m, envFrom: [{secretRef: {name: db}}]}]
      """.formatted(TAG, TAG);

  static Stream<Arguments> badInput() {
    return Stream.of(
        Arguments.of("malformed YAML", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n---\nkind: Job\nmetadata: [\n", "migration-hooks: document 2, line 7, column 1: invalid YAML"),
        Arguments.of("truncated input", "kind: Job\nmetadata:\n  name: \"mig", "migration-hooks: document 1, line 3, column"),
        Arguments.of("non-mapping document", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n---\n- a\n- b\n", "migration-hooks: document 2, line 5, column 1: the document is not a mapping"),
        Arguments.of("a Secret with a syntax error",
            "apiVersion: v1\nkind: Secret\nstringData:\n  password: \"" + SECRET_VALUE + "\n  other: '" + SECRET_VALUE + "\n",
            "migration-hooks: document 1, line "),
        Arguments.of("a Secret with a bad escape",
            "apiVersion: v1\nkind: Secret\nstringData:\n  password: \"" + SECRET_VALUE + "\\q\"\n", "migration-hooks: document 1, line 4"),
        Arguments.of("an undefined alias named like a secret",
            "apiVersion: v1\nkind: Secret\nstringData:\n  password: *" + SECRET_VALUE + "\n", "migration-hooks: document 1, line 4"),
        Arguments.of("billion laughs", billionLaughs(), "migration-hooks: document 1, line "),
        Arguments.of("nesting too deep", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n---\na: " + "[".repeat(200_000) + "]".repeat(200_000) + "\n",
            "migration-hooks: document 2, line 5, column 259: nesting too deep (more than 256 levels)"),
        Arguments.of("untagged input that would get hooks",
            HELM4_STREAM.replace(TAG, "x"),
            "migration-hooks: Job/migrate: would become a Helm hook, but the input has no Helm 4 tags"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badInput")
  void badInputGivesOneLineExitOneAndNoOutput(String name, String input, String errorStart) {
    Cli cli = Cli.run(input, "render");

    assertThat(cli.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(cli.out()).isEmpty();
    assertThat(cli.errLines()).hasSize(1);
    assertThat(cli.err()).startsWith(errorStart).doesNotContain(SECRET_VALUE);
  }

  @Test
  void emptyAndCommentOnlyInputPassThrough() {
    for (String input : new String[] {"", "# nothing\n", "---\n# Source: x\n---\n"}) {
      Cli cli = Cli.run(input, "render", "-f", "-");

      assertThat(cli.exitCode()).isZero();
      assertThat(cli.out()).isEqualTo(input);
      assertThat(cli.err()).isEmpty();
    }
  }

  @Test
  void binaryGarbageIsNotText() {
    byte[] garbage = new byte[4096];
    new Random(42).nextBytes(garbage);

    Cli cli = Cli.run(garbage, "render");

    assertThat(cli.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(cli.out()).isEmpty();
    assertThat(cli.err()).matches("migration-hooks: input is not UTF-8 text \\(line \\d+\\)\n");
  }

  @Test
  void aFiftyMegabyteDocumentIsRefusedByItsSize() {
    String huge = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: big}\ndata:\n  blob: " + "x".repeat(50 * 1024 * 1024) + "\n";

    Cli cli = Cli.run(huge, "render");

    assertThat(cli.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(cli.out()).isEmpty();
    assertThat(cli.err()).isEqualTo("migration-hooks: document 1, line 1: larger than 3145728 bytes (see --max-document-bytes)\n");
  }

  @Test
  void theStreamIsBoundedToo() {
    Cli cli = Cli.run("a: 1\n".repeat(100), "render", "--max-stream-bytes", "100");

    assertThat(cli.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(cli.out()).isEmpty();
    assertThat(cli.err()).isEqualTo("migration-hooks: input is larger than 100 bytes (see --max-stream-bytes)\n");
  }

  @Test
  void helm4InputGetsHooksAndKeepsTheTagsExactly() {
    Cli cli = Cli.run(HELM4_STREAM, "render");

    assertThat(cli.exitCode()).isZero();
    assertThat(cli.err()).isEmpty();
    assertThat(cli.out()).contains("helm.sh/hook: pre-install,pre-upgrade")
        .contains("    " + TAG + ": \"chart/templates/secret.yaml\"\n")
        .contains("    " + TAG + ": \"chart/templates/job.yaml\"\n");
    assertThat(cli.out().lines().filter(line -> line.contains(TAG)))
        .containsExactlyElementsOf(HELM4_STREAM.lines().filter(line -> line.contains(TAG)).toList());
  }

  @Test
  void assumeHooksHonoredRendersUntaggedInput() {
    Cli cli = Cli.run(HELM4_STREAM.replace(TAG, "x"), "render", "--assume-hooks-honored");

    assertThat(cli.exitCode()).isZero();
    assertThat(cli.out()).contains("helm.sh/hook-weight: \"-30\"").contains("helm.sh/hook-weight: \"0\"");
  }

  @Test
  void helm3RefusesAMigrationJobTheChartDidNotDeclareAsHook() {
    Cli cli = Cli.run(HELM4_STREAM.replace(TAG, "x"), "render", "--helm3");

    assertThat(cli.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(cli.out()).isEmpty();
    assertThat(cli.err()).startsWith("migration-hooks: Job/migrate: with --helm3 the chart must declare this as a hook");
  }

  @Test
  void helm3RefusesInputFromHelm4() {
    Cli cli = Cli.run(HELM4_STREAM, "render", "--helm3");

    assertThat(cli.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(cli.out()).isEmpty();
    assertThat(cli.err()).startsWith("migration-hooks: --helm3 was given, but the input comes from Helm 4");
  }

  @Test
  void helm3AcceptsHooksTheChartDeclares() {
    String input = HELM4_STREAM.replace(TAG + ": \"chart/templates/job.yaml\"", "helm.sh/hook: pre-install").replace(TAG, "x");

    Cli cli = Cli.run(input, "render", "--helm3");

    assertThat(cli.exitCode()).as(cli.err()).isZero();
    assertThat(cli.out()).isEqualTo(input);
  }

  @Test
  void helm3AppliesTheRolloutRuleOnly() {
    String input = "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api}\nspec: {replicas: 2}\n";

    Cli cli = Cli.run(input, "render", "--helm3");

    assertThat(cli.exitCode()).isZero();
    assertThat(cli.out()).isEqualTo("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api}\n"
        + "spec: {replicas: 2, \"strategy\": {\"type\": \"RollingUpdate\", \"rollingUpdate\": {\"maxUnavailable\": 0, \"maxSurge\": 1}}}\n");
  }

  @Test
  void readsAFileAndAConfig(@TempDir Path dir) throws IOException {
    Path input = Files.writeString(dir.resolve("in.yaml"), "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api}\n");
    Path config = Files.writeString(dir.resolve("config.yaml"), "rollout: {maxSurge: 2}\n");

    Cli cli = Cli.run("", "render", "-f", input.toString(), "--config", config.toString());

    assertThat(cli.exitCode()).isZero();
    assertThat(cli.out()).contains("maxSurge: 2\n");
  }

  static Stream<Arguments> usageErrors() {
    return Stream.of(
        Arguments.of("unknown flag", new String[] {"render", "--no-such-flag"}, "migration-hooks: Unknown option: '--no-such-flag'"),
        Arguments.of("conflicting modes", new String[] {"render", "--helm3", "--assume-hooks-honored"},
            "migration-hooks: --helm3 and --assume-hooks-honored cannot be combined"),
        Arguments.of("missing file", new String[] {"render", "-f", "/no/such/file.yaml"}, "migration-hooks: no such file: /no/such/file.yaml"),
        Arguments.of("a folder as input", new String[] {"render", "-f", "/"}, "migration-hooks: no such file: /"),
        Arguments.of("unknown config key", new String[] {"render", "--config", "CONFIG:weights: {jobs: 1}"},
            "migration-hooks: CONFIG line 1, column 17: unknown key 'weights.jobs'; valid keys: config, databaseWorkloads, migrationJob, services"),
        Arguments.of("bad config value", new String[] {"render", "--config", "CONFIG:weights: {services: -40}"},
            "migration-hooks: CONFIG: weights.services (-40) must be greater than weights.config (-30)"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("usageErrors")
  void usageErrorsExitTwoWithAHint(String name, String[] args, String message, @TempDir Path dir) throws IOException {
    for (int i = 0; i < args.length; i++) {
      if (args[i].startsWith("CONFIG:")) {
        args[i] = Files.writeString(dir.resolve("config.yaml"), args[i].substring("CONFIG:".length())).toString();
        message = message.replace("CONFIG", args[i]);
      }
    }
    Cli cli = Cli.run("kind: Job\n", args);

    assertThat(cli.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(cli.out()).isEmpty();
    assertThat(cli.errLines()).containsExactly(message, "Try 'migration-hooks render --help'.");
  }

  @Test
  void helpAndVersionWork() {
    Cli help = Cli.run("", "render", "--help");
    Cli version = Cli.run("", "--version");

    assertThat(help.exitCode()).isZero();
    assertThat(help.out()).contains("--assume-hooks-honored").contains("Argo CD");
    assertThat(version.exitCode()).isZero();
    assertThat(version.out()).startsWith("migration-hooks ");
  }

  @Test
  void noCommandIsAUsageError() {
    Cli cli = Cli.run("");

    assertThat(cli.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(cli.out()).isEmpty();
  }

  @Test
  void notesGoToStderrOneLineEach() {
    String input = "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api, annotations: {migration-hooks.io/rollout: unmanaged}}\n";

    Cli cli = Cli.run(input, "render");

    assertThat(cli.exitCode()).isZero();
    assertThat(cli.out()).isEqualTo(input);
    assertThat(cli.err()).isEqualTo("migration-hooks: Deployment/api: rollout left alone (migration-hooks.io/rollout: unmanaged)\n");
  }

  private static String billionLaughs() {
    StringBuilder bomb = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    for (char c = 'b'; c <= 'i'; c++) {
      String alias = "*" + (char) (c - 1);
      bomb.append(c).append(": &").append(c).append(" [").append(String.join(",", java.util.Collections.nCopies(9, alias))).append("]\n");
    }
    return bomb.toString();
  }
}
