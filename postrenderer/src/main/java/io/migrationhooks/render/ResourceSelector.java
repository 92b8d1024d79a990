package io.migrationhooks.render;

import io.migrationhooks.model.Resource;
import java.util.List;
import java.util.Set;

/**
 * A config selector ({@code selectors.migration}, {@code selectors.database}, {@code rollout.exclude}):
 * a list of entries, any of which may match. Built from the config file's records or directly for
 * the defaults, so that render without a config file loads no config library.
 */
public final class ResourceSelector {
  private final String key;
  private final Set<String> defaultKinds;
  private final List<SelectorEntry> entries;
  private final boolean configured;

  /**
   * @param key the config key, for notes and errors
   * @param defaultKinds what an entry without {@code kinds} selects; also the kinds an entry may name
   * @param configured whether the user wrote it (only those get a note when they match nothing)
   * @throws SettingsException when an entry names a kind this selector cannot select
   */
  public ResourceSelector(String key, Set<String> defaultKinds, List<SelectorEntry> entries, boolean configured) {
    this.key = key;
    this.defaultKinds = Set.copyOf(defaultKinds);
    this.entries = List.copyOf(entries);
    this.configured = configured;
    for (SelectorEntry entry : this.entries) {
      if (entry.kinds() != null && !this.defaultKinds.containsAll(entry.kinds())) {
        throw new SettingsException(key + ": kinds may only name " + this.defaultKinds.stream().sorted().toList()
            + ", not " + entry.kinds().stream().sorted().toList());
      }
    }
  }

  public static ResourceSelector none(String key, Set<String> defaultKinds) {
    return new ResourceSelector(key, defaultKinds, List.of(), false);
  }

  public String key() {
    return key;
  }

  public boolean isConfigured() {
    return configured;
  }

  public boolean isEmpty() {
    return entries.isEmpty();
  }

  public List<SelectorEntry> entries() {
    return entries;
  }

  public boolean matches(Resource resource) {
    for (SelectorEntry entry : entries) {
      if (entry.matches(resource, defaultKinds)) {
        return true;
      }
    }
    return false;
  }

  /** Whether the entry could select this resource by kind (for the "matched nothing" note). */
  boolean hasKindOf(SelectorEntry entry, Resource resource) {
    Set<String> kinds = entry.kinds() == null ? defaultKinds : entry.kinds();
    return resource.kind() != null && kinds.contains(resource.kind()) && resource.isKind(resource.kind());
  }

  boolean entryMatches(SelectorEntry entry, Resource resource) {
    return entry.matches(resource, defaultKinds);
  }
}
