package dev.zdp.generator;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes rendered artifacts into an output directory and keeps it in step with the model: files
 * whose bytes did not change are left untouched (their timestamps too), files it wrote before and
 * no longer generates are removed, and nothing else is touched. What it owns is listed in {@value
 * #MANIFEST} at the top of the output directory; files not in it (a README, a tfvars, {@code
 * .terraform/}) are never removed.
 *
 * <p>The manifest also records, for each file, its size, a digest of its bytes and the fingerprint
 * of what it was rendered from (see {@link ArtifactSink.Incremental}). A {@link Staging} takes an
 * artifact as up to date, without it being rendered, when its fingerprint is the one recorded and
 * the file on disk still has the recorded size and digest; a file edited by hand or deleted is
 * rendered again. A missing, older or unreadable manifest only means that everything is rendered.
 */
public final class ArtifactWriter {

  /** The list of files the writer owns, one relative path a line. */
  public static final String MANIFEST = ".zdp-manifest";

  /** The fingerprint recorded for an artifact handed over without one: it never matches. */
  public static final String NO_FINGERPRINT = "-";

  private static final String HEADER =
      "# Files written by zdp generate. zdp removes the ones it no longer generates;"
          + " do not edit.";

  private static final String RENDERER = "# renderer ";

  /**
   * The system property naming the build of zdp that runs, which both launchers set ({@code
   * packaging/jvm-defaults.sh}); recorded in the manifest so that a launcher can tell a render
   * after an upgrade of zdp from one that changes a few files, and choose the JIT.
   */
  public static final String BUILD_PROPERTY = "zdp.build";

  private static final String BUILD = "# zdp build ";

  /** What a build id looks like; anything else is not recorded. */
  private static final java.util.regex.Pattern BUILD_ID =
      java.util.regex.Pattern.compile("[A-Za-z0-9._-]{1,64}");

  private static final String COLUMNS =
      "# path, size, digest of the file and fingerprint of what it was rendered from"
          + " (128-bit MurmurHash3)";

  private ArtifactWriter() {}

  /**
   * What one write did, each list sorted.
   *
   * @param unchanged the files left as they were, the up-to-date ones included
   * @param upToDate the files taken as up to date without being rendered
   */
  public record Result(
      List<String> written, List<String> unchanged, List<String> removed, List<String> upToDate) {
    public Result {
      written = List.copyOf(written);
      unchanged = List.copyOf(unchanged);
      removed = List.copyOf(removed);
      upToDate = List.copyOf(upToDate);
    }
  }

  /** What the manifest records of one file. */
  private record Entry(long size, String content, String fingerprint) {
    Entry withFingerprint(String newFingerprint) {
      return new Entry(size, content, newFingerprint);
    }
  }

  /**
   * A manifest as read: the renderer fingerprint it was written with (empty when it has none) and
   * what it records of each file; {@code paths} holds every listed file, with an entry or not.
   */
  private record Manifest(
      boolean found, String renderer, SortedSet<String> paths, Map<String, Entry> entries) {

    static Manifest parse(String text) {
      String renderer = "";
      SortedSet<String> paths = new TreeSet<>();
      Map<String, Entry> entries = new HashMap<>();
      for (String line : text.split("\n")) {
        if (line.startsWith(RENDERER)) {
          renderer = line.substring(RENDERER.length()).strip();
          continue;
        }
        String[] fields = line.split("\t", -1);
        String path = fields[0].strip();
        if (path.isEmpty() || path.startsWith("#") || !safe(path)) {
          continue;
        }
        paths.add(path);
        if (fields.length == 4) {
          try {
            entries.put(
                path,
                new Entry(Long.parseLong(fields[1].strip()), fields[2].strip(), fields[3].strip()));
          } catch (NumberFormatException e) {
            // a damaged line: the file is listed, and rendered again
          }
        }
      }
      return new Manifest(true, renderer, paths, entries);
    }

    static Manifest read(Path root) throws IOException {
      Path file = root.resolve(MANIFEST);
      if (!Files.isRegularFile(file)) {
        return new Manifest(false, "", new TreeSet<>(), Map.of());
      }
      byte[] bytes = Files.readAllBytes(file);
      return parse(new String(bytes, StandardCharsets.UTF_8));
    }
  }

  /** The build id the launcher passed ({@link #BUILD_PROPERTY}); empty without one. */
  private static String launcherBuild() {
    String build = System.getProperty(BUILD_PROPERTY, "");
    return BUILD_ID.matcher(build).matches() ? build : "";
  }

