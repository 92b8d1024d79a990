package io.migrationhooks.yaml;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Whether a plain (unquoted) scalar is read as a string by YAML 1.1 and 1.2 readers alike. */
final class PlainScalars {
  private static final Set<String> NON_STRING_WORDS = Set.of(
      "", "~", "null", "y", "n", "yes", "no", "on", "off", "true", "false");
  // Deliberately broad: a false "not a string" only costs re-quoting a value that was already right.
  private static final Pattern NUMBER_OR_DATE = Pattern.compile(
      "[-+]?(\\.?[0-9][0-9_.]*([eE][-+]?[0-9]+)?|0x[0-9a-fA-F_]+|0o[0-7_]+|0b[01_]+"
          + "|[0-9][0-9_]*(:[0-5]?[0-9])+(\\.[0-9_]*)?|\\.(inf|Inf|INF))"
          + "|\\.(nan|NaN|NAN)|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt \\t].*)?");

  private PlainScalars() {}

  static boolean readsAsString(String plain) {
    return !NON_STRING_WORDS.contains(plain.toLowerCase(Locale.ROOT))
        && !NUMBER_OR_DATE.matcher(plain).matches();
  }
}
