package dev.zdp.sandbox.cli;

import dev.zdp.generator.zero.ZeroRenderer;
import dev.zdp.model.Model;
import dev.zdp.model.load.ModelSourceException;
import dev.zdp.model.platform.IngestedDatastore;
import dev.zdp.model.platform.PlatformIntentions;
import dev.zdp.sandbox.Sandbox;
import dev.zdp.sandbox.SandboxException;
import dev.zdp.sandbox.SandboxLayout;
import dev.zdp.sandbox.apply.ApplyReport;
import dev.zdp.sandbox.apply.Deployment;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code zdp sandbox}: the model's pipelines on this machine. Starts the sandbox, creates the
 * source tables from the model's schemas with a few sample rows, generates, applies, runs the MERGE
 * jobs, and shows rows arriving in staging and corpus tables until Ctrl-C. With {@code --watch}, a
 * change to the model is validated, generated and applied to the running stack.
 */
@Command(
    name = "zdp sandbox",
    mixinStandardHelpOptions = true,
    versionProvider = SandboxVersion.class,
    description = {
      "Runs the model's pipelines on this machine: PostgreSQL, Kafka, Kafka Connect (Debezium,"
          + " Iceberg sink), an S3 store and an Iceberg catalog in one JVM, the MERGE jobs in"
          + " Spark. Creates the source tables from the model with sample rows, generates,"
          + " applies, and prints rows arriving in staging and corpus tables. Ctrl-C stops it."
    })
public final class SandboxMain implements Callable<Integer> {
  @Option(
      names = "--model",
      paramLabel = "DIR",
      defaultValue = ".",
      description = "The model directory. Default: ${DEFAULT-VALUE}")
  Path model;

  @Option(names = "--watch", description = "Re-apply when a model file changes (polled every 2 s).")
  boolean watch;

  @Option(
      names = "--work-dir",
      paramLabel = "DIR",
      defaultValue = "${sys:zdp.sandbox.home:-.}/target/zdp-sandbox",
      description =
          "Data, logs and the generated files (wiped at start). Default: ${DEFAULT-VALUE}")
  Path workDir;

  @Option(
      names = "--commit-interval-ms",
      paramLabel = "MS",
      defaultValue = "2000",
      description =
          "How often the Iceberg sinks commit, instead of the platform's commitIntervalMs;"
              + " 0 keeps the platform's. Default: ${DEFAULT-VALUE}")
  long commitIntervalMs;

  @Option(
      names = "--merge-every",
      paramLabel = "S",
      defaultValue = "2",
      description =
          "At least this many seconds between MERGE runs; each runs the jobs whose staging"
              + " table changed. Default: ${DEFAULT-VALUE}")
  long mergeEverySeconds;

  @Option(
      names = "--samples",
      paramLabel = "N",
      defaultValue = "3",
      description = "Sample rows inserted into each new source table. Default: ${DEFAULT-VALUE}")
  int samples;

  @Option(
      names = "--once",
      description =
          "Stop after the first MERGE run, once every staging table has rows (at most 3"
              + " minutes); exit 0 when the corpus has rows, 1 when not (for scripts).")
  boolean once;

  @Option(
      names = "--verbose",
      description =
          "Log the stack's components at DEBUG (default INFO) in the work directory's logs; show stack"
              + " traces.")
  boolean verbose;

  private static final long POLL_MILLIS = 1000;
  private static final Duration ONCE_LIMIT = Duration.ofMinutes(3);

  private final PrintStream out;
  private final PrintStream err;

  private final ApplyNotes notes = new ApplyNotes();

