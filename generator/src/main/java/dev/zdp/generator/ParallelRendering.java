package dev.zdp.generator;

import dev.zdp.generator.template.TemplateEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Renders a list of artifacts on one thread per processor, each thread with its own template engine
 * (an engine is not thread-safe), and hands each result to a sink as soon as it is rendered. The
 * artifacts are taken in list order; when some fail, the one reported is the first failure in list
 * order, whatever the threads' timing, so a broken template gives the same message every time.
 *
 * <p>An {@link ArtifactSink.Incremental} sink is asked first whether it keeps each artifact with
 * its fingerprint; only the artifacts it does not keep are rendered.
 */
final class ParallelRendering {

  private ParallelRendering() {}

  static void run(
      List<PendingArtifact> artifacts,
      Supplier<TemplateEngine> engines,
      ArtifactSink sink,
      int threads,
      String renderer)
      throws IOException {
    ArtifactSink.Incremental incremental =
        sink instanceof ArtifactSink.Incremental known ? known : null;
    if (incremental != null) {
      incremental.renderer(renderer);
    }
    AtomicInteger next = new AtomicInteger();
    AtomicInteger firstFailure = new AtomicInteger(Integer.MAX_VALUE);
    Map<Integer, Throwable> failures = new ConcurrentSkipListMap<>();
    Runnable worker =
        () -> {
          TemplateEngine engine = engines.get();
          Fingerprint.Maker fingerprints = new Fingerprint.Maker(renderer);
          for (int i = next.getAndIncrement();
              i < artifacts.size() && i < firstFailure.get();
              i = next.getAndIncrement()) {
            PendingArtifact artifact = artifacts.get(i);
            try {
              Map<String, ?> context = artifact.context().get();
              if (incremental == null) {
                String text = artifact.render(engine, context);
                sink.accept(artifact.path(), text.getBytes(StandardCharsets.UTF_8));
                continue;
              }
              String fingerprint = fingerprints.of(artifact.template(), context);
              if (!incremental.upToDate(artifact.path(), fingerprint)) {
                String text = artifact.render(engine, context);
                incremental.accept(
                    artifact.path(), fingerprint, text.getBytes(StandardCharsets.UTF_8));
              }
            } catch (IOException e) {
              fail(i, new UncheckedIOException(e), failures, firstFailure);
            } catch (RuntimeException | Error e) {
              fail(i, e, failures, firstFailure);
            }
          }
        };
    int helpers = Math.max(0, Math.min(threads, artifacts.size()) - 1);
    if (helpers == 0) {
      worker.run();
    } else {
      ExecutorService pool =
          Executors.newFixedThreadPool(
              helpers,
              r -> {
                Thread thread = new Thread(r, "zdp-render");
                thread.setDaemon(true);
                return thread;
              });
      try {
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < helpers; i++) {
          running.add(pool.submit(worker));
        }
        worker.run();
        for (Future<?> future : running) {
          try {
            future.get();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while rendering", e);
          } catch (ExecutionException e) {
            failures.putIfAbsent(Integer.MAX_VALUE, e.getCause());
          }
        }
      } finally {
        pool.shutdownNow();
      }
    }
    if (!failures.isEmpty()) {
      Throwable first = failures.values().iterator().next();
      if (first instanceof UncheckedIOException io) {
        throw io.getCause();
      }
      if (first instanceof RuntimeException e) {
        throw e;
      }
      if (first instanceof Error e) {
        throw e;
      }
      throw new IllegalStateException(first);
    }
  }

  private static void fail(
      int index, Throwable failure, Map<Integer, Throwable> failures, AtomicInteger firstFailure) {
    failures.put(index, failure);
    firstFailure.accumulateAndGet(index, Math::min);
  }
}
