package io.migrationhooks.render;

import io.migrationhooks.model.Resource;
import io.migrationhooks.yaml.ParserMessages;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * What the rules select and write. Plain fields with defaults; {@link #load} reads a config file
 * strictly:
 * <pre>
 * selectors:
 *   migration: {app.kubernetes.io/component: migration}
 *   database: {app.kubernetes.io/component: database}
 * weights: {config: -30, services: -20, databaseWorkloads: -10, migrationJob: 0}
 * waves: {config: -30, services: -20, databaseWorkloads: -10, migrationJob: 0, deployments: 10}  # --target argocd
 * rollout: {maxSurge: 1, maxUnavailable: 0}
 * </pre>
 */
public final class Settings {
  private static final Pattern PERCENT = Pattern.compile("[0-9]+%");
  private static final Map<String, Set<String>> KEYS = Map.of(
      "selectors", Set.of("migration", "database"),
      "weights", Set.of("config", "services", "databaseWorkloads", "migrationJob"),
      "waves", Set.of("config", "services", "databaseWorkloads", "migrationJob", "deployments"),
      "rollout", Set.of("maxSurge", "maxUnavailable"));

  public Map<String, String> migrationSelector = Map.of("app.kubernetes.io/component", "migration");
  public Map<String, String> databaseSelector = Map.of("app.kubernetes.io/component", "database");
  public int configWeight = -30;
  public int servicesWeight = -20;
  public int databaseWorkloadsWeight = -10;
  public int migrationJobWeight = 0;
  /** Argo CD sync waves (--target argocd); Deployments other than the database come after the Job. */
  public int configWave = -30;
  public int servicesWave = -20;
  public int databaseWorkloadsWave = -10;
  public int migrationJobWave = 0;
  public int deploymentsWave = 10;
  /** An Integer or a percentage String such as "25%". */
  public Object maxSurge = 1;
  public Object maxUnavailable = 0;
  /**
   * Deployments whose rollout render leaves as written, like migration-hooks.io/rollout: unmanaged
   * (rollout.exclude, for singletons a chart does not annotate); none by default. render and check
   * both read it, so check does not ask to change what the user chose to keep.
   */
  public Predicate<Resource> rolloutExclude = resource -> false;

  public static Settings defaults() {
    return new Settings();
  }

  public int weight(Tier tier) {
    return switch (tier) {
      case CONFIG -> configWeight;
      case SERVICE -> servicesWeight;
      case DATABASE_WORKLOAD -> databaseWorkloadsWeight;
      case MIGRATION_JOB -> migrationJobWeight;
    };
  }

  public int wave(Tier tier) {
    return switch (tier) {
      case CONFIG -> configWave;
      case SERVICE -> servicesWave;
      case DATABASE_WORKLOAD -> databaseWorkloadsWave;
      case MIGRATION_JOB -> migrationJobWave;
    };
  }

  /** @throws SettingsException naming the first bad setting */
  public Settings validate() {
    requireSelector("selectors.migration", migrationSelector);
    requireSelector("selectors.database", databaseSelector);
    requireGreater("weights.services", servicesWeight, "weights.config", configWeight);
    requireGreater("weights.databaseWorkloads", databaseWorkloadsWeight, "weights.services", servicesWeight);
    requireGreater("weights.migrationJob", migrationJobWeight, "weights.databaseWorkloads", databaseWorkloadsWeight);
    requireGreater("waves.services", servicesWave, "waves.config", configWave);
    requireGreater("waves.databaseWorkloads", databaseWorkloadsWave, "waves.services", servicesWave);
    requireGreater("waves.migrationJob", migrationJobWave, "waves.databaseWorkloads", databaseWorkloadsWave);
    requireGreater("waves.deployments", deploymentsWave, "waves.migrationJob", migrationJobWave);
    requireIntOrPercent("rollout.maxSurge", maxSurge);
    requireIntOrPercent("rollout.maxUnavailable", maxUnavailable);
    if (isZero(maxSurge) && isZero(maxUnavailable)) {
      throw new SettingsException("rollout.maxSurge and rollout.maxUnavailable cannot both be zero");
    }
    return this;
  }

  private static void requireSelector(String key, Map<String, String> selector) {
    if (selector == null || selector.isEmpty()) {
      throw new SettingsException(key + " must name at least one label");
    }
    selector.forEach((label, value) -> {
      if (label == null || label.isEmpty() || value == null) {
        throw new SettingsException(key + " must map label names to string values");
      }
    });
  }

  private static void requireGreater(String key, int value, String lowerKey, int lower) {
    if (value <= lower) {
      throw new SettingsException(key + " (" + value + ") must be greater than " + lowerKey + " (" + lower + ")");
    }
  }

  private static void requireIntOrPercent(String key, Object value) {
    boolean ok = value instanceof Integer number && number >= 0
        || value instanceof String text && PERCENT.matcher(text).matches() && percent(text) <= 100;
    if (!ok) {
      throw new SettingsException(key + " must be a non-negative integer or a percentage such as 25%");
    }
  }

  private static int percent(String text) {
    try {
      return Integer.parseInt(text.substring(0, text.length() - 1));
    } catch (NumberFormatException e) {
      return Integer.MAX_VALUE;
    }
  }

  private static boolean isZero(Object value) {
    return value instanceof Integer number ? number == 0 : percent((String) value) == 0;
  }

  /** Reads a config file; every key is optional, unknown keys and bad values are errors. */
  public static Settings load(String yaml, String source) {
    Object loaded;
    try {
      LoadSettings loadSettings = LoadSettings.builder()
          .setSchema(new CoreSchema())
          .setAllowDuplicateKeys(false)
          .setMaxAliasesForCollections(10)
          .setLabel(source)
          .build();
      loaded = new Load(loadSettings).loadFromString(yaml);
    } catch (MarkedYamlEngineException e) {
      String where = e.getProblemMark().map(m -> " line " + (m.getLine() + 1) + ", column " + (m.getColumn() + 1)).orElse("");
      throw new SettingsException(source + where + ": " + ParserMessages.describe(e.getProblem(), e.getContext()));
    } catch (YamlEngineException e) {
      throw new SettingsException(source + ": " + ParserMessages.describe(e.getMessage(), null));
    }
    Settings settings = new Settings();
    if (loaded == null) {
      return settings;
    }
    Map<String, Object> top = mapping(source, "the top level", loaded);
    for (Map.Entry<String, Object> section : top.entrySet()) {
      Set<String> allowed = KEYS.get(section.getKey());
      if (allowed == null) {
        throw new SettingsException(source + ": unknown key '" + section.getKey() + "'");
      }
      Map<String, Object> values = mapping(source, section.getKey(), section.getValue());
      for (Map.Entry<String, Object> entry : values.entrySet()) {
        String key = section.getKey() + "." + entry.getKey();
        if (!allowed.contains(entry.getKey())) {
          throw new SettingsException(source + ": unknown key '" + key + "'");
        }
        settings.apply(source, key, entry.getValue());
      }
    }
    try {
      return settings.validate();
    } catch (SettingsException e) {
      throw new SettingsException(source + ": " + e.getMessage());
    }
  }

  private void apply(String source, String key, Object value) {
    switch (key) {
      case "selectors.migration" -> migrationSelector = selector(source, key, value);
      case "selectors.database" -> databaseSelector = selector(source, key, value);
      case "weights.config" -> configWeight = integer(source, key, value);
      case "weights.services" -> servicesWeight = integer(source, key, value);
      case "weights.databaseWorkloads" -> databaseWorkloadsWeight = integer(source, key, value);
      case "weights.migrationJob" -> migrationJobWeight = integer(source, key, value);
      case "waves.config" -> configWave = integer(source, key, value);
      case "waves.services" -> servicesWave = integer(source, key, value);
      case "waves.databaseWorkloads" -> databaseWorkloadsWave = integer(source, key, value);
      case "waves.migrationJob" -> migrationJobWave = integer(source, key, value);
      case "waves.deployments" -> deploymentsWave = integer(source, key, value);
      case "rollout.maxSurge" -> maxSurge = intOrPercent(source, key, value);
      case "rollout.maxUnavailable" -> maxUnavailable = intOrPercent(source, key, value);
      default -> throw new IllegalStateException("unhandled key " + key);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> mapping(String source, String key, Object value) {
    if (!(value instanceof Map<?, ?> map) || map.keySet().stream().anyMatch(k -> !(k instanceof String))) {
      throw new SettingsException(source + ": " + key + " must be a mapping with string keys");
    }
    return (Map<String, Object>) map;
  }

  private static Map<String, String> selector(String source, String key, Object value) {
    Map<String, String> selector = new LinkedHashMap<>();
    for (Map.Entry<String, Object> label : mapping(source, key, value).entrySet()) {
      if (!(label.getValue() instanceof String text)) {
        throw new SettingsException(source + ": " + key + " values must be strings (quote numbers and booleans)");
      }
      selector.put(label.getKey(), text);
    }
    return Collections.unmodifiableMap(selector);
  }

  private static int integer(String source, String key, Object value) {
    if (value instanceof Integer number) {
      return number;
    }
    throw new SettingsException(source + ": " + key + " must be an integer");
  }

  private static Object intOrPercent(String source, String key, Object value) {
    if (value instanceof Integer || value instanceof String) {
      try {
        requireIntOrPercent(key, value);
      } catch (SettingsException e) {
        throw new SettingsException(source + ": " + e.getMessage());
      }
      return value;
    }
    throw new SettingsException(source + ": " + key + " must be a non-negative integer or a percentage such as 25%");
  }

  /** The rolling-update values, in the order the rollout rule writes them. */
  public Map<String, Object> rollingUpdate() {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("maxUnavailable", maxUnavailable);
    values.put("maxSurge", maxSurge);
    return values;
  }
}
