package io.migrationhooks.plan;

import io.migrationhooks.yaml.YamlEmitter;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Writes JSON from maps (keys in their iteration order, so use LinkedHashMap), lists, strings,
 * numbers, booleans and null; two-space indentation, one value per line except lists of plain values,
 * which stay on one line; a final newline.
 */
public final class Json {
  private Json() {}

  public static String write(Object value) {
    StringBuilder out = new StringBuilder();
    write(out, value, "");
    return out.append('\n').toString();
  }

  private static void write(StringBuilder out, Object value, String indent) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof String text) {
      string(out, text);
    } else if (value instanceof Number || value instanceof Boolean) {
      out.append(value);
    } else if (value instanceof Map<?, ?> map) {
      object(out, map, indent);
    } else if (value instanceof List<?> list) {
      array(out, list, indent);
    } else {
      throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
    }
  }

  private static void object(StringBuilder out, Map<?, ?> map, String indent) {
    if (map.isEmpty()) {
      out.append("{}");
      return;
    }
    String inner = indent + "  ";
    out.append("{\n");
    for (Iterator<? extends Map.Entry<?, ?>> entries = map.entrySet().iterator(); entries.hasNext(); ) {
      Map.Entry<?, ?> entry = entries.next();
      out.append(inner);
      string(out, (String) entry.getKey());
      out.append(": ");
      write(out, entry.getValue(), inner);
      out.append(entries.hasNext() ? ",\n" : "\n");
    }
    out.append(indent).append('}');
  }

  private static void array(StringBuilder out, List<?> list, String indent) {
    if (list.isEmpty()) {
      out.append("[]");
      return;
    }
    if (list.stream().noneMatch(item -> item instanceof Map || item instanceof List)) {
      out.append('[');
      for (int i = 0; i < list.size(); i++) {
        write(out, list.get(i), indent);
        out.append(i + 1 < list.size() ? ", " : "");
      }
      out.append(']');
      return;
    }
    String inner = indent + "  ";
    out.append("[\n");
    for (int i = 0; i < list.size(); i++) {
      out.append(inner);
      write(out, list.get(i), inner);
      out.append(i + 1 < list.size() ? ",\n" : "\n");
    }
    out.append(indent).append(']');
  }

  /** YAML's double-quoted style with JSON escapes is valid JSON. */
  private static void string(StringBuilder out, String text) {
    out.append(YamlEmitter.quoted(text));
  }
}
