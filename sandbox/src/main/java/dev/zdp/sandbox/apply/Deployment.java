package dev.zdp.sandbox.apply;

import dev.zdp.generator.ArtifactWriter;
import dev.zdp.generator.Generator;
import dev.zdp.generator.zero.SnapshotSignal;
import dev.zdp.generator.zero.SnapshotSignals;
import dev.zdp.generator.zero.ZeroRenderer;
import dev.zdp.model.Dataset;
import dev.zdp.model.Datastore;
import dev.zdp.model.Model;
import dev.zdp.model.Platform;
import dev.zdp.model.load.LoadResult;
import dev.zdp.model.load.ModelLoader;
import dev.zdp.model.load.ModelSourceException;
import dev.zdp.model.load.SourceFile;
import dev.zdp.model.platform.IngestedDatastore;
import dev.zdp.model.platform.IntentionGraph;
import dev.zdp.model.platform.PlatformIntentions;
import dev.zdp.model.platform.zero.ZeroNames;
import dev.zdp.sandbox.Sandbox;
import dev.zdp.sandbox.SandboxException;
import dev.zdp.validator.Report;
import dev.zdp.validator.change.ChangeValidator;
import dev.zdp.validator.report.TextFormat;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * A model deployed to a running sandbox, the developer's loop: validate, create the source tables,
 * generate, apply the generated Terraform, run the MERGE jobs. Production runs {@code terraform
 * apply} on the same files instead.
 */
public final class Deployment {
  private static final Duration CAPTURE_LIMIT = Duration.ofSeconds(60);
  private final Sandbox sandbox;
  private final Path outputDirectory;
  private final Optional<Long> commitIntervalMs;
  private final Consumer<String> progress;
  private final SourceTables sources;
  private final long started;
  private final Applier applier;
  private List<GeneratedModule> modules = List.of();
  private Optional<Model> applied = Optional.empty();
  private int applies;
  private final List<SnapshotSignal> signals = new ArrayList<>();

  /** Per MERGE job file, its staging table's snapshot when it last ran without failing. */
  private final Map<Path, Long> merged = new HashMap<>();

  /**
   * @param outputDirectory where the generated artifacts are written (as {@code zdp generate
   *     --out})
   * @param commitIntervalMs when present, the Iceberg sinks commit this often instead of the
   *     platform's {@code commitIntervalMs}
   */
  public Deployment(
      Sandbox sandbox,
      Path outputDirectory,
      Optional<Long> commitIntervalMs,
      Consumer<String> progress) {
    this.sandbox = sandbox;
    this.outputDirectory = outputDirectory;
    this.commitIntervalMs = commitIntervalMs;
    this.progress = progress;
    this.sources = new SourceTables(sandbox);
    this.started = System.currentTimeMillis();
    this.applier =
        new Applier(
            sandbox.topics(),
            sandbox.connectors(),
            new SandboxAdjustments(
                sandbox.postgres(), sandbox.restCatalogUri(), sandbox.s3(), commitIntervalMs),
            sandbox.workDir().resolve("applied.txt"));
  }

