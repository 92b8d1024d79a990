package io.migrationhooks.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class InOrderTest {
  @Test
  void resultsComeInListOrder() {
    List<Integer> items = IntStream.range(0, 5_000).boxed().toList();

    assertThat(InOrder.map(items, i -> i * 2)).isEqualTo(items.stream().map(i -> i * 2).toList());
  }

  @Test
  void longListsUseMoreThreadsWhenThereAreCoresShortOnesOnlyTheCaller() {
    Set<Thread> threads = ConcurrentHashMap.newKeySet();
    InOrder.map(IntStream.range(0, InOrder.MIN_ITEMS_PER_THREAD).boxed().toList(), i -> threads.add(Thread.currentThread()));
    assertThat(threads).containsExactly(Thread.currentThread());

    assumeTrue(Runtime.getRuntime().availableProcessors() > 1, "one core: nothing to share");
    threads.clear();
    InOrder.map(IntStream.range(0, 4 * InOrder.MIN_ITEMS_PER_THREAD).boxed().toList(), i -> {
      sleep(1);
      return threads.add(Thread.currentThread());
    });
    assertThat(threads).hasSizeGreaterThan(1).contains(Thread.currentThread());
  }

  @Test
  void theFirstFailingItemInListOrderIsThrownWhicheverFailedFirst() {
    List<Integer> items = IntStream.range(0, 10_000).boxed().toList();

    assertThatThrownBy(() -> InOrder.map(items, i -> {
      if (i == 9_000) {
        throw new IllegalStateException("item 9000");
      }
      if (i == 7_000) {
        sleep(50);
        throw new IllegalArgumentException("item 7000");
      }
      return i;
    })).isInstanceOf(IllegalArgumentException.class).hasMessage("item 7000");
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
