package dev.zdp.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops the child processes a previous sandbox in the same work directory left running when its JVM
 * was killed without running shutdown hooks (kill -9, an IDE's stop button): PostgreSQL's
 * postmaster and the S3 store.
 */
final class Leftovers {
  private static final Logger LOG = LoggerFactory.getLogger(Leftovers.class);
  private static final Duration GRACE = Duration.ofSeconds(10);

  private Leftovers() {}

  /** The file the S3 store's process id is kept in. */
  static Path s3proxyPidFile(Path workDir) {
    return workDir.resolve("s3proxy.pid");
  }

  static void stop(Path workDir, Consumer<String> progress) {
    // PostgreSQL writes its postmaster's pid on the first line of postmaster.pid
    stop(workDir.resolve("postgres").resolve("postmaster.pid"), "postgres", progress);
    stop(s3proxyPidFile(workDir), "org.gaul.s3proxy.Main", progress);
  }

  private static void stop(Path pidFile, String commandMarker, Consumer<String> progress) {
    Optional<ProcessHandle> process = read(pidFile).flatMap(ProcessHandle::of);
    if (process.isEmpty() || !process.get().isAlive() || !runs(process.get(), commandMarker)) {
      return;
    }
    ProcessHandle leftover = process.get();
    progress.accept(
        "  stopping a previous sandbox's " + commandMarker + " (pid " + leftover.pid() + ")");
    LOG.info("Stopping leftover {} process {}", commandMarker, leftover.pid());
    leftover.destroy();
    try {
      leftover.onExit().get(GRACE.toSeconds(), TimeUnit.SECONDS);
    } catch (Exception e) {
      leftover.destroyForcibly();
    }
  }

  private static boolean runs(ProcessHandle process, String marker) {
    String command =
        process.info().command().orElse("")
            + " "
            + String.join(" ", process.info().arguments().orElse(new String[0]));
    return command.contains(marker);
  }

  private static Optional<Long> read(Path pidFile) {
    try {
      List<String> lines = Files.readAllLines(pidFile);
      return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).strip()));
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }
}
