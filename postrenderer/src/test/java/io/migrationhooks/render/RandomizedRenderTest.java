package io.migrationhooks.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Streams written in many styles (block and flow, 2 or 4 spaces, indented or flush sequences,
 * comments, quoted keys, CRLF, missing/null/empty/flow annotations and strategies). After
 * rendering, each document must read exactly as before except for what the rules add, and
 * rendering again must change nothing. Fixed seeds: failures reproduce.
 */
public class RandomizedRenderTest {
  private static final int STREAMS = 300;

  @Test
  void rulesChangeOnlyWhatTheyNameInEveryStyle() {
    int editedDocuments = 0;
    for (int seed = 0; seed < STREAMS; seed++) {
      Random random = new Random(seed);
      String input = stream(random);

      RenderResult result = new Renderer().render(input, Settings.defaults(), RenderOptions.of(Mode.ASSUME_HOOKS_HONORED));

      List<Object> before = load(input);
      List<Object> after = load(result.output());
      assertThat(after).as("seed %d: document count", seed).hasSameSizeAs(before);
      for (int i = 0; i < before.size(); i++) {
        if (!after.get(i).equals(before.get(i))) {
          editedDocuments++;
        }
        assertThat(withoutRuleFields(after.get(i), before.get(i)))
            .as("seed %d, document %d:%n%s%n--- rendered ---%n%s", seed, i + 1, input, result.output())
            .isEqualTo(before.get(i));
      }
      assertThat(new Renderer().render(result.output(), Settings.defaults(), RenderOptions.of(Mode.ASSUME_HOOKS_HONORED)).output())
          .as("seed %d: idempotent", seed).isEqualTo(result.output());
    }
    assertThat(editedDocuments).as("documents the rules changed").isGreaterThan(STREAMS / 3);
  }

  private static List<Object> load(String text) {
    List<Object> documents = new ArrayList<>();
    new Load(LoadSettings.builder().build()).loadAllFromString(text).forEach(documents::add);
    return documents;
  }

  /** The rendered document with the added annotations and strategy taken back out. */
  @SuppressWarnings("unchecked")
  private static Object withoutRuleFields(Object rendered, Object original) {
    if (!(rendered instanceof Map<?, ?> renderedMap) || !(original instanceof Map<?, ?> originalMap)) {
      return rendered;
    }
    Map<String, Object> copy = deepCopy((Map<String, Object>) renderedMap);
    Map<String, Object> originalMetadata = (Map<String, Object>) originalMap.get("metadata");
    Map<String, Object> metadata = (Map<String, Object>) copy.get("metadata");
    if (metadata != null && metadata.get("annotations") instanceof Map<?, ?> annotations) {
      Object originalAnnotations = originalMetadata == null ? null : originalMetadata.get("annotations");
      annotations.keySet().removeIf(key -> ((String) key).startsWith("helm.sh/")
          && !(originalAnnotations instanceof Map<?, ?> old && old.containsKey(key)));
      if (annotations.isEmpty() && !(originalAnnotations instanceof Map<?, ?>)) {
        if (originalMetadata != null && originalMetadata.containsKey("annotations")) {
          metadata.put("annotations", originalAnnotations);
        } else {
          metadata.remove("annotations");
        }
      }
    }
    Map<String, Object> originalSpec = (Map<String, Object>) originalMap.get("spec");
    if (copy.get("spec") instanceof Map<?, ?> spec && "Deployment".equals(copy.get("kind"))) {
      Map<String, Object> specMap = (Map<String, Object>) spec;
      if (originalSpec != null && originalSpec.containsKey("strategy")) {
        specMap.put("strategy", originalSpec.get("strategy"));
      } else {
        specMap.remove("strategy");
      }
      if (specMap.isEmpty() && !(originalSpec instanceof Map<?, ?>)) {
        if (originalMap.containsKey("spec")) {
          copy.put("spec", originalSpec);
        } else {
          copy.remove("spec");
        }
      }
    }
    return copy;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> deepCopy(Map<String, Object> map) {
    Map<String, Object> copy = new LinkedHashMap<>();
    map.forEach((key, value) -> copy.put(key, value instanceof Map<?, ?> nested ? deepCopy((Map<String, Object>) nested) : value));
    return copy;
  }

  // ---- stream generator ----

  /** A random stream in many styles; also the differential corpus of {@code SubsetComposerTest}. */
  public static String stream(Random random) {
    Style style = new Style(random);
    StringBuilder out = new StringBuilder();
    int documents = 1 + random.nextInt(6);
    for (int i = 0; i < documents; i++) {
      if (i > 0 || random.nextBoolean()) {
        out.append("---").append(random.nextInt(4) == 0 ? " # separator" : "").append('\n');
      }
      if (random.nextInt(3) == 0) {
        out.append("# Source: chart/templates/t").append(i).append(".yaml\n");
      }
      out.append(document(random, style, i));
    }
    String text = out.toString();
    return style.crlf ? text.replace("\n", "\r\n") : text;
  }

  private static String document(Random random, Style style, int index) {
    String[][] kinds = {{"apps/v1", "Deployment"}, {"batch/v1", "Job"}, {"apps/v1", "StatefulSet"}, {"v1", "Secret"},
        {"v1", "Service"}, {"v1", "ConfigMap"}, {"example.com/v1", "Widget"}};
    String[] kind = kinds[random.nextInt(kinds.length)];
    String role = switch (kind[1]) {
      case "Job" -> random.nextBoolean() ? "migration" : null;
      case "StatefulSet", "Deployment" -> random.nextInt(3) == 0 ? "database" : null;
      default -> null;
    };
    String name = "r" + index;
    StringBuilder doc = new StringBuilder();
    List<String[]> rootEntries = new ArrayList<>();
    rootEntries.add(new String[] {"apiVersion", kind[0]});
    rootEntries.add(new String[] {"kind", kind[1]});
    if (random.nextBoolean()) {
      java.util.Collections.swap(rootEntries, 0, 1);
    }
    for (String[] entry : rootEntries) {
      doc.append(style.key(entry[0])).append(": ").append(entry[1]).append('\n');
    }
    doc.append(metadata(random, style, name, role));
    if (kind[1].equals("Deployment") || kind[1].equals("StatefulSet") || kind[1].equals("Job")) {
      doc.append(spec(random, style, kind[1], name));
    } else if (kind[1].equals("Service")) {
      doc.append(style.key("spec")).append(": {selector: {app: r").append(random.nextInt(6)).append("}}\n");
    } else {
      doc.append(style.key("data")).append(":\n").append(style.indent(1)).append("on: yes # tricky\n")
          .append(style.indent(1)).append("octal: 0777\n");
    }
    return doc.toString();
  }

  private static String metadata(Random random, Style style, String name, String role) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("app", name);
    if (role != null && random.nextBoolean()) {
      labels.put("app.kubernetes.io/component", role);
    }
    Map<String, String> annotations = new LinkedHashMap<>();
    if (role != null && !labels.containsKey("app.kubernetes.io/component")) {
      annotations.put("migration-hooks.io/role", role);
    }
    if (random.nextBoolean()) {
      annotations.put("checksum/config", "\"0123\"");
    }
    if (random.nextInt(3) == 0) {
      annotations.put("postrenderer.helm.sh/postrender-filename", "'chart/templates/x.yaml'");
    }
    int annotationsForm = random.nextInt(5);
    if (random.nextInt(4) == 0) {
      String flowAnnotations = annotationsForm == 0 && annotations.isEmpty() ? "" : ", annotations: {" + flow(annotations) + "}";
      return style.key("metadata") + ": {name: " + name + ", labels: {" + flow(labels) + "}" + flowAnnotations + "}\n";
    }
    StringBuilder out = new StringBuilder(style.key("metadata")).append(":").append(random.nextBoolean() ? " # meta" : "").append('\n');
    List<String> lines = new ArrayList<>();
    lines.add(style.indent(1) + style.key("name") + ": " + name);
    lines.add(style.indent(1) + style.key("labels") + ":\n" + block(labels, style, 2));
    if (annotations.isEmpty()) {
      switch (annotationsForm) {
        case 1 -> lines.add(style.indent(1) + "annotations:");
        case 2 -> lines.add(style.indent(1) + "annotations: null");
        case 3 -> lines.add(style.indent(1) + "annotations: {}");
        default -> { }
      }
    } else if (annotationsForm == 3) {
      lines.add(style.indent(1) + "annotations: {" + flow(annotations) + "}");
    } else {
      lines.add(style.indent(1) + "annotations:\n" + block(annotations, style, 2));
    }
    java.util.Collections.shuffle(lines, random);
    lines.forEach(line -> out.append(line).append('\n'));
    return out.toString();
  }

