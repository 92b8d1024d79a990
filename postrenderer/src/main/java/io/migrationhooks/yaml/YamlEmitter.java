package io.migrationhooks.yaml;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes generated values (strings, integers and mappings of them). Strings are plain only when
 * they cannot be read as anything but a string by a YAML 1.1 or 1.2 reader; otherwise they are
 * double-quoted with JSON escapes. Flow output is JSON, so it also fits into JSON documents.
 */
public final class YamlEmitter {
  private static final Pattern SAFE_PLAIN = Pattern.compile("[A-Za-z][A-Za-z0-9._/-]*");
  private static final Pattern SAFE_PLAIN_BLOCK_VALUE = Pattern.compile("[A-Za-z][A-Za-z0-9._/,-]*");
  private static final Set<String> YAML11_WORDS = Set.of(
      "y", "n", "yes", "no", "on", "off", "true", "false", "null", "~");

  private YamlEmitter() {}

  public static boolean isSafePlain(String value) {
    return SAFE_PLAIN.matcher(value).matches() && !isSpecialWord(value);
  }

  private static boolean isSafePlainBlockValue(String value) {
    return SAFE_PLAIN_BLOCK_VALUE.matcher(value).matches() && !isSpecialWord(value);
  }

  private static boolean isSpecialWord(String value) {
    return YAML11_WORDS.contains(value.toLowerCase(Locale.ROOT));
  }

  /** A scalar for block context. */
  public static String blockScalar(Object value) {
    if (value instanceof Integer || value instanceof Long) {
      return value.toString();
    }
    String text = (String) value;
    return isSafePlainBlockValue(text) ? text : quoted(text);
  }

  public static String blockKey(String key) {
    return isSafePlain(key) ? key : quoted(key);
  }

  /** Lines (without line breaks) of a block mapping whose keys start at {@code column}. */
  public static List<String> blockMappingLines(Map<String, ?> mapping, int column) {
    List<String> lines = new ArrayList<>();
    String indent = " ".repeat(column);
    for (Map.Entry<String, ?> entry : mapping.entrySet()) {
      String key = indent + blockKey(entry.getKey()) + ":";
      if (entry.getValue() instanceof Map<?, ?> nested) {
        if (nested.isEmpty()) {
          lines.add(key + " {}");
        } else {
          lines.add(key);
          lines.addAll(blockMappingLines(asStringMap(nested), column + 2));
        }
      } else {
        lines.add(key + " " + blockScalar(entry.getValue()));
      }
    }
    return lines;
  }

  /** JSON text of a generated value. */
  public static String flow(Object value) {
    if (value instanceof Integer || value instanceof Long) {
      return value.toString();
    }
    if (value instanceof Map<?, ?> mapping) {
      return "{" + flowEntries(asStringMap(mapping)) + "}";
    }
    return quoted((String) value);
  }

  /** Comma-separated JSON entries, without braces. */
  public static String flowEntries(Map<String, ?> mapping) {
    List<String> entries = new ArrayList<>();
    mapping.forEach((key, value) -> entries.add(quoted(key) + ": " + flow(value)));
    return String.join(", ", entries);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, ?> asStringMap(Map<?, ?> mapping) {
    return (Map<String, ?>) mapping;
  }

  /** A double-quoted scalar with JSON escapes (also escaping what YAML 1.1 takes as line breaks). */
  public static String quoted(String value) {
    StringBuilder out = new StringBuilder(value.length() + 2).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20 || c == 0x7F || c == 0x85 || c == 0x2028 || c == 0x2029 || c == 0xFEFF
              || Character.isSurrogate(c) && !isPairedSurrogate(value, i)) {
            out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  private static boolean isPairedSurrogate(String value, int i) {
    char c = value.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1));
    }
    return i > 0 && Character.isHighSurrogate(value.charAt(i - 1));
  }
}
