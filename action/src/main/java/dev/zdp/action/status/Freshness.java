package dev.zdp.action.status;

import dev.zdp.model.Datastore;
import dev.zdp.model.Durations;
import dev.zdp.model.Platform;
import dev.zdp.model.platform.IngestedDataset;
import dev.zdp.model.platform.IngestedDatastore;
import dev.zdp.model.platform.PlatformIntentions;
import dev.zdp.model.platform.zero.ZeroLayout;
import dev.zdp.model.platform.zero.ZeroNames;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Whether each corpus table keeps up with its staging table, read from the Iceberg REST catalog: a
 * change staged (a staging snapshot) that its MERGE job has not folded in (the corpus table's
 * watermark, {@link ZeroNames#MERGED_STAGING_PROPERTY}) for longer than the dataset's freshness
 * objective is a {@code stale} finding.
 */
final class Freshness {

  /** Tables loaded at once: a catalog answers many small reads faster side by side. */
  private static final int PARALLEL = 8;

  private Freshness() {}

  /** One MERGE job's tables: its staging table and the corpus table it writes. */
  private record Job(
      String dataset,
      ZeroNames.TableName staging,
      ZeroNames.TableName corpus,
      String job,
      String file,
      Duration objective) {}

  /** What was read of one job's tables. */
  private record Read(
      Optional<IcebergCatalog.Table> staging, Optional<IcebergCatalog.Table> corpus) {}

  /**
   * The stale findings of {@code intentions}' datasets, or one finding when the catalog cannot be
   * read; empty when the platform's catalog is not a REST catalog (nothing else is read).
   *
   * @param counts gets {@code datasets}: how many were compared with their objective
   */
  static List<Finding> check(
      PlatformIntentions intentions,
      Map<String, String> variables,
      HttpClient http,
      Instant now,
      Map<String, Integer> counts) {
    Platform platform = intentions.platform();
    Platform.CatalogSettings settings = platform.iceberg().catalog();
    if (!settings.type().equals("rest")) {
      return List.of();
    }
    String url = variables.getOrDefault("iceberg_catalog_uri", settings.uri().orElse(""));
    Optional<ZeroNames.CredentialVariables> credential =
        settings.credential().map(ZeroNames::credentialVariables);
    List<Job> jobs = jobs(intentions);
    counts.put("datasets", (int) jobs.stream().map(Job::dataset).distinct().count());
    List<Read> reads;
    try {
      IcebergCatalog catalog =
          IcebergCatalog.connect(
              http,
              url,
              variables.getOrDefault("iceberg_warehouse", platform.iceberg().warehouse()),
              credential.map(c -> variables.get(c.user())),
              credential.map(c -> variables.get(c.password())));
      reads = read(catalog, jobs);
    } catch (Unreachable e) {
      return PlatformStatus.unreachable(
          platform,
          "catalog " + url,
          "the Iceberg catalog's tables cannot be read",
          e,
          "check that the catalog runs and that iceberg_catalog_uri is its REST endpoint",
          "iceberg_catalog_uri=URL");
    }
    List<Finding> findings = new ArrayList<>();
    for (int i = 0; i < jobs.size(); i++) {
      stale(platform, jobs.get(i), reads.get(i), now).ifPresent(findings::add);
    }
    return findings;
  }

  private static List<Job> jobs(PlatformIntentions intentions) {
    Platform platform = intentions.platform();
    List<Job> jobs = new ArrayList<>();
    for (IngestedDatastore ingested : intentions.datastores()) {
      Datastore datastore = ingested.datastore();
      for (IngestedDataset dataset : ingested.datasets()) {
        String name = datastore.name() + "." + dataset.name();
        Duration objective = dataset.freshness(platform);
        ZeroNames.TableName staging =
            ZeroNames.stagingTable(platform, datastore, dataset.dataset());
        // the live job always, the forensic one when a consumer asks for it, as generate renders
        for (boolean forensic : dataset.forensic() ? List.of(false, true) : List.of(false)) {
          jobs.add(
              new Job(
                  name,
                  staging,
                  forensic
                      ? ZeroNames.forensicTable(platform, datastore, dataset.dataset())
                      : ZeroNames.liveTable(platform, datastore, dataset.dataset()),
                  ZeroNames.mergeJob(
                      platform, datastore, dataset.dataset(), forensic ? "forensic" : "live"),
                  platform.name()
                      + "/"
                      + ZeroLayout.mergeJob(datastore.name(), dataset.name(), forensic),
                  objective));
        }
      }
    }
    return jobs;
  }

  /** Each job's tables, in order, {@link #PARALLEL} loads at a time. */
  private static List<Read> read(IcebergCatalog catalog, List<Job> jobs) throws Unreachable {
    ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
    try {
      List<Future<Read>> futures = new ArrayList<>();
      for (Job job : jobs) {
        futures.add(
            pool.submit(
                () ->
                    new Read(
                        catalog.table(job.staging().namespace(), job.staging().name()),
                        catalog.table(job.corpus().namespace(), job.corpus().name()))));
      }
      List<Read> reads = new ArrayList<>();
      for (Future<Read> future : futures) {
        reads.add(future.get());
      }
      return reads;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Unreachable unreachable) {
        throw unreachable;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Unreachable("interrupted", e);
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * A finding when a staging snapshot the corpus table has not folded in is older than the
   * objective: the oldest such snapshot says how long the corpus has been behind.
   */
  private static Optional<Finding> stale(Platform platform, Job job, Read read, Instant now) {
    if (read.staging().isEmpty()) {
      return Optional.empty(); // nothing staged yet: nothing to fold
    }
    IcebergCatalog.Table staging = read.staging().get();
    OptionalLong watermark =
        read.corpus().map(IcebergCatalog.Table::watermark).orElse(OptionalLong.empty());
    OptionalLong oldestUnfolded =
        staging.snapshots().stream()
            .mapToLong(Long::longValue)
            .filter(ms -> watermark.isEmpty() || ms > watermark.getAsLong())
            .min();
    if (oldestUnfolded.isEmpty()) {
      return Optional.empty();
    }
    Duration behind = Duration.between(Instant.ofEpochMilli(oldestUnfolded.getAsLong()), now);
    if (behind.compareTo(job.objective()) <= 0) {
      return Optional.empty();
    }
    String folded =
        watermark.isPresent()
            ? "its MERGE last folded staging as of "
                + time(watermark.getAsLong())
                + ", the latest staging commit is "
                + time(staging.latest().getAsLong())
            : read.corpus().isPresent()
                ? "its MERGE has not recorded folding staging in (no "
                    + ZeroNames.MERGED_STAGING_PROPERTY
                    + " property), the latest staging commit is "
                    + time(staging.latest().getAsLong())
                : "it does not exist: its MERGE has never run, the latest staging commit is "
                    + time(staging.latest().getAsLong());
    return Optional.of(
        new Finding(
            platform.name(),
            Finding.STALE,
            "dataset " + job.dataset(),
            "corpus table "
                + job.corpus()
                + " is "
                + Durations.format(behind)
                + " behind "
                + job.staging()
                + ", past its freshness objective of "
                + Durations.format(job.objective())
                + ": "
                + folded,
            "run MERGE job "
                + job.job()
                + " ("
                + job.file()
                + "; in Airflow the DAG zdp_"
                + platform.name()
                + "_merge) and see why it has not run or failed; if the objective is too strict,"
                + " change freshness in the model"));
  }

  private static String time(long epochMs) {
    return Instant.ofEpochMilli(epochMs).truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