  /**
   * Reads and validates the model in {@code directory}.
   *
   * @throws SandboxException with the validation report when the model has errors
   */
  public static Model load(Path directory) {
    List<SourceFile> files;
    try {
      files = new dev.zdp.model.load.DirectorySource(directory).files();
    } catch (ModelSourceException e) {
      throw new SandboxException("Cannot read the model: " + e.getMessage(), e);
    }
    LoadResult loaded = ModelLoader.load(files);
    Report report = ChangeValidator.builtIn().validate(loaded);
    if (report.errors() > 0) {
      StringWriter text = new StringWriter();
      try (PrintWriter out = new PrintWriter(text)) {
        new TextFormat(files.size()).write(report, out);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      throw new SandboxException(
          "The model in " + directory + " has " + report.errors() + " error(s):\n" + text);
    }
    return loaded.model();
  }

  /** The source tables of the model's datastores (see {@link SourceTables}). */
  public SourceTables sources() {
    return sources;
  }

  /** The root modules of the last {@link #apply}. */
  public List<GeneratedModule> modules() {
    return modules;
  }

  /** The Zero platforms of the model, with what each ingests. */
  public static List<PlatformIntentions> platforms(Model model) {
    return IntentionGraph.of(model).platformsOfType(Platform.ZERO);
  }

  /** A source table created in the sandbox's PostgreSQL. */
  public record CreatedTable(Datastore datastore, Dataset dataset) {}

  /**
   * Creates the missing source tables of every ingested dataset, empty (insert rows once the
   * capture runs: Debezium does not snapshot a table added to a running capture, so a table is
   * created only when its dataset is sunk).
   *
   * @return the tables created now
   */
  public List<CreatedTable> createSourceTables(Model model) {
    List<CreatedTable> created = new ArrayList<>();
    for (PlatformIntentions platform : platforms(model)) {
      for (IngestedDatastore ingested : platform.datastores()) {
        List<Dataset> used = ingested.datasets().stream().map(d -> d.dataset()).toList();
        for (Dataset dataset : sources.create(ingested.datastore(), used)) {
          progress.accept(
              "  source table "
                  + ingested.datastore().capture().database()
                  + "."
                  + dataset.table()
                  + " created");
          created.add(new CreatedTable(ingested.datastore(), dataset));
        }
      }
    }
    return created;
  }

  /**
   * Generates the model's artifacts into the output directory and applies every root module of
   * every Zero platform, with the sandbox's endpoints and credentials as variable values.
   */
  public ApplyReport apply(Model model) {
    // the MERGE files may have changed (a column added): every job runs at the next mergeChanged
    merged.clear();
    try {
      // As `zdp generate` writes: streamed, and only what changed since the last apply rendered.
      try (ArtifactWriter.Staging staging = ArtifactWriter.stage(outputDirectory)) {
        staging.commit(new Generator().render(model, Optional.empty(), staging));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot write the generated artifacts to " + outputDirectory, e);
    }
    List<GeneratedModule> read = new ArrayList<>();
    for (PlatformIntentions platform : platforms(model)) {
      Map<String, String> values = SandboxVariables.of(platform, sandbox);
      Path platformDirectory = outputDirectory.resolve(platform.name());
      if (!platformDirectory.toFile().isDirectory()) {
        continue;
      }
      for (Path module : GeneratedModule.rootModules(platformDirectory)) {
        read.add(GeneratedModule.read(module, values));
      }
    }
    createNamespaces(model);
    createStagingTables(read);
    ApplyReport applied = applier.apply(read);
    SortedSet<String> notes = new TreeSet<>(applied.notes());
    for (PlatformIntentions platform : platforms(model)) {
      Platform settings = platform.platform();
      if (settings.kafka().tls() || settings.kafka().credential().isPresent()) {
        notes.add("provider kafka: TLS/SASL settings ignored: the sandbox's broker is plaintext");
      }
      settings
          .connect()
          .credential()
          .ifPresent(
              credential ->
                  notes.add(
                      "provider kafka-connect: basic auth ("
                          + credential
                          + ") ignored: the sandbox's Connect REST API is open on loopback"));
    }
    ApplyReport report = new ApplyReport(applied.changes(), notes);
    modules = List.copyOf(read);
    if (!report.nothingChanged()) {
      awaitCapture(model);
    }
    Optional<Model> before = this.applied;
    this.applied = Optional.of(model);
    applies++;
    before.ifPresent(
        base ->
            SnapshotSignals.forAddedTables(base, model, "sandbox apply " + applies + " " + started)
                .forEach(this::send));
    return report;
  }

  /**
   * Re-reads one dataset's rows through an incremental snapshot, as {@code zdp snapshot-signal
   * --dataset} asks a production deploy to: the signal is sent once per {@code key}.
   *
   * @return whether the signal was sent now (false: one with this key was sent before)
   */
  public boolean resnapshot(String datastore, String dataset, String key) {
    Model model =
        applied.orElseThrow(() -> new SandboxException("Nothing is applied yet to re-snapshot"));
    return send(SnapshotSignals.forDataset(model, datastore, dataset, key));
  }

  /** The signals sent so far, in order. */
  public List<SnapshotSignal> signals() {
    return List.copyOf(signals);
  }

  /**
   * Sends an incremental snapshot signal by inserting it into the datastore's signal table, as a
   * production deploy does.
   *
   * @return whether a row was inserted (false: the signal was sent before, nothing happens)
   */
  private boolean send(SnapshotSignal signal) {
    try (Connection connection = sources.connect(signal.datastore());
        Statement statement = connection.createStatement()) {
      boolean sent = statement.executeUpdate(signal.sql()) > 0;
      if (sent) {
        signals.add(signal);
      }
      progress.accept(
          "  "
              + signal.connector()
              + ": "
              + (sent ? "incremental snapshot of " : "incremental snapshot already asked for: ")
              + String.join(", ", signal.tables())
              + " ("
              + signal.reason()
              + ", signal "
              + signal.id()
              + ")");
      return sent;
    } catch (SQLException e) {
      throw new SandboxException(
          "Cannot send the incremental snapshot signal for "
              + signal.tables()
              + " to "
              + signal.connector()
              + ": "
              + e.getMessage(),
          e);
    }
  }

  /**
   * Waits until every ingested table is in its datastore's publication and the replication slot is
   * streaming: Debezium does not snapshot a table added to a running capture, so a row committed
   * before its connector has updated the publication would never arrive.
   */
  private void awaitCapture(Model model) {
    long end = System.nanoTime() + CAPTURE_LIMIT.toNanos();
    for (PlatformIntentions platform : platforms(model)) {
      for (IngestedDatastore ingested : platform.datastores()) {
        Datastore datastore = ingested.datastore();
        SortedSet<String> wanted = new TreeSet<>();
        ingested.datasets().forEach(d -> wanted.add(d.dataset().table()));
        // a signal inserted before the signal table is published would never reach Debezium
        wanted.add(ZeroNames.signalTable());
        String publication = ZeroNames.publicationName(platform.platform(), datastore);
        String slot = ZeroNames.slotName(platform.platform(), datastore);
        String state = "";
        while (true) {
          try (Connection connection = sources.connect(datastore)) {
            SortedSet<String> published =
                strings(
                    connection,
                    "SELECT schemaname || '.' || tablename FROM pg_publication_tables"
                        + " WHERE pubname = ?",
                    publication);
            SortedSet<String> active =
                strings(
                    connection,
                    "SELECT slot_name FROM pg_replication_slots WHERE active AND slot_name = ?",
                    slot);
            if (published.containsAll(wanted) && !active.isEmpty()) {
              break;
            }
            state =
                "publication "
                    + publication
                    + " has "
                    + published
                    + ", slot "
                    + slot
                    + (active.isEmpty() ? " not streaming" : " streaming");
          } catch (SQLException e) {
            state = e.getMessage();
          }
          if (System.nanoTime() > end) {
            throw new SandboxException(
                "Timed out after "
                    + CAPTURE_LIMIT.toSeconds()
                    + " s waiting for the capture of datastore '"
                    + datastore.name()
                    + "' to include "
                    + wanted
                    + ": "
                    + state
                    + " (log: "
                    + sandbox.logFile()
                    + ")");
          }
          try {
            Thread.sleep(200);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SandboxException("Interrupted while waiting for the capture", e);
          }
        }
      }
    }
  }

  private static SortedSet<String> strings(Connection connection, String sql, String parameter)
      throws SQLException {
    SortedSet<String> values = new TreeSet<>();
    try (PreparedStatement query = connection.prepareStatement(sql)) {
      query.setString(1, parameter);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          values.add(rows.getString(1));
        }
      }
    }
    return values;
  }

