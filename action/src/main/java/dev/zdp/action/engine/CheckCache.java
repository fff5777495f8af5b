package dev.zdp.action.engine;

import dev.zdp.model.ObjectPath;
import dev.zdp.model.SourceLocation;
import dev.zdp.model.load.GitCommitSource;
import dev.zdp.model.load.ModelLoader;
import dev.zdp.model.load.ModelSourceException;
import dev.zdp.validator.Diagnostic;
import dev.zdp.validator.Severity;
import dev.zdp.validator.change.ChangeValidator;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A directory that CI keeps between runs ({@code actions/cache}, GitLab's {@code cache:}) holding
 * each model's single-model findings (what {@link ChangeValidator#validate(
 * dev.zdp.model.load.LoadResult)} reports), so a pull request's base, checked by the run on the
 * live branch or by an earlier pull request, is not checked again.
 *
 * <p>An entry is keyed by git ids and by the code that computed it, so it can never be stale: the
 * model's {@linkplain dev.zdp.model.load.GitCommitSource#contentId() content id} (the model
 * directory's tree id) and a digest of zdp's own classes (every class of the jar, by name and CRC).
 * The entry holds its key again and a checksum: an entry that is unreadable, of another format,
 * truncated or for another key is ignored and written anew, never trusted. Writers write a
 * temporary file and rename it into place, so concurrent runs never see half an entry. The
 * directory keeps the {@value #KEPT} most recently used entries.
 */
public final class CheckCache {

  /** How many entries the directory keeps (each is a few bytes for a valid model). */
  static final int KEPT = 64;

  private static final String MAGIC = "zdp check cache";
  private static final int FORMAT = 1;
  private static final String SUFFIX = ".findings";

  private final Optional<Path> directory;
  private final String code; // the digest of zdp's classes; empty without a directory

  private CheckCache(Optional<Path> directory) {
    this.directory = directory;
    this.code = directory.isPresent() ? codeDigest() : "";
  }

  /** A cache in {@code directory}, or none (everything is computed) when empty. */
  public static CheckCache in(Optional<Path> directory) {
    return new CheckCache(directory);
  }

  /** No cache: every finding is computed. */
  public static CheckCache none() {
    return new CheckCache(Optional.empty());
  }

  /**
   * The single-model findings of {@code side} with zdp's built-in rules ({@link
   * ChangeValidator#builtIn()}), kept under the model's content id.
   */
  public List<Diagnostic> findings(ModelAtCommit side) {
    Supplier<List<Diagnostic>> compute =
        () -> ChangeValidator.builtIn().validate(side.loaded()).diagnostics();
    if (directory.isEmpty()) {
      return compute.get();
    }
    String contentId;
    try {
      contentId = new GitCommitSource(side.directory(), side.sha()).contentId();
    } catch (ModelSourceException e) {
      return compute.get(); // the commit was read a moment ago; if it cannot be now, no cache
    }
    return findings(contentId, compute);
  }

  /**
   * The single-model findings of the model with content id {@code contentId}: the kept ones when an
   * entry for it (and this build of zdp) is readable, else {@code compute}'s, which are then kept.
   * A cache that cannot be written is left as it is: the findings are the same either way.
   */
  List<Diagnostic> findings(String contentId, Supplier<List<Diagnostic>> compute) {
    if (directory.isEmpty()) {
      return compute.get();
    }
    String key = key(contentId);
    Path entry = directory.get().resolve(digest(key.getBytes(StandardCharsets.UTF_8)) + SUFFIX);
    Optional<List<Diagnostic>> kept = read(entry, key);
    if (kept.isPresent()) {
      touch(entry);
      return kept.get();
    }
    List<Diagnostic> computed = compute.get();
    write(entry, key, computed);
    return computed;
  }

  private String key(String contentId) {
    return "format " + FORMAT + "\ncode " + code + "\nmodel " + contentId;
  }

  // ------------------------------------------------------------------ reading and writing

  static Optional<List<Diagnostic>> read(Path entry, String key) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(entry);
    } catch (IOException e) {
      return Optional.empty(); // none yet, or unreadable: computed and written anew
    }
    if (bytes.length < Long.BYTES) {
      return Optional.empty();
    }
    int body = bytes.length - Long.BYTES;
    CRC32 crc = new CRC32();
    crc.update(bytes, 0, body);
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      in.skipNBytes(body);
      if (in.readLong() != crc.getValue()) {
        return Optional.empty();
      }
    } catch (IOException e) {
      return Optional.empty();
    }
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, 0, body))) {
      if (!MAGIC.equals(text(in)) || in.readInt() != FORMAT || !key.equals(text(in))) {
        return Optional.empty();
      }
      int count = in.readInt();
      List<Diagnostic> found = new ArrayList<>(Math.min(count, 1 << 16));
      for (int i = 0; i < count; i++) {
        found.add(diagnostic(in));
      }
      if (in.read() != -1) {
        return Optional.empty(); // more than the entry says it holds
      }
      return Optional.of(List.copyOf(found));
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // of another format, or damaged: never trusted
    }
  }

  static void write(Path entry, String key, List<Diagnostic> found) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      text(out, MAGIC);
      out.writeInt(FORMAT);
      text(out, key);
      out.writeInt(found.size());
      for (Diagnostic d : found) {
        diagnostic(out, d);
      }
      CRC32 crc = new CRC32();
      crc.update(bytes.toByteArray());
      out.writeLong(crc.getValue());
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a byte array does not fail
    }
    Path directory = entry.getParent();
    Path temporary = null;
    try {
      Files.createDirectories(directory);
      temporary = Files.createTempFile(directory, ".entry-", ".tmp");
      Files.write(temporary, bytes.toByteArray());
      try {
        Files.move(temporary, entry, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, entry, StandardCopyOption.REPLACE_EXISTING);
      }
      temporary = null;
      prune(directory);
    } catch (IOException | SecurityException e) {
      // a cache that cannot be written only costs the next run the work
    } finally {
      if (temporary != null) {
        try {
          Files.deleteIfExists(temporary);
        } catch (IOException e) {
          // left behind: pruned by a later run
        }
      }
    }
  }

  private static void diagnostic(DataOutputStream out, Diagnostic d) throws IOException {
    text(out, d.rule());
    text(out, d.severity().name());
    text(out, d.message());
    text(out, d.hint());
    out.writeBoolean(d.location().isPresent());
    if (d.location().isPresent()) {
      SourceLocation at = d.location().get();
      text(out, at.file());
      out.writeInt(at.line());
      out.writeInt(at.column());
    }
    List<String> segments = d.object().map(ObjectPath::segments).orElse(List.of());
    out.writeInt(segments.size());
    for (String segment : segments) {
      text(out, segment);
    }
  }

  private static Diagnostic diagnostic(DataInputStream in) throws IOException {
    String rule = text(in);
    Severity severity = Severity.valueOf(text(in));
    String message = text(in);
    String hint = text(in);
    Optional<SourceLocation> location =
        in.readBoolean()
            ? Optional.of(new SourceLocation(text(in), in.readInt(), in.readInt()))
            : Optional.empty();
    int size = in.readInt();
    if (size < 0 || size > 1 << 12) {
      throw new IOException("not an object path");
    }
    List<String> segments = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      segments.add(text(in));
    }
    Optional<ObjectPath> object =
        segments.isEmpty() ? Optional.empty() : Optional.of(new ObjectPath(segments));
    return new Diagnostic(rule, severity, message, location, object, hint);
  }

  private static void text(DataOutputStream out, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  private static String text(DataInputStream in) throws IOException {
    int length = in.readInt();
    if (length < 0 || length > in.available()) {
      throw new EOFException("a text longer than the entry");
    }
    return new String(in.readNBytes(length), StandardCharsets.UTF_8);
  }

  /** Marks an entry as used now, so pruning keeps it. */
  private static void touch(Path entry) {
    try {
      Files.setLastModifiedTime(entry, FileTime.fromMillis(System.currentTimeMillis()));
    } catch (IOException | SecurityException e) {
      // pruned sooner, nothing else
    }
  }

  /** Keeps the {@value #KEPT} most recently used entries; removes older ones and stray files. */
  private static void prune(Path directory) throws IOException {
    List<Path> entries;
    List<Path> stray;
    try (Stream<Path> files = Files.list(directory)) {
      List<Path> all = files.toList();
      entries = all.stream().filter(p -> p.getFileName().toString().endsWith(SUFFIX)).toList();
      stray =
          all.stream()
              .filter(p -> p.getFileName().toString().startsWith(".entry-"))
              .filter(p -> olderThanAnHour(p))
              .toList();
    }
    List<Path> oldest = new ArrayList<>(entries);
    oldest.sort(Comparator.comparing(CheckCache::modified).reversed());
    for (Path old : oldest.subList(Math.min(KEPT, oldest.size()), oldest.size())) {
      Files.deleteIfExists(old);
    }
    for (Path file : stray) {
      Files.deleteIfExists(file);
    }
  }

  private static boolean olderThanAnHour(Path file) {
    return modified(file).toMillis() < System.currentTimeMillis() - 3_600_000L;
  }

  private static FileTime modified(Path file) {
    try {
      return Files.getLastModifiedTime(file);
    } catch (IOException e) {
      return FileTime.fromMillis(0);
    }
  }

  // ------------------------------------------------------------------ the code's identity

  /**
   * A digest of the classes that load and check a model: each jar's entries by name and CRC (read
   * from its directory, not its contents), or each class directory's files by name and bytes in a
   * development build. A new build of zdp never reads what an older one kept.
   */
  static String codeDigest() {
    Set<Path> sources = new LinkedHashSet<>();
    for (Class<?> type :
        List.of(CheckCache.class, ChangeValidator.class, ModelLoader.class, Diagnostic.class)) {
      location(type).ifPresent(sources::add);
    }
    MessageDigest digest = sha256();
    for (Path source : sources) {
      digest.update(source.getFileName().toString().getBytes(StandardCharsets.UTF_8));
      try {
        if (Files.isDirectory(source)) {
          directoryDigest(source, digest);
        } else {
          jarDigest(source, digest);
        }
      } catch (IOException e) {
        // unreadable code: a digest no entry was written under, so nothing is trusted
        digest.update(("unreadable " + System.nanoTime()).getBytes(StandardCharsets.UTF_8));
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static Optional<Path> location(Class<?> type) {
    CodeSource source = type.getProtectionDomain().getCodeSource();
    if (source == null || source.getLocation() == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Path.of(source.getLocation().toURI()));
    } catch (URISyntaxException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static void jarDigest(Path jar, MessageDigest digest) throws IOException {
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      List<? extends ZipEntry> entries = zip.stream().toList();
      for (ZipEntry entry : entries) {
        digest.update(entry.getName().getBytes(StandardCharsets.UTF_8));
        digest.update(longBytes(entry.getCrc()));
        digest.update(longBytes(entry.getSize()));
      }
    }
  }

  private static void directoryDigest(Path directory, MessageDigest digest) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(directory)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    for (Path file : files) {
      digest.update(directory.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
      digest.update(Files.readAllBytes(file));
    }
  }

  private static byte[] longBytes(long value) {
    byte[] bytes = new byte[Long.BYTES];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) (value >>> (8 * i));
    }
    return bytes;
  }

  private static String digest(byte[] bytes) {
    return HexFormat.of().formatHex(sha256().digest(bytes));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