  private static String spec(Random random, Style style, String kind, String name) {
    String template = style.indent(1) + "template:\n"
        + style.indent(2) + "metadata: {labels: {app: " + name + "}}\n"
        + style.indent(2) + "spec:\n"
        + style.indent(3) + "containers:\n"
        + style.sequenceIndent(3) + "- name: c\n"
        + style.sequenceIndent(3) + "  image: \"img:1\"\n"
        + style.sequenceIndent(3) + "  envFrom: [{secretRef: {name: r" + random.nextInt(6) + "}}]\n";
    if (!kind.equals("Deployment")) {
      return "spec:\n" + template;
    }
    return switch (random.nextInt(6)) {
      case 0 -> "";
      case 1 -> "spec:\n";
      case 2 -> "spec: {replicas: 2}\n";
      case 3 -> "spec:\n" + style.indent(1) + "strategy: {type: Recreate}\n" + template;
      case 4 -> "spec:\n" + style.indent(1) + "replicas: 3\n" + style.indent(1) + "strategy:\n" + style.indent(2)
          + "type: RollingUpdate\n" + style.indent(2) + "rollingUpdate: {maxSurge: 25%}\n" + template;
      default -> "spec:\n" + template + style.indent(1) + "strategy:\n" + style.indent(2) + "rollingUpdate:\n"
          + style.indent(3) + "maxUnavailable: 0\n" + style.indent(3) + "maxSurge: 1\n" + style.indent(2) + "type: RollingUpdate\n";
    };
  }

  private static String flow(Map<String, String> entries) {
    List<String> parts = new ArrayList<>();
    entries.forEach((key, value) -> parts.add(key + ": " + value));
    return String.join(", ", parts);
  }

  private static String block(Map<String, String> entries, Style style, int level) {
    StringBuilder out = new StringBuilder();
    entries.forEach((key, value) -> out.append(style.indent(level)).append(key).append(": ").append(value).append('\n'));
    return out.toString().stripTrailing();
  }

  private static final class Style {
    final int width;
    final boolean flushSequences;
    final boolean quotedKeys;
    final boolean crlf;

    Style(Random random) {
      width = random.nextBoolean() ? 2 : 4;
      flushSequences = random.nextBoolean();
      quotedKeys = random.nextInt(4) == 0;
      crlf = random.nextInt(5) == 0;
    }

    String indent(int level) {
      return " ".repeat(width * level);
    }

    String sequenceIndent(int level) {
      return flushSequences ? indent(level) : indent(level) + "  ";
    }

    String key(String key) {
      return quotedKeys ? "\"" + key + "\"" : key;
    }
  }
}