  /** Writes a set of artifacts rendered beforehand; see {@link #stage} for one that streams. */
  public static Result write(Path outDir, SortedMap<String, byte[]> artifacts) throws IOException {
    Path root = outDir.toAbsolutePath().normalize();
    for (String path : artifacts.keySet()) {
      check(root, path);
    }
    try (Staging staging = stage(outDir)) {
      for (Map.Entry<String, byte[]> artifact : artifacts.entrySet()) {
        staging.accept(artifact.getKey(), artifact.getValue());
      }
      return staging.commit(new TreeSet<>(artifacts.keySet()));
    }
  }

  /**
   * Starts a write that takes artifacts one at a time as they are rendered, from any thread: each
   * is compared with the file already there and, when it differs, written to a temporary file
   * beside it. Nothing is replaced or removed until {@link Staging#commit}; closing a staging that
   * was not committed deletes its temporary files.
   */
  public static Staging stage(Path outDir) throws IOException {
    return stage(outDir, false);
  }

  /**
   * Starts a write as {@link #stage(Path)} does; with {@code renderEverything} no artifact is taken
   * as up to date (what {@code zdp generate --force} does), though the fingerprints are still
   * recorded.
   */
  public static Staging stage(Path outDir, boolean renderEverything) throws IOException {
    Path root = outDir.toAbsolutePath().normalize();
    boolean rootExisted = Files.exists(root, LinkOption.NOFOLLOW_LINKS);
    OutputLock lock = OutputLock.acquire(root);
    Staging staging;
    try {
      staging = new Staging(root, rootExisted, Manifest.read(root), renderEverything, lock, true);
    } catch (IOException | RuntimeException e) {
      lock.close();
      removeIfEmpty(root, rootExisted);
      throw e;
    }
    staging.deleteTemporaryFilesOnExit();
    return staging;
  }

  /**
   * Starts a write as {@link #stage(Path)} does into the directory {@code held} locks, for a caller
   * that holds the directory longer than the write ({@code zdp reconcile}, which applies what was
   * written): the lock stays held when the write ends.
   */
  public static Staging stage(OutputLock held) throws IOException {
    Path root = held.root().toAbsolutePath().normalize();
    Staging staging = new Staging(root, true, Manifest.read(root), false, held, false);
    staging.deleteTemporaryFilesOnExit();
    return staging;
  }

  /** A write in progress; see {@link #stage}. */
  public static final class Staging implements ArtifactSink.Incremental, AutoCloseable {
    private final Path root;
    private final boolean rootExisted;
    private final Manifest previous;
    private final boolean renderEverything;
    private volatile String renderer = "";
    private final String build = launcherBuild();
    private final Map<String, Path> staged = new ConcurrentHashMap<>();
    private final Set<String> unchanged = ConcurrentHashMap.newKeySet();
    private final Set<String> upToDate = ConcurrentHashMap.newKeySet();
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Set<Path> directories = ConcurrentHashMap.newKeySet();
    private boolean committed;

    /**
     * Deletes the temporary files still there when the JVM stops before {@link #close} (Ctrl-C, a
     * cancelled CI job: SIGINT or SIGTERM), so that a stopped write leaves the output directory as
     * it was, plus at most the files a commit under way had already moved into place. Nothing can
     * clean up after SIGKILL.
     */
    private final Thread onExit = new Thread(this::deleteTemporaryFiles, "zdp-staging-cleanup");

    private final OutputLock lock;
    private final boolean ownsLock;

    private Staging(
        Path root,
        boolean rootExisted,
        Manifest previous,
        boolean renderEverything,
        OutputLock lock,
        boolean ownsLock) {
      this.lock = lock;
      this.ownsLock = ownsLock;
      this.root = root;
      this.rootExisted = rootExisted;
      this.previous = previous;
      this.renderEverything = renderEverything;
    }

    @Override
    public void renderer(String rendererFingerprint) {
      this.renderer = rendererFingerprint;
    }

    /**
     * Why no artifact could be taken as up to date, when that is so for a reason other than the
     * artifacts themselves: no manifest, one without fingerprints, other templates or another zdp.
     */
    public Optional<String> whyEverythingIsRendered() {
      Path manifest = root.resolve(MANIFEST);
      if (renderEverything) {
        return Optional.of("rendering every file, as asked");
      }
      if (!previous.found()) {
        return Optional.of("rendering every file: there is no " + manifest + " yet");
      }
      if (previous.entries().isEmpty() && !previous.paths().isEmpty()) {
        return Optional.of(
            "rendering every file: "
                + manifest
                + " records no fingerprints (written by an older zdp, or edited)");
      }
      if (!previous.paths().isEmpty() && !previous.renderer().equals(renderer)) {
        return Optional.of(
            "rendering every file: the templates or zdp itself changed since "
                + manifest
                + " was written");
      }
      return Optional.empty();
    }

