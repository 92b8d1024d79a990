package io.migrationhooks.config;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.migrationhooks.render.LabelRequirement;
import io.migrationhooks.render.SelectorEntry;
import io.migrationhooks.render.SettingsException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;

/**
 * Reads a selector in any of its forms and compiles each entry into the render path's own
 * {@link SelectorEntry}, so that the rules never see a Jackson or fabric8 type. A mapping is one
 * entry when its keys are entry keys, else the older form: a map of labels.
 */
final class SelectorListDeserializer extends ValueDeserializer<ConfigFile.SelectorList> {
  static final Set<String> ENTRY_KEYS = Set.of("matchLabels", "matchExpressions", "kinds", "names");

  @Override
  public ConfigFile.SelectorList deserialize(JsonParser parser, DeserializationContext context) {
    List<SelectorEntry> entries = new ArrayList<>();
    if (parser.currentToken() == JsonToken.START_ARRAY) {
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        TokenStreamLocation at = parser.currentTokenLocation();
        if (parser.currentToken() != JsonToken.START_OBJECT) {
          throw new LocatedSettingsException(at, "each entry must be a mapping with " + sorted(ENTRY_KEYS));
        }
        ConfigFile.Entry entry;
        try {
          entry = context.readValue(parser, ConfigFile.Entry.class);
        } catch (JacksonException e) {
          throw JacksonException.wrapWithPath(e, entries, entries.size());
        }
        entries.add(compile(entry, at));
      }
    } else if (parser.currentToken() == JsonToken.START_OBJECT) {
      TokenStreamLocation at = parser.currentTokenLocation();
      JsonNode mapping = context.readTree(parser);
      boolean entryForm = mapping.propertyNames().stream().anyMatch(ENTRY_KEYS::contains);
      if (entryForm) {
        entries.add(compile(context.readTreeAsValue(mapping, ConfigFile.Entry.class), at));
      } else {
        entries.add(compile(ConfigFile.Entry.ofLabels(labels(mapping, at)), at));
      }
    } else {
      throw new LocatedSettingsException(parser.currentTokenLocation(),
          "must be a list of entries (" + sorted(ENTRY_KEYS) + ") or a mapping of labels");
    }
    return new ConfigFile.SelectorList(entries);
  }

  private static Map<String, String> labels(JsonNode mapping, TokenStreamLocation at) {
    Map<String, String> labels = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> label : mapping.properties()) {
      if (!label.getValue().isString()) {
        throw new LocatedSettingsException(at, "label '" + label.getKey()
            + "' must have a string value (quote numbers and booleans); valid entry keys: " + sorted(ENTRY_KEYS));
      }
      labels.put(label.getKey(), label.getValue().stringValue());
    }
    return labels;
  }

  /** The label part goes through fabric8's {@link LabelSelector}, the type Kubernetes documents. */
  private static SelectorEntry compile(ConfigFile.Entry entry, TokenStreamLocation at) {
    LabelSelector selector = new LabelSelector(entry.matchExpressions, entry.matchLabels);
    try {
      List<LabelRequirement> requirements = new ArrayList<>();
      for (LabelSelectorRequirement requirement : selector.getMatchExpressions() == null ? List.<LabelSelectorRequirement>of() : selector.getMatchExpressions()) {
        if (requirement == null) {
          throw new SettingsException("a matchExpressions item must be a mapping with key, operator, values");
        }
        LabelRequirement.Operator operator = LabelRequirement.operator(requirement.getOperator());
        if (operator == null) {
          throw new SettingsException("operator '" + requirement.getOperator()
              + "' is not one of In, NotIn, Exists, DoesNotExist");
        }
        requirements.add(new LabelRequirement(requirement.getKey(), operator, requirement.getValues()));
      }
      Set<String> kinds = entry.kinds == null ? null : new LinkedHashSet<>(entry.kinds);
      return new SelectorEntry(selector.getMatchLabels(), requirements, kinds, entry.names);
    } catch (SettingsException e) {
      throw new LocatedSettingsException(at, e.getMessage());
    }
  }

  static String sorted(Set<String> keys) {
    return String.join(", ", keys.stream().sorted().toList());
  }
}
