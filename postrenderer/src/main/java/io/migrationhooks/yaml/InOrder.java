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
  /**
   * Below this, another thread costs more than it saves: while the work is still cold, the JIT
   * compiler needs the other core (measured: 200 documents faster on one thread, 2,000 on two).
   */
  static final int MIN_ITEMS_PER_THREAD = 256;
  private static final int MAX_THREADS = 4;

  private InOrder() {}

  public static <T, R> List<R> map(List<T> items, Function<? super T, ? extends R> work) {
    int threads = Math.min(Math.min(MAX_THREADS, Runtime.getRuntime().availableProcessors()), items.size() / MIN_ITEMS_PER_THREAD);
    Worker<T, R> worker = new Worker<>(items, work);
    List<Thread> helpers = new ArrayList<>();
    for (int t = 1; t < threads; t++) {
      Thread helper = new Thread(worker, "migration-hooks-worker-" + t);
      helper.setDaemon(true);
      helper.start();
      helpers.add(helper);
    }
    worker.run();
    joinAll(helpers);
    for (Throwable failure : worker.failures) {
      if (failure instanceof RuntimeException e) {
        throw e;
      } else if (failure instanceof Error e) {
        throw e;
      }
    }
    @SuppressWarnings("unchecked")
    List<R> inOrder = (List<R>) Arrays.asList(worker.results);
    return inOrder;
  }

  /**
   * Takes the next item until none is left. A class rather than a lambda: on Java 17, linking a
   * lambda that captures five values spins method-handle classes at start-up that the class-data
   * cache does not keep (milliseconds on every run).
   */
  private static final class Worker<T, R> implements Runnable {
    private final List<T> items;
    private final Function<? super T, ? extends R> work;
    private final Object[] results;
    private final Throwable[] failures;
    private final AtomicInteger next = new AtomicInteger();

    Worker(List<T> items, Function<? super T, ? extends R> work) {
      this.items = items;
      this.work = work;
      this.results = new Object[items.size()];
      this.failures = new Throwable[items.size()];
    }

    @Override
    public void run() {
      for (int i = next.getAndIncrement(); i < results.length; i = next.getAndIncrement()) {
        try {
          results[i] = work.apply(items.get(i));
        } catch (RuntimeException | Error e) {
          failures[i] = e;
        }
      }
    }
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