    @Override
    public boolean upToDate(String path, String fingerprint) throws IOException {
      if (renderEverything) {
        return false;
      }
      Optional<Entry> kept = kept(root, previous, renderer, path, fingerprint);
      kept.ifPresent(entry -> keep(path, entry));
      return kept.isPresent();
    }

    private void keep(String path, Entry entry) {
      if (entries.putIfAbsent(path, entry) != null) {
        throw new IllegalArgumentException("artifact '" + path + "' was written twice");
      }
      unchanged.add(path);
      upToDate.add(path);
    }

    @Override
    public void accept(String path, String fingerprint, byte[] content) throws IOException {
      Path target = check(root, path);
      if (entries.putIfAbsent(
              path, new Entry(content.length, Fingerprint.content(content), fingerprint))
          != null) {
        throw new IllegalArgumentException("artifact '" + path + "' was written twice");
      }
      if (sameBytes(target, content)) {
        unchanged.add(path);
        return;
      }
      Path dir = target.getParent();
      if (!directories.contains(dir)) {
        Files.createDirectories(dir);
        directories.add(dir);
      }
      staged.put(path, writeTempFile(dir, content));
    }

    /**
     * Moves the staged files into place, removes the files of the last write that are not among
     * {@code artifacts} and records {@code artifacts} as what the directory now holds.
     *
     * @param artifacts every artifact of this write, each of which was accepted
     */
    public Result commit(SortedSet<String> artifacts) throws IOException {
      for (String path : artifacts) {
        if (!entries.containsKey(path)) {
          throw new IllegalStateException("artifact '" + path + "' was never written");
        }
      }
      committed = true;
      Files.createDirectories(root);
      List<String> written = new ArrayList<>(new TreeSet<>(staged.keySet()));
      Path manifestFile = root.resolve(MANIFEST);
      boolean removes = previous.paths().stream().anyMatch(old -> !artifacts.contains(old));
      if (!written.isEmpty() || removes) {
        // First a manifest owning every file the directory may hold until this write is done (the
        // files replaced recorded as never matching): a write that fails half-way leaves no file
        // that no manifest owns, and the next run renders and removes what it must.
        SortedSet<String> all = new TreeSet<>(previous.paths());
        all.addAll(artifacts);
        writeAtomically(
            manifestFile,
            manifestBytes(
                all,
                path ->
                    staged.containsKey(path) || !entries.containsKey(path)
                        ? previous
                            .entries()
                            .getOrDefault(path, new Entry(-1, NO_FINGERPRINT, NO_FINGERPRINT))
                            .withFingerprint(NO_FINGERPRINT)
                        : entries.get(path)));
      }
      for (String path : written) {
        Files.move(
            staged.get(path),
            root.resolve(path).normalize(),
            StandardCopyOption.REPLACE_EXISTING,
            StandardCopyOption.ATOMIC_MOVE);
      }
      List<String> removed = new ArrayList<>();
      for (String old : previous.paths()) {
        if (artifacts.contains(old)) {
          continue;
        }
        Path stale = resolve(root, old);
        if (Files.isRegularFile(stale, LinkOption.NOFOLLOW_LINKS)) {
          Files.delete(stale);
          removed.add(old);
          removeEmptyParents(root, stale.getParent());
        }
      }
      byte[] manifestBytes = manifestBytes(artifacts, entries::get);
      if (!sameBytes(manifestFile, manifestBytes)) {
        writeAtomically(manifestFile, manifestBytes);
      }
      return new Result(
          written,
          new ArrayList<>(new TreeSet<>(unchanged)),
          removed,
          new ArrayList<>(new TreeSet<>(upToDate)));
    }

    private byte[] manifestBytes(
        SortedSet<String> paths, java.util.function.Function<String, Entry> entryOf) {
      StringBuilder manifest = new StringBuilder(HEADER).append('\n');
      manifest.append(RENDERER).append(renderer.isEmpty() ? NO_FINGERPRINT : renderer).append('\n');
      if (!build.isEmpty()) {
        manifest.append(BUILD).append(build).append('\n');
      }
      manifest.append(COLUMNS).append('\n');
      for (String path : paths) {
        Entry entry = entryOf.apply(path);
        manifest
            .append(path)
            .append('\t')
            .append(entry.size())
            .append('\t')
            .append(entry.content())
            .append('\t')
            .append(entry.fingerprint())
            .append('\n');
      }
      return manifest.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void deleteTemporaryFilesOnExit() {
      Runtime.getRuntime().addShutdownHook(onExit);
    }

    private void deleteTemporaryFiles() {
      for (Path temp : staged.values()) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException e) {
          // the JVM is stopping: leave what cannot be deleted
        }
      }
      try {
        if (ownsLock) {
          lock.close();
        }
      } catch (IOException e) {
        // the JVM is stopping: a lock file left behind is taken over by the next run
      }
    }

