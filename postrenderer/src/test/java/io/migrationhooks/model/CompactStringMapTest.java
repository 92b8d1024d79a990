package io.migrationhooks.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class CompactStringMapTest {
  @Test
  void readsLikeTheMapItCopiesInTheSameOrder() {
    Map<String, String> source = new LinkedHashMap<>();
    source.put("z", "1");
    source.put("a", "");
    source.put("m", "3");

    Map<String, String> copy = CompactStringMap.copyOf(source, UnaryOperator.identity());

    assertThat(copy).isEqualTo(source).hasSameHashCodeAs(source);
    assertThat(copy.keySet()).containsExactly("z", "a", "m");
    assertThat(copy.get("a")).isEmpty();
    assertThat(copy.get("b")).isNull();
    assertThat(copy.containsKey("m")).isTrue();
    assertThat(copy.containsKey("b")).isFalse();
    assertThat(CompactStringMap.copyOf(Map.of(), UnaryOperator.identity())).isEmpty();
  }

  @Test
  void isImmutable() {
    Map<String, String> copy = CompactStringMap.copyOf(Map.of("a", "1"), UnaryOperator.identity());

    assertThatThrownBy(() -> copy.put("b", "2")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> copy.entrySet().iterator().next().setValue("2")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void keysAndValuesGoThroughThePoolSoEqualStringsAreShared() {
    StringPool pool = new StringPool();
    String first = new String("app");
    Map<String, String> one = CompactStringMap.copyOf(Map.of(first, new String("db")), pool);
    Map<String, String> two = CompactStringMap.copyOf(Map.of(new String("app"), new String("db")), pool);

    assertThat(two.keySet().iterator().next()).isSameAs(first);
    assertThat(two.values().iterator().next()).isSameAs(one.values().iterator().next());
  }
}
