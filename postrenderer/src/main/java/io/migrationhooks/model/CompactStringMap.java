package io.migrationhooks.model;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * An immutable map of strings in insertion order, held as one array: a resource's labels and
 * annotations live as long as the stream, and a LinkedHashMap of a few entries takes five times
 * the memory (which, for 20,000 documents, is garbage-collector time).
 */
final class CompactStringMap extends AbstractMap<String, String> {
  private static final CompactStringMap EMPTY = new CompactStringMap(new String[0]);
  private final String[] keysAndValues;

  private CompactStringMap(String[] keysAndValues) {
    this.keysAndValues = keysAndValues;
  }

  /** A copy of {@code map}, each key and value passed through {@code canonical} (e.g. to share equal strings). */
  static Map<String, String> copyOf(Map<String, String> map, UnaryOperator<String> canonical) {
    if (map.isEmpty()) {
      return EMPTY;
    }
    String[] keysAndValues = new String[map.size() * 2];
    int i = 0;
    for (Map.Entry<String, String> entry : map.entrySet()) {
      keysAndValues[i++] = canonical.apply(entry.getKey());
      keysAndValues[i++] = canonical.apply(entry.getValue());
    }
    return new CompactStringMap(keysAndValues);
  }

  @Override
  public String get(Object key) {
    for (int i = 0; i < keysAndValues.length; i += 2) {
      if (keysAndValues[i].equals(key)) {
        return keysAndValues[i + 1];
      }
    }
    return null;
  }

  @Override
  public boolean containsKey(Object key) {
    return get(key) != null;
  }

  @Override
  public int size() {
    return keysAndValues.length / 2;
  }

  @Override
  public Set<Entry<String, String>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Entry<String, String>> iterator() {
        return new Iterator<>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < keysAndValues.length;
          }

          @Override
          public Entry<String, String> next() {
            if (!hasNext()) {
              throw new NoSuchElementException();
            }
            next += 2;
            return new SimpleImmutableEntry<>(keysAndValues[next - 2], keysAndValues[next - 1]);
          }
        };
      }

      @Override
      public int size() {
        return CompactStringMap.this.size();
      }
    };
  }
}
