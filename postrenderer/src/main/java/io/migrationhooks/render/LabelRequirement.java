package io.migrationhooks.render;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** One {@code matchExpressions} entry with Kubernetes label-selector semantics. */
public final class LabelRequirement {
  public enum Operator { IN, NOT_IN, EXISTS, DOES_NOT_EXIST }

  private final String key;
  private final Operator operator;
  private final Set<String> values;

  /** @throws SettingsException when the values do not fit the operator, as the API server would say */
  public LabelRequirement(String key, Operator operator, List<String> values) {
    if (key == null || key.isEmpty()) {
      throw new SettingsException("a label requirement needs a key");
    }
    boolean needsValues = operator == Operator.IN || operator == Operator.NOT_IN;
    if (needsValues && (values == null || values.isEmpty())) {
      throw new SettingsException("operator " + name(operator) + " on '" + key + "' needs at least one value");
    }
    if (!needsValues && values != null && !values.isEmpty()) {
      throw new SettingsException("operator " + name(operator) + " on '" + key + "' takes no values");
    }
    this.key = key;
    this.operator = operator;
    this.values = values == null ? Set.of() : Set.copyOf(values);
  }

  /** The operator as Kubernetes spells it, or null for an unknown one. */
  public static Operator operator(String text) {
    return switch (text == null ? "" : text) {
      case "In" -> Operator.IN;
      case "NotIn" -> Operator.NOT_IN;
      case "Exists" -> Operator.EXISTS;
      case "DoesNotExist" -> Operator.DOES_NOT_EXIST;
      default -> null;
    };
  }

  static String name(Operator operator) {
    return switch (operator) {
      case IN -> "In";
      case NOT_IN -> "NotIn";
      case EXISTS -> "Exists";
      case DOES_NOT_EXIST -> "DoesNotExist";
    };
  }

  /** NotIn, like Kubernetes, also matches objects without the label. */
  public boolean matches(Map<String, String> labels) {
    String value = labels.get(key);
    return switch (operator) {
      case IN -> value != null && values.contains(value);
      case NOT_IN -> value == null || !values.contains(value);
      case EXISTS -> value != null;
      case DOES_NOT_EXIST -> value == null;
    };
  }

  @Override
  public String toString() {
    return key + " " + name(operator) + (values.isEmpty() ? "" : " " + values.stream().sorted().toList());
  }
}