  /**
   * Creates the platforms' staging and corpus namespaces that are missing: the sinks and the MERGE
   * jobs create tables, not namespaces (and two sinks creating one namespace at once would race).
   */
  private void createNamespaces(Model model) {
    SortedSet<String> namespaces = new TreeSet<>();
    for (PlatformIntentions platform : platforms(model)) {
      namespaces.add(platform.platform().iceberg().stagingNamespace());
      namespaces.add(platform.platform().iceberg().corpusNamespace());
    }
    try (IcebergTables tables = new IcebergTables(sandbox)) {
      for (String namespace : namespaces) {
        if (tables.ensureNamespace(namespace)) {
          progress.accept("  Iceberg namespace " + namespace + " created");
        }
      }
    }
  }

  /**
   * Runs the generated staging DDL when a table the sinks write is missing, before the sinks start:
   * the Iceberg sink converts changes to an existing table's column types (ISO text to timestamptz,
   * decimals to their precision), while a table it creates itself gets Debezium's (text,
   * decimal(38, s)). Checks afterwards that the DDL created every table the sinks write.
   */
  private void createStagingTables(List<GeneratedModule> read) {
    SortedSet<String> missing = missingStagingTables(read);
    if (missing.isEmpty()) {
      return;
    }
    List<Path> files = new ArrayList<>();
    read.forEach(module -> files.addAll(module.stagingFiles()));
    long started = System.nanoTime();
    if (!files.isEmpty()) {
      sandbox.runSql(ZeroRenderer.CATALOG_NAME, files);
    }
    SortedSet<String> stillMissing = missingStagingTables(read);
    if (!stillMissing.isEmpty()) {
      throw new SandboxException(
          "The generated staging DDL ("
              + files.stream().map(outputDirectory::relativize).toList()
              + ") does not create "
              + stillMissing
              + ", which the sinks write: the sink would create them with Debezium's types."
              + " Check that the staging template and the sink's iceberg.tables name the same"
              + " tables");
    }
    progress.accept(
        String.format(
            "  staging tables created with the model's types: %s (%.1f s)",
            String.join(", ", missing), (System.nanoTime() - started) / 1e9));
  }