  SandboxMain(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  public static void main(String[] args) {
    System.exit(run(System.out, System.err, args));
  }

  /** Runs {@code zdp sandbox args} (or {@code zdp sandbox query ...}) and returns the exit code. */
  public static int run(PrintStream out, PrintStream err, String... args) {
    if (args.length > 0 && args[0].equals("query")) {
      return query(java.util.Arrays.copyOfRange(args, 1, args.length), out, err);
    }
    return execute(new SandboxMain(out, err), out, err, args);
  }

  /** {@code zdp sandbox query ARGS}: see {@link SandboxQuery}; returns the exit code. */
  public static int query(String[] args, PrintStream out, PrintStream err) {
    return execute(new SandboxQuery(out, err), out, err, args);
  }

  private static int execute(Object command, PrintStream out, PrintStream err, String[] args) {
    CommandLine cli = OneLineErrors.install(new CommandLine(command));
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  @Override
  public Integer call() throws Exception {
    Model current;
    try {
      current = Deployment.load(model);
    } catch (SandboxException e) {
      err.println("zdp sandbox: " + e.getMessage());
      // a directory that cannot be read is a wrong argument; a model with errors is a finding
      return e.getCause() instanceof ModelSourceException ? OneLineErrors.CANNOT_RUN : 1;
    }
    if (Deployment.platforms(current).isEmpty()) {
      err.println("zdp sandbox: the model in " + model + " has no platform of type zero");
      return 1;
    }
    Path absoluteWork = workDir.toAbsolutePath();
    try (Sandbox sandbox =
        Sandbox.start(
            absoluteWork,
            SandboxLayout.fromSystemProperties(),
            out::println,
            new Sandbox.Options(verbose, Optional.of(ZeroRenderer.CATALOG_NAME)))) {
      Deployment deployment =
          new Deployment(
              sandbox,
              absoluteWork.resolve("generated"),
              commitIntervalMs > 0 ? Optional.of(commitIntervalMs) : Optional.empty(),
              out::println);
      Arrivals arrivals = new Arrivals(sandbox, out);
      deploy(deployment, current);
      Endpoints files = publish(sandbox, current);
      out.println(
          "Endpoints: "
              + absoluteWork.resolve(SandboxFiles.JSON)
              + "; Terraform variables: "
              + absoluteWork.resolve(SandboxFiles.TFVARS)
              + "; query the tables with: bin/zdp sandbox query --work-dir "
              + absoluteWork
              + " \"SELECT ...\"");
      out.println(
          "Source databases (change rows there and watch them arrive; the password is the"
              + " sandbox's own):");
      sourceDatabases(current)
          .forEach(
              (datastore, database) ->
                  out.println("  " + datastore + ": " + sandbox.postgres().psqlCommand(database)));
      out.println("Logs: " + sandbox.logFile());
      out.println(
          watch
              ? "Watching " + model + " for changes; Ctrl-C stops the sandbox."
              : "Ctrl-C stops the sandbox.");
      ModelFiles modelFiles = new ModelFiles(model);
      long lastMerge = 0;
      boolean pending = false;
      long onceDeadline = System.nanoTime() + ONCE_LIMIT.toNanos();
      while (!sandbox.stopped()) {
        if (watch && modelFiles.changed()) {
          out.println("Model changed: validating, generating, applying...");
          try {
            Model changed = Deployment.load(model);
            deploy(deployment, changed);
            current = changed;
            files.update(sandbox, current);
          } catch (SandboxException e) {
            out.println("Not applied: " + e.getMessage());
          }
        }
        boolean arriving = arrivals.staging(current);
        pending |= arriving;
        // only the jobs whose staging table changed run, so a change is merged as soon as it is
        // in staging, at most every --merge-every seconds
        boolean due =
            pending
                && System.nanoTime() - lastMerge >= Duration.ofSeconds(mergeEverySeconds).toNanos();
        if (once) {
          due =
              pending
                  && !arriving
                  && (arrivals.everyStagingTableHasRows(current)
                      || System.nanoTime() > onceDeadline);
        }
        if (due) {
          out.println("Running the MERGE jobs...");
          Model merging = current;
          try {
            deployment.mergeChanged(job -> arrivals.corpus(merging));
            pending = false;
          } catch (SandboxException e) {
            out.println("MERGE failed: " + e.getMessage());
          }
          lastMerge = System.nanoTime();
          boolean corpusRows = arrivals.corpus(current);
          if (once) {
            return corpusRows ? 0 : 1;
          }
        }
        Thread.sleep(POLL_MILLIS);
      }
      return 0;
    } catch (SandboxException e) {
      err.println("zdp sandbox: " + e.getMessage());
      return 2;
    }
  }

  /** The files in a running sandbox's work directory that say how to reach it. */
  public interface Endpoints {
    /** Rewrites {@code sandbox.tfvars} for a changed model. */
    void update(Sandbox sandbox, Model model);
  }

  /**
   * Writes {@code sandbox.json} and {@code sandbox.tfvars} into the sandbox's work directory and
   * opens the endpoint {@code zdp sandbox query} reaches its Spark session through; both go when
   * the sandbox stops.
   */
  public static Endpoints publish(Sandbox sandbox, Model model) {
    QueryServer queries = QueryServer.start(sandbox, ZeroRenderer.CATALOG_NAME);
    sandbox.onStop("query endpoint", queries);
    SandboxFiles files = SandboxFiles.write(sandbox, model, queries.url(), queries.token());
    sandbox.onStop(SandboxFiles.JSON, files);
    return files::update;
  }

  private void deploy(Deployment deployment, Model model) {
    List<Deployment.CreatedTable> created = deployment.createSourceTables(model);
    ApplyReport report = deployment.apply(model);
    notes.lines(report).forEach(out::println);
    report.lines().forEach(out::println);
    for (Deployment.CreatedTable table : created) {
      if (samples > 0) {
        deployment.sources().insertSamples(table.datastore(), table.dataset(), 1, samples);
      }
    }
    if (samples > 0 && !created.isEmpty()) {
      out.println(
          "Inserted "
              + samples
              + " sample rows into each of "
              + created.size()
              + " new source table(s)");
    }
  }

  /** The database of each ingested datastore, by datastore name. */
  private static SortedMap<String, String> sourceDatabases(Model model) {
    SortedMap<String, String> databases = new TreeMap<>();
    for (PlatformIntentions platform : Deployment.platforms(model)) {
      for (IngestedDatastore ingested : platform.datastores()) {
        databases.put(ingested.datastore().name(), ingested.datastore().capture().database());
      }
    }
    return databases;
  }

  /** The model directory's YAML files and their modification times, to notice edits. */
  private static final class ModelFiles {
    private final Path root;
    private String last;

    ModelFiles(Path root) {
      this.root = root;
      this.last = snapshot();
    }

    boolean changed() {
      String now = snapshot();
      if (now.equals(last)) {
        return false;
      }
      last = now;
      return true;
    }

    private String snapshot() {
      try (var files = Files.walk(root)) {
        StringBuilder state = new StringBuilder();
        for (Path file :
            files
                .filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
                .sorted()
                .toList()) {
          state.append(file).append('@').append(Files.getLastModifiedTime(file)).append('\n');
        }
        return state.toString();
      } catch (java.io.IOException e) {
        return last == null ? "" : last;
      }
    }
  }
}
