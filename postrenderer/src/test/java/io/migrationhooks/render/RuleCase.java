package io.migrationhooks.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.provider.Arguments;

/** One row of a rule table: input stream, expected output and expected stderr notes. */
record RuleCase(String name, String input, String expected, List<String> notes) {
  static Arguments of(String name, String input, String expected, String... notes) {
    return Arguments.of(new RuleCase(name, input, expected, List.of(notes)));
  }

  static Arguments unchanged(String name, String input, String... notes) {
    return of(name, input, input, notes);
  }

  RenderResult render(Settings settings) {
    return render(settings, Mode.ASSUME_HOOKS_HONORED);
  }

  RenderResult render(Settings settings, Mode mode) {
    return new Renderer().render(input, settings, RenderOptions.of(mode));
  }

  /** Renders with default settings and asserts the expected output and notes. */
  void assertRenders(Mode mode) {
    RenderResult result = render(Settings.defaults(), mode);

    assertThat(result.output()).isEqualTo(expected);
    assertThat(result.notes()).containsExactlyElementsOf(notes);
  }

  @Override
  public String toString() {
    return name;
  }
}
