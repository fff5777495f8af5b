package dev.zdp.sandbox;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/** Polls a condition until it holds or a time limit passes; never waits without a limit. */
final class Deadline {
  private static final long POLL_MILLIS = 200;

  private Deadline() {}

  /**
   * Returns the first present value {@code probe} gives within {@code limit}.
   *
   * @throws SandboxException saying what was awaited, for how long, and the last state seen
   */
  static <T> T await(
      String what, Duration limit, Supplier<Optional<T>> probe, Supplier<String> lastState) {
    long end = System.nanoTime() + limit.toNanos();
    while (true) {
      Optional<T> value = probe.get();
      if (value.isPresent()) {
        return value.get();
      }
      if (System.nanoTime() > end) {
        throw new SandboxException(
            "Timed out after "
                + limit.toSeconds()
                + " s waiting for "
                + what
                + ": "
                + lastState.get());
      }
      try {
        Thread.sleep(POLL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SandboxException("Interrupted while waiting for " + what, e);
      }
    }
  }
}
