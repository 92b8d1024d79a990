package io.migrationhooks.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every folder under fixtures/ holds input.yaml, expected.yaml and optionally args (one flag per
 * line) for {@code migration-hooks render}. Expected files are reviewed output: regenerate on
 * purpose only, and read the diff.
 */
class FixturesTest {
  private static final Path FIXTURES = Path.of("src/test/resources/fixtures");

  static Stream<String> fixtures() throws IOException {
    try (Stream<Path> folders = Files.list(FIXTURES)) {
      return folders.filter(Files::isDirectory).map(folder -> folder.getFileName().toString()).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void rendersTheExpectedOutput(String fixture) throws IOException {
    Cli cli = render(fixture, read(fixture, "input.yaml"));

    assertThat(cli.exitCode()).as(cli.err()).isZero();
    assertThat(cli.out()).isEqualTo(read(fixture, "expected.yaml"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void renderingTheOutputAgainChangesNothing(String fixture) throws IOException {
    String expected = read(fixture, "expected.yaml");

    Cli again = render(fixture, expected);

    assertThat(again.exitCode()).as(again.err()).isZero();
    assertThat(again.out()).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void theSameInputGivesTheSameBytes(String fixture) throws IOException {
    String input = read(fixture, "input.yaml");

    Cli first = render(fixture, input);
    Cli second = render(fixture, input);

    assertThat(second.out()).isEqualTo(first.out());
    assertThat(second.err()).isEqualTo(first.err());
  }

  private static Cli render(String fixture, String input) throws IOException {
    List<String> args = new ArrayList<>(List.of("render"));
    Path argsFile = FIXTURES.resolve(fixture).resolve("args");
    if (Files.exists(argsFile)) {
      Files.readAllLines(argsFile).stream().map(String::strip).filter(line -> !line.isEmpty()).forEach(args::add);
    }
    return Cli.run(input, args.toArray(String[]::new));
  }

  static String read(String fixture, String file) throws IOException {
    return Files.readString(FIXTURES.resolve(fixture).resolve(file), StandardCharsets.UTF_8);
  }
}
