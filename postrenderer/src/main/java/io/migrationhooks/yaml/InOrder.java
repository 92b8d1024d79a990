package io.migrationhooks.yaml;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Applies independent work to each item of a list, on the calling thread and, for long lists, one
 * more thread per further core, and answers as if it had run item by item: results in list order,
 * and the failure of the first failing item (in list order) thrown on the calling thread. A stream
 * of thousands of documents is parsed and edited this way; the work must touch nothing shared.
 */
public final class InOrder {
  /** Below this, a thread costs more than it saves. */
  static final int MIN_ITEMS_PER_THREAD = 64;
  private static final int MAX_THREADS = 4;

  private InOrder() {}

  public static <T, R> List<R> map(List<T> items, Function<? super T, ? extends R> work) {
    int threads = Math.min(Math.min(MAX_THREADS, Runtime.getRuntime().availableProcessors()), items.size() / MIN_ITEMS_PER_THREAD);
    Object[] results = new Object[items.size()];
    Throwable[] failures = new Throwable[items.size()];
    AtomicInteger next = new AtomicInteger();
    Runnable worker = () -> {
      for (int i = next.getAndIncrement(); i < results.length; i = next.getAndIncrement()) {
        try {
          results[i] = work.apply(items.get(i));
        } catch (RuntimeException | Error e) {
          failures[i] = e;
        }
      }
    };
    List<Thread> helpers = new ArrayList<>();
    for (int t = 1; t < threads; t++) {
      Thread helper = new Thread(worker, "migration-hooks-worker-" + t);
      helper.setDaemon(true);
      helper.start();
      helpers.add(helper);
    }
    worker.run();
    joinAll(helpers);
    for (Throwable failure : failures) {
      if (failure instanceof RuntimeException e) {
        throw e;
      } else if (failure instanceof Error e) {
        throw e;
      }
    }
    @SuppressWarnings("unchecked")
    List<R> inOrder = (List<R>) Arrays.asList(results);
    return inOrder;
  }

  private static void joinAll(List<Thread> threads) {
    boolean interrupted = false;
    for (Thread thread : threads) {
      while (thread.isAlive()) {
        try {
          thread.join();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
