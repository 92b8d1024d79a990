package io.migrationhooks.yaml;

import io.migrationhooks.yaml.Yaml11Value.Bool;
import io.migrationhooks.yaml.Yaml11Value.Float;
import io.migrationhooks.yaml.Yaml11Value.Int;
import io.migrationhooks.yaml.Yaml11Value.Invalid;
import io.migrationhooks.yaml.Yaml11Value.Null;
import io.migrationhooks.yaml.Yaml11Value.Str;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Reads a scalar the way Helm and the API server do: sigs.k8s.io/yaml decodes with go-yaml v2,
 * whose resolver (resolve.go) follows YAML 1.1 with Go's number syntax, then hands the value on as
 * JSON. The rules, in go-yaml's order, for a plain scalar without a tag:
 * <ul>
 *   <li>a word from the table: null ({@code ""}, {@code ~}, {@code null}), the YAML 1.1 bools
 *       ({@code y}, {@code yes}, {@code on}, {@code off}... in three casings), {@code .inf},
 *       {@code .nan};
 *   <li>starting with a digit or a sign: with every {@code _} removed, an integer as Go's
 *       {@code strconv.ParseInt(s, 0, 64)} reads it (a sign; {@code 0x}, {@code 0o}, {@code 0b} or
 *       a leading {@code 0} for octal), else as {@code ParseUint} (up to 2^64-1), else a float in
 *       YAML's decimal syntax that does not overflow ({@code 08} is 8.0; {@code 1e400} stays a
 *       string); no sexagesimal ({@code 1:30} is a string), and timestamps stay strings;
 *   <li>starting with {@code .}: a float such as {@code .5};
 *   <li>anything else is a string.
 * </ul>
 * Quoted and block scalars are strings. An explicit {@code !!int}, {@code !!float}, {@code !!bool}
 * or {@code !!null} resolves the text the same way and must agree ({@code !!float} also takes an
 * integer), else the scalar is {@link Invalid}; {@code !!str} and unknown tags keep the text.
 */
public final class Yaml11Scalars {
  private static final Map<String, Yaml11Value> WORDS = words();
  private static final Pattern YAML_FLOAT = Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
  private static final Pattern DOT_FLOAT = Pattern.compile("\\.[0-9]+([eE][-+]?[0-9]+)?");
  private static final BigInteger INT64_MIN = BigInteger.valueOf(Long.MIN_VALUE);
  private static final BigInteger INT64_MAX = BigInteger.valueOf(Long.MAX_VALUE);
  private static final BigInteger UINT64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
  /** More digits than any 64-bit value has in any base: out of range without parsing them all. */
  private static final int MAX_INTEGER_DIGITS = 64;

  private Yaml11Scalars() {}

