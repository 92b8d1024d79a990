package io.migrationhooks.render;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the rules select and write. Plain fields with defaults; {@code config.ConfigReader} fills
 * them from a config file (docs/selection.md):
 * <pre>
 * selectors:
 *   migration: {app.kubernetes.io/component: migration}     # or a list of entries:
 *   database:                                              # matchLabels, matchExpressions,
 *   - {matchLabels: {app.kubernetes.io/name: postgresql}}  # kinds, names (globs)
 * weights: {config: -30, services: -20, databaseWorkloads: -10, migrationJob: 0}
 * waves: {config: -30, services: -20, databaseWorkloads: -10, migrationJob: 0, deployments: 10}  # --target argocd
 * rollout: {maxSurge: 1, maxUnavailable: 0, exclude: [...]}
 * allowReleaseDependencies: [name, Kind/name]
 * </pre>
 */
public final class Settings {
  private static final Pattern PERCENT = Pattern.compile("[0-9]+%");
  public static final Set<String> MIGRATION_KINDS = Set.of("Job");
  public static final Set<String> DATABASE_KINDS = Set.of("StatefulSet", "Deployment");
  public static final Set<String> ROLLOUT_KINDS = Set.of("Deployment");

  public ResourceSelector migrationSelector = defaultSelector("selectors.migration", MIGRATION_KINDS, "migration");
  public ResourceSelector databaseSelector = defaultSelector("selectors.database", DATABASE_KINDS, "database");
  /** Deployments whose rollout strategy is left as the chart wrote it. */
  public ResourceSelector rolloutExclude = ResourceSelector.none("rollout.exclude", ROLLOUT_KINDS);
  /**
   * Names ({@code name} or {@code Kind/name}) a pre-install migration Job may need while they stay
   * release resources: not pulled forward by name, and no refusal for them.
   */
  public Set<String> allowedReleaseDependencies = Set.of();
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

  private static ResourceSelector defaultSelector(String key, Set<String> kinds, String component) {
    return new ResourceSelector(key, kinds,
        List.of(SelectorEntry.ofLabels(Map.of("app.kubernetes.io/component", component))), false);
  }

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

  private static void requireSelector(String key, ResourceSelector selector) {
    if (selector == null || selector.isEmpty()) {
      throw new SettingsException(key + " must have at least one entry");
    }
  }

  /** Whether a pre-install Job may need this resource while it stays a release resource. */
  public boolean allowsReleaseDependency(io.migrationhooks.model.Resource resource) {
    return allowedReleaseDependencies.contains(resource.name())
        || allowedReleaseDependencies.contains(resource.kind() + "/" + resource.name())
        || allowedReleaseDependencies.contains(resource.id());
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

  /** The rolling-update values, in the order the rollout rule writes them. */
  public Map<String, Object> rollingUpdate() {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("maxUnavailable", maxUnavailable);
    values.put("maxSurge", maxSurge);
    return values;
  }
}