    /** Deletes the temporary files of a write that was not committed. */
    @Override
    public void close() throws IOException {
      try {
        Runtime.getRuntime().removeShutdownHook(onExit);
      } catch (IllegalStateException e) {
        // the JVM is already stopping: the hook runs anyway
      }
      try {
        if (!committed) {
          for (Path temp : staged.values()) {
            Files.deleteIfExists(temp);
            removeEmptyParents(root, temp.getParent());
          }
          staged.clear();
        }
      } finally {
        if (ownsLock) {
          lock.close();
        }
      }
      if (!committed) {
        removeIfEmpty(root, rootExisted);
      }
    }
  }

  /**
   * What the manifest records of an artifact the directory keeps as rendered with this fingerprint
   * and renderer: the file still has the recorded size and digest. Empty when it must be rendered.
   */
  private static Optional<Entry> kept(
      Path root, Manifest previous, String renderer, String path, String fingerprint)
      throws IOException {
    Path target = check(root, path);
    Entry entry = previous.entries().get(path);
    if (!previous.renderer().equals(renderer)
        || entry == null
        || !entry.fingerprint().equals(fingerprint)
        || !Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)
        || Files.size(target) != entry.size()) {
      return Optional.empty();
    }
    byte[] content = Files.readAllBytes(target);
    if (content.length != entry.size() || !Fingerprint.content(content).equals(entry.content())) {
      return Optional.empty();
    }
    return Optional.of(entry);
  }

  /**
   * Starts a render held in memory: the artifacts the directory keeps up to date (as {@link
   * Staging} judges them) are not rendered, the others are kept with their fingerprints until
   * {@link Preview#write} writes them, or never. Nothing is written before that.
   */
  public static Preview preview(Path outDir) throws IOException {
    Path root = outDir.toAbsolutePath().normalize();
    return new Preview(root, Manifest.read(root));
  }

  /**
   * A render into memory of only what is not up to date in an output directory; see {@link
   * #preview}. What the action plans from before it deploys, or instead of deploying.
   */
  public static final class Preview implements ArtifactSink.Incremental {
    private final Path root;
    private final Manifest previous;
    private volatile String renderer = "";
    private final Map<String, Entry> upToDate = new ConcurrentHashMap<>();
    private final Map<String, Rendered> rendered = new ConcurrentHashMap<>();

    /** A rendered artifact and the fingerprint of what it was rendered from. */
    private record Rendered(String fingerprint, byte[] content) {}

    private Preview(Path root, Manifest previous) {
      this.root = root;
      this.previous = previous;
    }

    @Override
    public void renderer(String rendererFingerprint) {
      this.renderer = rendererFingerprint;
    }

    @Override
    public boolean upToDate(String path, String fingerprint) throws IOException {
      Optional<Entry> kept = kept(root, previous, renderer, path, fingerprint);
      if (kept.isPresent() && upToDate.putIfAbsent(path, kept.get()) != null) {
        throw new IllegalArgumentException("artifact '" + path + "' was written twice");
      }
      return kept.isPresent();
    }

    @Override
    public void accept(String path, String fingerprint, byte[] content) {
      check(root, path);
      if (rendered.putIfAbsent(path, new Rendered(fingerprint, content)) != null) {
        throw new IllegalArgumentException("artifact '" + path + "' was written twice");
      }
    }

    /** The artifacts that were rendered (all but the up-to-date ones), by path. */
    public SortedMap<String, byte[]> rendered() {
      SortedMap<String, byte[]> artifacts = new TreeMap<>();
      rendered.forEach((path, artifact) -> artifacts.put(path, artifact.content()));
      return Collections.unmodifiableSortedMap(artifacts);
    }

    /** The artifacts taken as up to date without being rendered, sorted. */
    public SortedSet<String> upToDate() {
      return Collections.unmodifiableSortedSet(new TreeSet<>(upToDate.keySet()));
    }

    /** The paths the directory's manifest listed when the preview started, sorted. */
    public SortedSet<String> previousPaths() {
      return Collections.unmodifiableSortedSet(previous.paths());
    }

    /**
     * Writes the rendered artifacts as {@link Staging} would, keeping the up-to-date ones and their
     * fingerprints, removes the files of the last write that are not among {@code artifacts} and
     * records {@code artifacts} in the manifest.
     *
     * @param artifacts every artifact of the render: the rendered and the up-to-date ones
     */
    public Result write(SortedSet<String> artifacts) throws IOException {
      boolean rootExisted = Files.exists(root, LinkOption.NOFOLLOW_LINKS);
      try (Staging staging =
          new Staging(root, rootExisted, previous, false, OutputLock.acquire(root), true)) {
        staging.renderer(renderer);
        for (Map.Entry<String, Entry> kept : new TreeMap<>(upToDate).entrySet()) {
          staging.keep(kept.getKey(), kept.getValue());
        }
        for (Map.Entry<String, Rendered> artifact : new TreeMap<>(rendered).entrySet()) {
          staging.accept(
              artifact.getKey(), artifact.getValue().fingerprint(), artifact.getValue().content());
        }
        return staging.commit(artifacts);
      }
    }
  }

  /** True when {@code file} is a regular file holding exactly {@code content}. */
  private static boolean sameBytes(Path file, byte[] content) throws IOException {
    return Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
        && Files.size(file) == content.length
        && Arrays.equals(Files.readAllBytes(file), content);
  }

  /** Removes {@code root} when this write created it and left it empty. */
  private static void removeIfEmpty(Path root, boolean rootExisted) throws IOException {
    if (!rootExisted && Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
      try (var entries = Files.list(root)) {
        if (entries.findAny().isEmpty()) {
          Files.delete(root);
        }
      }
    }
  }

  /** The path an artifact is written to; fails for one that is not allowed. */
  private static Path check(Path root, String path) {
    Path target = resolve(root, path);
    if (path.equals(MANIFEST) || path.equals(OutputLock.FILE)) {
      throw new IllegalArgumentException("an artifact cannot be named " + path);
    }
    if (path.contains("\t") || path.contains("\n") || path.contains("\r")) {
      throw new IllegalArgumentException(
          "artifact path '" + path + "' cannot hold a tab or a line break");
    }
    return target;
  }

  /** The paths the last write recorded, sorted; empty when the directory has no manifest. */
  public static SortedSet<String> readManifest(Path outDir) throws IOException {
    return Manifest.read(outDir).paths();
  }

  /** The paths a manifest's text lists, sorted; what {@link #readManifest} reads from a file. */
  public static SortedSet<String> manifestPaths(String manifest) {
    return Manifest.parse(manifest).paths();
  }

  private static Path resolve(Path root, String relative) {
    if (!safe(relative)) {
      throw new IllegalArgumentException(
          "artifact path '" + relative + "' must be relative and stay inside the output directory");
    }
    Path target = root.resolve(relative).normalize();
    if (!target.startsWith(root) || target.equals(root)) {
      throw new IllegalArgumentException(
          "artifact path '" + relative + "' must stay inside the output directory");
    }
    return target;
  }

  private static boolean safe(String relative) {
    return !relative.isEmpty()
        && relative.chars().noneMatch(c -> c < 0x20 || c == 0x7f)
        && !relative.startsWith("/")
        && !relative.contains("\\")
        && !relative.contains(":")
        && Arrays.stream(relative.split("/"))
            .noneMatch(s -> s.isEmpty() || s.equals("..") || s.equals("."));
  }

  /**
   * Writes {@code content} to a new file in {@code dir}, for staging an artifact, and returns it.
   * The file is created and written through one open (creating it empty first and opening it again
   * to write was a third of the system time of writing ten thousand files), with the process's
   * default permissions (umask): {@link Files#createTempFile} makes it owner-only (0600), and the
   * moved file keeps that, so generated files would be unreadable to the group and others. A file
   * that cannot be written whole is deleted.
   */
  private static Path writeTempFile(Path dir, byte[] content) throws IOException {
    while (true) {
      Path temp =
          dir.resolve(
              ".zdp-" + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
      OutputStream out;
      try {
        out = Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      } catch (FileAlreadyExistsException taken) {
        continue; // another name
      }
      try (out) {
        out.write(content);
      } catch (IOException | RuntimeException e) {
        Files.deleteIfExists(temp);
        throw e;
      }
      return temp;
    }
  }

  private static void writeAtomically(Path target, byte[] content) throws IOException {
    Files.createDirectories(target.getParent());
    Path temp = writeTempFile(target.getParent(), content);
    try {
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private static void removeEmptyParents(Path root, Path dir) throws IOException {
    Path current = dir;
    while (current != null && current.startsWith(root) && !current.equals(root)) {
      try (var entries = Files.list(current)) {
        if (entries.findAny().isPresent()) {
          return;
        }
      }
      Files.delete(current);
      current = current.getParent();
    }
  }
}
