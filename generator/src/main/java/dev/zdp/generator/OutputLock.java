package dev.zdp.generator;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Objects;

/**
 * One write at a time into an output directory: {@value #FILE} in it, created for the write and
 * locked by the operating system, deleted when the write ends. A second {@code zdp generate} into
 * the same directory fails at once with {@link Locked}; {@code zdp reconcile} holds it for its
 * whole run (generating and applying) and waits for it ({@link #await}). A file left behind by a
 * run that was killed holds no lock any more and is taken over.
 */
public final class OutputLock implements AutoCloseable {

  /** The lock file's name in the output directory. */
  static final String FILE = ".zdp-lock";

  /** Another write holds the directory. */
  public static final class Locked extends IOException {
    Locked(Path root) {
      super(
          "another zdp generate or reconcile is writing into '"
              + root
              + "'; run again when it has finished (if none is running, delete "
              + root.resolve(FILE)
              + ")");
    }
  }

  /** How often {@link #await} tries again. */
  private static final Duration RETRY = Duration.ofMillis(200);

  private final Path file;
  private final FileChannel channel;
  private final FileLock lock;
  private boolean closed;

  private OutputLock(Path file, FileChannel channel, FileLock lock) {
    this.file = file;
    this.channel = channel;
    this.lock = lock;
  }

  /** The output directory this lock holds. */
  public Path root() {
    return file.getParent();
  }

  /**
   * Locks {@code root} as {@link #acquire} does, waiting while another run holds it: {@code
   * waiting} is told once, when the first attempt finds it held.
   *
   * @throws Locked when it is still held after {@code patience}
   */
  public static OutputLock await(Path root, Duration patience, Runnable waiting)
      throws IOException {
    long deadline = System.nanoTime() + patience.toNanos();
    boolean told = false;
    while (true) {
      try {
        return acquire(root);
      } catch (Locked e) {
        if (System.nanoTime() - deadline >= 0) {
          throw e;
        }
        if (!told) {
          waiting.run();
          told = true;
        }
        try {
          Thread.sleep(RETRY.toMillis());
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  /** Locks {@code root}, creating it when missing; fails with {@link Locked} when it is held. */
  public static OutputLock acquire(Path root) throws IOException {
    Files.createDirectories(root);
    Path file = root.resolve(FILE);
    for (int attempt = 0; attempt < 10; attempt++) {
      Object before = null;
      FileChannel channel;
      try {
        channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      } catch (FileAlreadyExistsException e) {
        try {
          before = key(file);
          channel = FileChannel.open(file, StandardOpenOption.WRITE);
        } catch (NoSuchFileException gone) {
          continue;
        }
      }
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        channel.close();
        throw new Locked(root);
      }
      // a file that was there already: ours only if no run deleted it while we opened it
      if (before != null && !Objects.equals(before, keyOrNull(file))) {
        lock.release();
        channel.close();
        continue;
      }
      return new OutputLock(file, channel, lock);
    }
    throw new Locked(root);
  }

  private static Object key(Path file) throws IOException {
    BasicFileAttributes attributes =
        Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    return attributes.fileKey() == null ? attributes.creationTime() : attributes.fileKey();
  }

  private static Object keyOrNull(Path file) {
    try {
      return key(file);
    } catch (IOException e) {
      return null;
    }
  }

  /** Deletes the file while still holding it, then lets go: the next run creates its own. */
  @Override
  public synchronized void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      Files.deleteIfExists(file);
    } finally {
      if (lock.isValid()) {
        lock.release();
      }
      channel.close();
    }
  }
}
