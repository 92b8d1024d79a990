package io.migrationhooks.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
  @Test
  void writesKeysInInsertionOrderWithPlainListsOnOneLine() {
    Map<String, Object> inner = new LinkedHashMap<>();
    inner.put("z", Arrays.asList("a", null, 1, true));
    inner.put("a", List.of());
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("version", 1);
    root.put("items", List.of(inner, Map.of()));
    root.put("none", null);

    assertThat(Json.write(root)).isEqualTo("""
        {
          "version": 1,
          "items": [
            {
              "z": ["a", null, 1, true],
              "a": []
            },
            {}
          ],
          "none": null
        }
        """);
  }

  @Test
  void escapesWhatJsonRequires() {
    assertThat(Json.write("quote \" backslash \\ newline \n tab \t bell \u0007 é"))
        .isEqualTo("\"quote \\\" backslash \\\\ newline \\n tab \\t bell \\u0007 é\"\n");
  }
}
