package io.migrationhooks.config;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * The config file as written; every key is optional. Classes with fields rather than records:
 * Jackson reads a record through its constructor after buffering its keys, and an unknown key then
 * loses its position in the file.
 */
final class ConfigFile {
  public Selectors selectors;
  public Weights weights;
  public Waves waves;
  public Rollout rollout;
  public List<String> allowReleaseDependencies;

  static final class Selectors {
    public SelectorList migration;
    public SelectorList database;
  }

  static final class Weights {
    public Integer config;
    public Integer services;
    public Integer databaseWorkloads;
    public Integer migrationJob;
  }

  static final class Waves {
    public Integer config;
    public Integer services;
    public Integer databaseWorkloads;
    public Integer migrationJob;
    public Integer deployments;
  }

  static final class Rollout {
    public IntOrString maxSurge;
    public IntOrString maxUnavailable;
    public SelectorList exclude;
  }

  /**
   * One selector entry: a Kubernetes label selector ({@code matchLabels}, {@code matchExpressions}
   * with fabric8's requirement type) plus optional {@code kinds} and {@code names}.
   */
  static final class Entry {
    public Map<String, String> matchLabels;
    public List<LabelSelectorRequirement> matchExpressions;
    public List<String> kinds;
    public List<String> names;

    static Entry ofLabels(Map<String, String> labels) {
      Entry entry = new Entry();
      entry.matchLabels = labels;
      return entry;
    }
  }

  /** A list of entries, one entry written as a mapping, or the older single label map. */
  @JsonDeserialize(using = SelectorListDeserializer.class)
  record SelectorList(List<io.migrationhooks.render.SelectorEntry> entries) {}
}
