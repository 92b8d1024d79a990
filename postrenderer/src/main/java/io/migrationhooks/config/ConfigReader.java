package io.migrationhooks.config;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.migrationhooks.render.ResourceSelector;
import io.migrationhooks.render.SelectorEntry;
import io.migrationhooks.render.Settings;
import io.migrationhooks.render.SettingsException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.DeserializationProblemHandler;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.type.LogicalType;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads a config file strictly: an unknown key or a value of the wrong type is an error naming the
 * file, line and column (and, for a key, the valid ones). Every key is optional.
 */
public final class ConfigReader {
  private final ObjectMapper mapper = YAMLMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
      .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .withCoercionConfig(LogicalType.Textual, config -> config
          .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
      .addMixIn(LabelSelectorRequirement.class, StrictFabric8.class)
      .build();

  /** Jackson's own unknown-property error carries no position in YAML; this one does. */
  private static final class UnknownKeyHandler extends DeserializationProblemHandler {
    private final JsonParser source;

    UnknownKeyHandler(JsonParser source) {
      this.source = source;
    }

    @Override
    public boolean handleUnknownProperty(DeserializationContext context, JsonParser parser,
        ValueDeserializer<?> deserializer, Object beanOrClass, String propertyName) {
      List<String> known = new ArrayList<>();
      deserializer.getKnownPropertyNames().forEach(name -> known.add(String.valueOf(name)));
      TokenStreamLocation at = parser.currentTokenLocation();
      if (at == null || at.getLineNr() < 1) {
        at = source.currentTokenLocation();
      }
      JsonToken token = parser.currentToken();
      TokenStreamContext containing = token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY
          ? parser.streamReadContext().getParent() : parser.streamReadContext();
      throw new LocatedSettingsException(at, "unknown key '" + keyPath(containing)
          + "'; valid keys: " + String.join(", ", known.stream().sorted().toList()), true);
    }
  }

  static String keyPath(TokenStreamContext context) {
    StringBuilder path = new StringBuilder();
    for (TokenStreamContext at = context; at != null && !at.inRoot(); at = at.getParent()) {
      String part = at.inArray() ? "[" + at.getCurrentIndex() + "]" : at.currentName();
      if (part != null) {
        path.insert(0, (path.isEmpty() || path.charAt(0) == '[' ? "" : ".")).insert(0, part);
      }
    }
    return path.toString();
  }

  /** fabric8 keeps unknown keys in additionalProperties; in a config file they are mistakes. */
  @JsonIgnoreProperties(ignoreUnknown = false)
  private abstract static class StrictFabric8 {
    @JsonAnySetter(enabled = false)
    abstract void setAdditionalProperty(String name, Object value);
  }

  /** @throws SettingsException naming the file and, where it can, the line and column */
  public Settings read(String yaml, String source) {
    ConfigFile file;
    try {
      JsonParser parser = mapper.createParser(yaml);
      file = mapper.readerFor(ConfigFile.class).withHandler(new UnknownKeyHandler(parser)).readValue(parser);
    } catch (LocatedSettingsException e) {
      throw new SettingsException(source + where(e.location()) + ": " + e.getMessage());
    } catch (JacksonException e) {
      if (e instanceof MismatchedInputException && e.getOriginalMessage().startsWith("No content to map")) {
        return Settings.defaults();
      }
      if (e.getCause() instanceof LocatedSettingsException located) {
        String key = located.namesItsKey() ? "" : path(e) + ": ";
        throw new SettingsException(source + where(located.location()) + ": " + key + located.getMessage());
      }
      throw new SettingsException(source + where(e.getLocation()) + ": " + describe(e));
    }
    Settings settings = Settings.defaults();
    if (file != null) {
      try {
        apply(file, settings);
        settings.validate();
      } catch (SettingsException e) {
        throw new SettingsException(source + ": " + e.getMessage());
      }
    }
    return settings;
  }

  private static void apply(ConfigFile file, Settings settings) {
    if (file.selectors != null) {
      if (file.selectors.migration != null) {
        settings.migrationSelector = selector("selectors.migration", Settings.MIGRATION_KINDS, file.selectors.migration);
      }
      if (file.selectors.database != null) {
        settings.databaseSelector = selector("selectors.database", Settings.DATABASE_KINDS, file.selectors.database);
      }
    }
    ConfigFile.Weights weights = file.weights;
    if (weights != null) {
      set(weights.config, value -> settings.configWeight = value);
      set(weights.services, value -> settings.servicesWeight = value);
      set(weights.databaseWorkloads, value -> settings.databaseWorkloadsWeight = value);
      set(weights.migrationJob, value -> settings.migrationJobWeight = value);
    }
    ConfigFile.Waves waves = file.waves;
    if (waves != null) {
      set(waves.config, value -> settings.configWave = value);
      set(waves.services, value -> settings.servicesWave = value);
      set(waves.databaseWorkloads, value -> settings.databaseWorkloadsWave = value);
      set(waves.migrationJob, value -> settings.migrationJobWave = value);
      set(waves.deployments, value -> settings.deploymentsWave = value);
    }
    ConfigFile.Rollout rollout = file.rollout;
    if (rollout != null) {
      if (rollout.maxSurge != null) {
        settings.maxSurge = intOrString(rollout.maxSurge);
      }
      if (rollout.maxUnavailable != null) {
        settings.maxUnavailable = intOrString(rollout.maxUnavailable);
      }
      if (rollout.exclude != null) {
        settings.rolloutExclude = selector("rollout.exclude", Settings.ROLLOUT_KINDS, rollout.exclude);
      }
    }
    if (file.allowReleaseDependencies != null) {
      Set<String> names = new LinkedHashSet<>();
      for (String name : file.allowReleaseDependencies) {
        if (name == null || name.isBlank()) {
          throw new SettingsException("allowReleaseDependencies must list names (name or Kind/name)");
        }
        names.add(name);
      }
      settings.allowedReleaseDependencies = Set.copyOf(names);
    }
  }

  private static ResourceSelector selector(String key, Set<String> kinds, ConfigFile.SelectorList list) {
    List<SelectorEntry> entries = list.entries();
    if (entries.isEmpty()) {
      throw new SettingsException(key + " must have at least one entry");
    }
    return new ResourceSelector(key, kinds, entries, true);
  }

  private static void set(Integer value, Consumer<Integer> setter) {
    if (value != null) {
      setter.accept(value);
    }
  }

  private static Object intOrString(IntOrString value) {
    return value.getIntVal() != null ? value.getIntVal() : value.getStrVal();
  }

  private static String where(TokenStreamLocation location) {
    if (location == null || location.getLineNr() < 1) {
      return "";
    }
    return " line " + location.getLineNr() + ", column " + location.getColumnNr();
  }

  private static String path(JacksonException e) {
    List<String> parts = new ArrayList<>();
    for (JacksonException.Reference reference : e.getPath()) {
      if (reference.getPropertyName() != null) {
        parts.add(reference.getPropertyName());
      } else if (reference.getIndex() >= 0) {
        parts.add("[" + reference.getIndex() + "]");
      }
    }
    return String.join(".", parts).replace(".[", "[");
  }

  private static String describe(JacksonException e) {
    String key = path(e);
    if (e instanceof UnrecognizedPropertyException unknown) {
      return "unknown key '" + key + "'; valid keys: " + validKeys(unknown.getKnownPropertyIds());
    }
    String message = e.getOriginalMessage();
    int newline = message.indexOf('\n');
    message = newline < 0 ? message : message.substring(0, newline);
    if (message.startsWith("Duplicate Object property")) {
      return "duplicate key " + message.substring(message.indexOf('"')).replace('"', '\'') + (key.isEmpty() ? "" : " in " + key);
    }
    if (key.isEmpty()) {
      return "wrong type: the top level must be a mapping (" + message + ")";
    }
    return key + ": wrong type (" + message + ")";
  }

  private static String validKeys(Collection<Object> known) {
    return String.join(", ", known.stream().map(String::valueOf).sorted().toList());
  }
}
