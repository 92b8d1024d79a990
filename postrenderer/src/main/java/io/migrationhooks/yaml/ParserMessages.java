package io.migrationhooks.yaml;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a parser problem into text safe to print. Parser messages sometimes quote input
 * (a character, an alias name, a snippet); input may be a Secret, so quoted parts are dropped.
 */
public final class ParserMessages {
  private static final Pattern QUOTED = Pattern.compile("'([^']*)'|\"([^\"]*)\"|`([^`]*)`");
  private static final Pattern SYNTAX_CHARACTERS = Pattern.compile("[-,:\\[\\]{}?|>!&*#@%]{1,3}|<[a-z ]+>");
  private static final Pattern INDENTATION_HINT = Pattern.compile("\\(Do not use.*indentation\\)");
  private static final Pattern CHARACTER_WITH_CODE = Pattern.compile("\\S*\\(\\d+\\)");
  private static final Pattern AFTER_ALIAS_OR_ANCHOR = Pattern.compile("((?:undefined )?alias|anchor)\\b.*");
  private static final Pattern BUT_FOUND = Pattern.compile("(.*?\\bbut (?:found|got)):?(.*)");
  private static final Pattern TOKEN_NAME_OR_SYNTAX = Pattern.compile("\\s*'?(<[A-Za-z ]+>|[^']{1,3}')'?.*");
  private static final Pattern BREAKS = Pattern.compile("[\\r\\n]+.*", Pattern.DOTALL);
  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final int MAX_LENGTH = 120;

  private ParserMessages() {}

  public static String describe(String problem, String context) {
    String text = problem == null || problem.isBlank() ? context : problem;
    if (text == null || text.isBlank()) {
      return "invalid YAML";
    }
    text = BREAKS.matcher(text).replaceAll("");
    text = INDENTATION_HINT.matcher(text).replaceAll("");
    text = QUOTED.matcher(text).replaceAll(match -> {
      String inside = match.group(1) != null ? match.group(1) : match.group(2) != null ? match.group(2) : match.group(3);
      return SYNTAX_CHARACTERS.matcher(inside).matches() ? "'" + inside + "'" : "";
    });
    text = CHARACTER_WITH_CODE.matcher(text).replaceAll("");
    Matcher butFound = BUT_FOUND.matcher(text);
    if (butFound.matches() && !TOKEN_NAME_OR_SYNTAX.matcher(butFound.group(2)).matches()) {
      text = butFound.group(1);
    }
    text = AFTER_ALIAS_OR_ANCHOR.matcher(text).replaceAll("$1");
    text = text.replaceAll("[^\\p{Alnum} <>,.:;()=_'\\[\\]{}?|!&*#@%-]", "");
    text = SPACES.matcher(text).replaceAll(" ").strip();
    if (text.endsWith(",") || text.endsWith(":")) {
      text = text.substring(0, text.length() - 1);
    }
    if (text.length() > MAX_LENGTH) {
      text = text.substring(0, MAX_LENGTH);
    }
    return text.isEmpty() ? "invalid YAML" : "invalid YAML: " + text;
  }
}
