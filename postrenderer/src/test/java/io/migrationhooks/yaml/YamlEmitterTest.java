package io.migrationhooks.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class YamlEmitterTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "hook-failed | hook-failed",
      "pre-install,pre-upgrade | pre-install,pre-upgrade",
      "RollingUpdate | RollingUpdate",
      "-30 | `\"-30\"`",
      "0 | `\"0\"`",
      "25% | `\"25%\"`",
      "on | `\"on\"`",
      "Off | `\"Off\"`",
      "y | `\"y\"`",
      "NO | `\"NO\"`",
      "True | `\"True\"`",
      "null | `\"null\"`",
      "~ | `\"~\"`",
      "1e3 | `\"1e3\"`",
      ".inf | `\".inf\"`",
      "a: b | `\"a: b\"`",
      "a #b | `\"a #b\"`",
      "`` | `\"\"`",
      "`say \"hi\"\\now` | `\"say \\\"hi\\\"\\\\now\"`",
  })
  void quotesEverythingThatCouldReadAsAnythingButAString(String value, String expected) {
    assertThat(YamlEmitter.blockScalar(value)).isEqualTo(expected);
  }

  @Test
  void escapesControlAndLineSeparatorCharacters() {
    assertThat(YamlEmitter.quoted("a\nb\tc\u0001\u2028\u0085")).isEqualTo("\"a\\nb\\tc\\u0001\\u2028\\u0085\"");
    assertThat(YamlEmitter.quoted("grüße 😀")).isEqualTo("\"grüße 😀\"");
  }

  @Test
  void integersArePlainAndCommasAreQuotedInFlow() {
    assertThat(YamlEmitter.blockScalar(0)).isEqualTo("0");
    assertThat(YamlEmitter.flow("pre-install,pre-upgrade")).isEqualTo("\"pre-install,pre-upgrade\"");
  }

  @Test
  void writesNestedBlockMappingsAndJson() {
    Map<String, Object> inner = new LinkedHashMap<>();
    inner.put("maxSurge", 1);
    inner.put("weird key", "on");
    Map<String, Object> outer = new LinkedHashMap<>();
    outer.put("type", "RollingUpdate");
    outer.put("rollingUpdate", inner);
    outer.put("empty", Map.of());

    assertThat(YamlEmitter.blockMappingLines(outer, 2)).containsExactly(
        "  type: RollingUpdate", "  rollingUpdate:", "    maxSurge: 1", "    \"weird key\": \"on\"", "  empty: {}");
    assertThat(YamlEmitter.flow(outer))
        .isEqualTo("{\"type\": \"RollingUpdate\", \"rollingUpdate\": {\"maxSurge\": 1, \"weird key\": \"on\"}, \"empty\": {}}");
  }
}
