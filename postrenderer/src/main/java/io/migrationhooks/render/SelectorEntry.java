package io.migrationhooks.render;

import io.migrationhooks.model.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One entry of a selector list: it matches a resource when every part it has matches. Labels are
 * read from the object and, separately, from its pod template: charts often label only the pods.
 */
public final class SelectorEntry {
  private final Map<String, String> matchLabels;
  private final List<LabelRequirement> matchExpressions;
  private final Set<String> kinds;
  private final List<String> names;
  private final List<Pattern> namePatterns;

  /**
   * @param kinds null for the selector's default kinds
   * @param names null or globs ({@code *} any run of characters, {@code ?} one character)
   * @throws SettingsException when the entry has nothing to match on
   */
  public SelectorEntry(Map<String, String> matchLabels, List<LabelRequirement> matchExpressions, Set<String> kinds,
      List<String> names) {
    this.matchLabels = matchLabels == null ? Map.of() : Map.copyOf(matchLabels);
    this.matchExpressions = matchExpressions == null ? List.of() : List.copyOf(matchExpressions);
    this.kinds = kinds == null || kinds.isEmpty() ? null : Set.copyOf(kinds);
    this.names = names == null ? List.of() : List.copyOf(names);
    if (this.matchLabels.isEmpty() && this.matchExpressions.isEmpty() && this.names.isEmpty()) {
      throw new SettingsException("a selector entry needs matchLabels, matchExpressions or names"
          + " (an empty one would select everything)");
    }
    List<Pattern> patterns = new ArrayList<>();
    for (String name : this.names) {
      if (name == null || name.isEmpty()) {
        throw new SettingsException("names must not be empty");
      }
      patterns.add(glob(name));
    }
    this.namePatterns = List.copyOf(patterns);
  }

  public static SelectorEntry ofLabels(Map<String, String> labels) {
    return new SelectorEntry(labels, null, null, null);
  }

  private static Pattern glob(String glob) {
    StringBuilder regex = new StringBuilder();
    for (char c : glob.toCharArray()) {
      switch (c) {
        case '*' -> regex.append(".*");
        case '?' -> regex.append('.');
        default -> regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(regex.toString());
  }

  /** The kinds this entry names, or null when it takes the selector's defaults. */
  public Set<String> kinds() {
    return kinds;
  }

  boolean matches(Resource resource, Set<String> defaultKinds) {
    Set<String> allowed = kinds == null ? defaultKinds : kinds;
    if (resource.kind() == null || !allowed.contains(resource.kind()) || !resource.isKind(resource.kind())) {
      return false;
    }
    if (!namePatterns.isEmpty() && !anyNameMatches(resource.name())) {
      return false;
    }
    if (matchLabels.isEmpty() && matchExpressions.isEmpty()) {
      return true;
    }
    return labelsMatch(resource.labels()) || resource.podTemplateLabels().map(this::labelsMatch).orElse(false);
  }

  private boolean anyNameMatches(String name) {
    if (name == null) {
      return false;
    }
    for (Pattern pattern : namePatterns) {
      if (pattern.matcher(name).matches()) {
        return true;
      }
    }
    return false;
  }

  private boolean labelsMatch(Map<String, String> labels) {
    for (Map.Entry<String, String> label : matchLabels.entrySet()) {
      if (!label.getValue().equals(labels.get(label.getKey()))) {
        return false;
      }
    }
    for (LabelRequirement requirement : matchExpressions) {
      if (!requirement.matches(labels)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    List<String> parts = new ArrayList<>();
    if (!matchLabels.isEmpty()) {
      parts.add("matchLabels " + new java.util.TreeMap<>(matchLabels));
    }
    if (!matchExpressions.isEmpty()) {
      parts.add("matchExpressions " + matchExpressions);
    }
    if (kinds != null) {
      parts.add("kinds " + kinds.stream().sorted().toList());
    }
    if (!names.isEmpty()) {
      parts.add("names " + names);
    }
    return "{" + String.join(", ", parts) + "}";
  }
}
