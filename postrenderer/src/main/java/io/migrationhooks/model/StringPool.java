package io.migrationhooks.model;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/** Gives one instance for equal strings; safe to share between threads. */
public final class StringPool implements UnaryOperator<String> {
  private final ConcurrentHashMap<String, String> strings = new ConcurrentHashMap<>();

  @Override
  public String apply(String text) {
    String earlier = strings.putIfAbsent(text, text);
    return earlier == null ? text : earlier;
  }
}