  private SortedSet<String> missingStagingTables(List<GeneratedModule> read) {
    SortedSet<String> missing = new TreeSet<>();
    try (IcebergTables tables = new IcebergTables(sandbox)) {
      for (GeneratedModule module : read) {
        for (String table : module.stagingTables()) {
          if (!tables.exists(table)) {
            missing.add(table);
          }
        }
      }
    }
    return missing;
  }

  /**
   * Runs the MERGE jobs of the applied modules whose staging tables exist (apply creates them), in
   * the sandbox's Spark session; {@code times} runs them that many times in a row. A job that fails
   * does not stop the others; the next run retries it (its watermark did not move).
   *
   * @return the runner's summary lines; empty when no job could run yet
   * @throws SandboxException after every job ran, when one or more failed: one line per failure,
   *     naming the job's file, its corpus table and Spark's error
   */
  public List<String> merge(int times) {
    return merge(times, false, job -> {});
  }

  /**
   * Runs, once, only the MERGE jobs whose staging table has a snapshot it did not have when the job
   * last ran without failing (every job whose staging table has rows, the first time and after an
   * apply): the developer's loop, where one change should not wait for every other table's job.
   * Otherwise as {@link #merge(int)}; {@code afterEachJob} gets each job's file as soon as it ran.
   *
   * @return the runner's summary lines; empty when no job had anything new
   */
  public List<String> mergeChanged(Consumer<Path> afterEachJob) {
    return merge(1, true, afterEachJob);
  }

  private List<String> merge(int times, boolean changedOnly, Consumer<Path> afterEachJob) {
    List<Path> jobs = new ArrayList<>();
    Map<Path, Long> snapshots = new HashMap<>();
    try (IcebergTables tables = new IcebergTables(sandbox)) {
      for (GeneratedModule module : modules) {
        for (Path job : module.mergeJobs()) {
          Optional<String> staging = module.stagingTable(job);
          if (staging.isPresent() && tables.exists(staging.get())) {
            Optional<Long> snapshot = tables.snapshot(staging.get());
            snapshot.ifPresent(id -> snapshots.put(job, id));
            if (!changedOnly || snapshot.isPresent() && !snapshot.get().equals(merged.get(job))) {
              jobs.add(job);
            }
          } else {
            progress.accept(
                "  skipped "
                    + outputDirectory.relativize(job)
                    + ": its staging table "
                    + staging.orElse("?")
                    + " does not exist yet");
          }
        }
      }
    }
    if (jobs.isEmpty()) {
      return List.of();
    }
    List<Path> runs = new ArrayList<>();
    for (int i = 0; i < times; i++) {
      runs.addAll(jobs);
    }
    List<String> summary = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    for (Sandbox.MergeResult result :
        sandbox.runMerge(
            ZeroRenderer.CATALOG_NAME, runs, result -> afterEachJob.accept(result.file()))) {
      if (result.error().isEmpty() && snapshots.containsKey(result.file())) {
        merged.put(result.file(), snapshots.get(result.file()));
      }
      if (result.error().isPresent()) {
        failures.add(
            "MERGE job "
                + outputDirectory.relativize(result.file())
                + " (table "
                + targetTable(result.file())
                + ") failed: "
                + result.error().get());
      } else {
        summary.add(result.summary());
      }
    }
    if (!failures.isEmpty()) {
      throw new SandboxException(
          failures.size()
              + " of "
              + runs.size()
              + " MERGE job run(s) failed (the others ran; the next run retries these):\n  "
              + String.join("\n  ", failures));
    }
    return summary;
  }

  private static final java.util.regex.Pattern MERGE_TARGET =
      java.util.regex.Pattern.compile("MERGE INTO (\\S+) AS t\\b");

  /** The corpus table a MERGE job file writes, as the file names it. */
  private static String targetTable(Path job) {
    try {
      java.util.regex.Matcher matcher = MERGE_TARGET.matcher(java.nio.file.Files.readString(job));
      return matcher.find() ? matcher.group(1) : "?";
    } catch (IOException e) {
      return "?";
    }
  }

  /** The sinks' commit interval the deployment uses, when it overrides the platform's. */
  public Optional<Long> commitIntervalMs() {
    return commitIntervalMs;
  }
}