  private static Map<String, Yaml11Value> words() {
    Map<String, Yaml11Value> words = new HashMap<>();
    put(words, new Bool(true), "y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON");
    put(words, new Bool(false), "n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF");
    put(words, new Null(), "", "~", "null", "Null", "NULL");
    put(words, new Float(Double.NaN), ".nan", ".NaN", ".NAN");
    put(words, new Float(Double.POSITIVE_INFINITY), ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF");
    put(words, new Float(Double.NEGATIVE_INFINITY), "-.inf", "-.Inf", "-.INF");
    return Map.copyOf(words);
  }

  private static void put(Map<String, Yaml11Value> words, Yaml11Value value, String... spellings) {
    for (String spelling : spellings) {
      words.put(spelling, value);
    }
  }

  /**
   * A node as the API server sees it, for messages: {@code a mapping}, {@code a sequence},
   * {@code null}, {@code the string "3"}, {@code the integer 5}, {@code the boolean yes}.
   */
  public static String describe(Node node) {
    if (node instanceof MappingNode) {
      return "a mapping";
    }
    if (node instanceof SequenceNode) {
      return "a sequence";
    }
    ScalarNode scalar = (ScalarNode) node;
    Yaml11Value value = resolve(scalar);
    if (value instanceof Null) {
      return "null";
    }
    if (value instanceof Invalid invalid) {
      return "an unreadable value (" + invalid.reason() + ")";
    }
    String text = scalar.getValue();
    String shown = text.length() > 40 ? text.substring(0, 40) + "..." : text;
    return value instanceof Str ? "the string \"" + shown + "\"" : "the " + value.jsonType() + " " + shown;
  }

  /** Whether the node reads as null: {@code ~}, nothing, {@code !!null ""} and the like. */
  public static boolean isNull(Node node) {
    return node instanceof ScalarNode scalar && resolve(scalar) instanceof Null;
  }

  /** A node as composed here: an implicitly tagged node has no explicit tag. */
  public static Yaml11Value resolve(ScalarNode node) {
    String explicitTag = node.isResolved() ? null : node.getTag().getValue();
    return resolve(node.getValue(), node.getScalarStyle() == ScalarStyle.PLAIN, explicitTag);
  }

  /**
   * @param plain whether the scalar was written without quotes and not as a block scalar
   * @param explicitTag the full tag written on the scalar ({@code tag:yaml.org,2002:int}), or null
   */
  public static Yaml11Value resolve(String text, boolean plain, String explicitTag) {
    if (explicitTag == null) {
      return plain ? plain(text) : new Str(text);
    }
    if (explicitTag.equals(Tag.BINARY.getValue())) {
      return binary(text);
    }
    Yaml11Value resolved = plain(text);
    if (explicitTag.equals(Tag.INT.getValue())) {
      return resolved instanceof Int ? resolved : cannotDecode(resolved, text, "!!int");
    }
    if (explicitTag.equals(Tag.FLOAT.getValue())) {
      if (resolved instanceof Int integer) {
        return new Float(integer.value().doubleValue());
      }
      return resolved instanceof Float ? resolved : cannotDecode(resolved, text, "!!float");
    }
    if (explicitTag.equals(Tag.BOOL.getValue())) {
      return resolved instanceof Bool ? resolved : cannotDecode(resolved, text, "!!bool");
    }
    if (explicitTag.equals(Tag.NULL.getValue())) {
      return resolved instanceof Null ? resolved : cannotDecode(resolved, text, "!!null");
    }
    return new Str(text);
  }

  /** A plain scalar without a tag. */
  public static Yaml11Value plain(String text) {
    Yaml11Value word = WORDS.get(text);
    if (word != null) {
      return word;
    }
    char first = text.charAt(0);
    if (first == '.') {
      return DOT_FLOAT.matcher(text).matches() ? new Float(Double.parseDouble(text)) : new Str(text);
    }
    if (!isDigit(first) && first != '+' && first != '-') {
      return new Str(text);
    }
    String digits = text.indexOf('_') < 0 ? text : text.replace("_", "");
    Int integer = goInteger(digits);
    if (integer != null) {
      return integer;
    }
    if (YAML_FLOAT.matcher(digits).matches()) {
      double value = Double.parseDouble(digits);
      if (!Double.isInfinite(value)) {
        return new Float(value);
      }
    }
    return new Str(text);
  }

  /** {@code strconv.ParseInt(s, 0, 64)}, then {@code strconv.ParseUint(s, 0, 64)}; null when neither reads it. */
  private static Int goInteger(String text) {
    boolean signed = text.startsWith("+") || text.startsWith("-");
    String unsigned = signed ? text.substring(1) : text;
    int radix = radix(unsigned);
    String digits = radix == 10 ? unsigned : unsigned.substring(radix == 8 && isDigit(unsigned.charAt(1)) ? 1 : 2);
    if (digits.isEmpty() || digits.length() > MAX_INTEGER_DIGITS) {
      return null;
    }
    for (int i = 0; i < digits.length(); i++) {
      if (digitValue(digits.charAt(i)) >= radix) {
        return null;
      }
    }
    BigInteger value = new BigInteger(digits, radix);
    if (text.startsWith("-")) {
      value = value.negate();
    }
    boolean fitsInt64 = value.compareTo(INT64_MIN) >= 0 && value.compareTo(INT64_MAX) <= 0;
    boolean fitsUint64 = !signed && value.compareTo(UINT64_MAX) <= 0;
    return fitsInt64 || fitsUint64 ? new Int(value) : null;
  }

  /** Go's base prefixes: 0x, 0o, 0b (either case), or a leading 0 for octal. */
  private static int radix(String unsigned) {
    if (unsigned.length() < 2 || unsigned.charAt(0) != '0') {
      return 10;
    }
    return switch (unsigned.charAt(1)) {
      case 'x', 'X' -> 16;
      case 'b', 'B' -> 2;
      default -> 8;
    };
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** The value of an ASCII digit or letter (a = 10); {@link Integer#MAX_VALUE} for anything else. */
  private static int digitValue(char c) {
    if (isDigit(c)) {
      return c - '0';
    }
    char lower = (char) (c | 0x20);
    return lower >= 'a' && lower <= 'z' ? lower - 'a' + 10 : Integer.MAX_VALUE;
  }

  private static Yaml11Value binary(String text) {
    try {
      byte[] bytes = Base64.getDecoder().decode(text.replace("\n", "").replace("\r", ""));
      return new Str(new String(bytes, StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      return new Invalid("!!binary value is not base64");
    }
  }

  private static Invalid cannotDecode(Yaml11Value resolved, String text, String tag) {
    String shown = text.length() > 40 ? text.substring(0, 40) + "..." : text;
    return new Invalid("cannot decode " + resolved.jsonType() + " `" + shown + "` as a " + tag);
  }
}
