package io.migrationhooks.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** A document that is no Kubernetes object is bad input (exit 1, one line naming it and the field) in every command. */
class StructuralErrorsTest {
  private static final List<List<String>> COMMANDS = List.of(
      List.of("render"), List.of("render", "--target", "argocd"), List.of("plan"), List.of("check"));
  private static final String SERVICE = "apiVersion: v1\nkind: Service\n";

  static Stream<Arguments> malformed() {
    return Stream.of(
        Arguments.of("{}\n", "document 1, line 1: kind is missing"),
        Arguments.of("a: 1\n", "document 1, line 1: kind is missing"),
        Arguments.of("kind: [x]\n", "document 1, line 1, column 7: kind must be a non-empty string, not a sequence"),
        Arguments.of("kind: 5\n", "document 1, line 1, column 7: kind must be a non-empty string, not the integer 5"),
        Arguments.of("kind: ''\n", "document 1, line 1, column 7: kind must be a non-empty string, not the string \"\""),
        Arguments.of("kind: Service\nmetadata: {name: s}\n", "document 1, line 1 (Service): apiVersion is missing"),
        Arguments.of("apiVersion: {v: 1}\nkind: Service\nmetadata: {name: s}\n",
            "document 1, line 1, column 13 (Service): apiVersion must be a non-empty string, not a mapping"),
        Arguments.of(SERVICE, "document 1, line 1 (Service): metadata is missing"),
        Arguments.of(SERVICE + "metadata: ~\n", "document 1, line 3, column 11 (Service): metadata is missing"),
        Arguments.of(SERVICE + "metadata: x\n", "document 1, line 3, column 11 (Service): metadata must be a mapping, not the string \"x\""),
        Arguments.of(SERVICE + "metadata: [s]\n", "document 1, line 3, column 11 (Service): metadata must be a mapping, not a sequence"),
        Arguments.of(SERVICE + "metadata: {namespace: n}\n", "document 1, line 3, column 11 (Service): metadata.name is missing"),
        Arguments.of(SERVICE + "metadata: {name: yes}\n",
            "document 1, line 3, column 18 (Service): metadata.name must be a non-empty string, not the boolean yes"),
        Arguments.of(SERVICE + "metadata: {name: [s]}\n",
            "document 1, line 3, column 18 (Service): metadata.name must be a non-empty string, not a sequence"),
        Arguments.of(SERVICE + "metadata: {name: s, namespace: [n]}\n",
            "document 1, line 3, column 32 (Service): metadata.namespace must be a string, not a sequence"),
        Arguments.of(SERVICE + "metadata:\n  name: s\n  labels: [a]\n",
            "document 1, line 5, column 11 (Service): metadata.labels must be a mapping, not a sequence"),
        Arguments.of(SERVICE + "metadata:\n  name: s\n  annotations: x\n",
            "document 1, line 5, column 16 (Service): metadata.annotations must be a mapping, not the string \"x\""),
        Arguments.of("apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: j\n  labels: {app.kubernetes.io/component: migration}\n"
            + "  annotations: [x]\n", "document 1, line 6, column 16 (Job): metadata.annotations must be a mapping, not a sequence"),
        Arguments.of(SERVICE + "metadata: {name: s}\n---\n{}\n", "document 2, line 4: kind is missing"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("malformed")
  void isBadInputInEveryCommand(String input, String error) {
    for (List<String> command : COMMANDS) {
      Cli cli = Cli.run(input, command.toArray(String[]::new));

      assertThat(cli.exitCode()).as(command + ": " + cli.err()).isEqualTo(ExitCodes.BAD_INPUT);
      assertThat(cli.out()).as(command.toString()).isEmpty();
      assertThat(cli.errLines()).as(command.toString()).containsExactly("migration-hooks: " + error);
    }
  }

  /** The API server reads a null map as empty; render writes the hook annotations in its place. */
  @ParameterizedTest(name = "annotations: {0}")
  @ValueSource(strings = {"!!null", "~", "null", "", "!!null ''"})
  void aMigrationJobWithNullAnnotationsIsRenderedPlannedAndChecked(String annotations) {
    String job = "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: j\n  labels: {app.kubernetes.io/component: migration}\n"
        + "  annotations: " + annotations + "\nspec: {template: {spec: {containers: [{name: c, image: i}]}}}\n";

    Cli helm = Cli.run(job, "render", "--assume-hooks-honored");
    Cli argocd = Cli.run(job, "render", "--target", "argocd");

    assertThat(helm.exitCode()).as(helm.err()).isEqualTo(ExitCodes.OK);
    assertThat(helm.out()).contains("  annotations:\n    helm.sh/hook: pre-install,pre-upgrade\n").doesNotContain("null");
    assertThat(argocd.exitCode()).as(argocd.err()).isEqualTo(ExitCodes.OK);
    assertThat(argocd.out()).contains("    argocd.argoproj.io/hook: Sync\n").doesNotContain("null");
    assertThat(Cli.run(helm.out(), "render", "--assume-hooks-honored").out()).isEqualTo(helm.out());
    assertThat(Cli.run(job, "plan").exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(Cli.run(job, "check").exitCode()).isIn(ExitCodes.OK, ExitCodes.FINDINGS);
  }
}
