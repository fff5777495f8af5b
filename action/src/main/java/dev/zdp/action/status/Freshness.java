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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Whether each dataset keeps up with its freshness objective, at both steps a change takes from its
 * topic to the corpus. The sink: a change waiting in the dataset's topic, unread by the Iceberg
 * sink's consumer group ({@code connect-<sink>}, where the sink commits the offsets of what it has
 * handed over for its next staging commit), for longer than the objective is a {@code stale}
 * finding. The MERGE, read from the Iceberg REST catalog: a change staged (a staging snapshot) that
 * its MERGE job has not folded in (the corpus table's watermark, {@link
 * ZeroNames#MERGED_STAGING_PROPERTY}) for longer than the objective is one too.
 */
final class Freshness {

  /** Tables loaded at once: a catalog answers many small reads faster side by side. */
  private static final int PARALLEL = 8;

  private Freshness() {}

  /** What was found: the findings and each dataset's freshness, in the model's order. */
  record Result(List<Finding> findings, List<DatasetFreshness> datasets) {}

  /** One dataset: its topic, read by its datastore's sink, and its MERGE jobs. */
  private record Dataset(
      String name, String topic, String sink, Duration objective, List<Job> jobs) {

    String group() {
      return group(sink);
    }

    /** The consumer group of a sink connector: Kafka Connect's default, which zdp keeps. */
    static String group(String sink) {
      return "connect-" + sink;
    }
  }

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
   * The consumer groups of the platform's sinks, each with its datasets' topics and their
   * objectives: what {@link #check} needs of the cluster.
   */
  static List<TopicReader.Group> groups(PlatformIntentions intentions) {
    SortedMap<String, SortedMap<String, Duration>> groups = new TreeMap<>();
    for (Dataset dataset : datasets(intentions)) {
      groups
          .computeIfAbsent(dataset.group(), g -> new TreeMap<>())
          .put(dataset.topic(), dataset.objective());
    }
    List<TopicReader.Group> list = new ArrayList<>();
    groups.forEach((id, topics) -> list.add(new TopicReader.Group(id, topics)));
    return list;
  }

  /**
   * The stale findings of {@code intentions}' datasets and each one's freshness; one finding more
   * when the catalog cannot be read. The catalog is read only when the platform's is a REST
   * catalog.
   *
   * @param lag what {@link #groups} read of the cluster, by group then topic; empty when the
   *     cluster could not be read (its finding is made where it was read)
   * @param connectUrl Kafka Connect's REST endpoint, for the fix of a sink that does not keep up
   * @param counts gets {@code datasets}: how many were compared with their objective
   */
  static Result check(
      PlatformIntentions intentions,
      Map<String, String> variables,
      HttpClient http,
      Instant now,
      Optional<SortedMap<String, SortedMap<String, TopicReader.Lag>>> lag,
      String connectUrl,
      Map<String, Integer> counts) {
    Platform platform = intentions.platform();
    List<Dataset> datasets = datasets(intentions);
    counts.put("datasets", datasets.size());
    List<Finding> findings = new ArrayList<>();
    Map<Job, Read> reads = new HashMap<>();
    Platform.CatalogSettings settings = platform.iceberg().catalog();
    if (settings.type().equals("rest")) {
      String url = variables.getOrDefault("iceberg_catalog_uri", settings.uri().orElse(""));
      Optional<ZeroNames.CredentialVariables> credential =
          settings.credential().map(ZeroNames::credentialVariables);
      List<Job> jobs = datasets.stream().flatMap(d -> d.jobs().stream()).toList();
      try {
        IcebergCatalog catalog =
            IcebergCatalog.connect(
                http,
                url,
                variables.getOrDefault("iceberg_warehouse", platform.iceberg().warehouse()),
                credential.map(c -> variables.get(c.user())),
                credential.map(c -> variables.get(c.password())));
        List<Read> read = read(catalog, jobs);
        for (int i = 0; i < jobs.size(); i++) {
          reads.put(jobs.get(i), read.get(i));
        }
      } catch (Unreachable e) {
        findings.addAll(
            PlatformStatus.unreachable(
                platform,
                "catalog " + url,
                "the Iceberg catalog's tables cannot be read",
                e,
                "check that the catalog runs and that iceberg_catalog_uri is its REST endpoint",
                "iceberg_catalog_uri=URL"));
      }
    }
    String servers =
        variables.getOrDefault("kafka_bootstrap_servers", platform.kafka().bootstrapServers());
    List<DatasetFreshness> freshness = new ArrayList<>();
    for (Dataset dataset : datasets) {
      Optional<TopicReader.Lag> behind =
          lag.map(groups -> groups.getOrDefault(dataset.group(), new TreeMap<>()))
              .map(topics -> topics.get(dataset.topic()));
      behind
          .flatMap(l -> unread(platform, dataset, l, connectUrl, servers))
          .ifPresent(findings::add);
      Optional<Instant> latest = Optional.empty();
      Optional<Instant> merged = Optional.empty();
      boolean allMerged = true;
      for (Job job : dataset.jobs()) {
        Read read = reads.get(job);
        if (read == null) {
          allMerged = false;
          continue;
        }
        stale(platform, job, read, now).ifPresent(findings::add);
        OptionalLong staged =
            read.staging().map(IcebergCatalog.Table::latest).orElse(OptionalLong.empty());
        if (staged.isPresent()) {
          latest = Optional.of(Instant.ofEpochMilli(staged.getAsLong()));
        }
        OptionalLong watermark =
            read.corpus().map(IcebergCatalog.Table::watermark).orElse(OptionalLong.empty());
        if (watermark.isEmpty()) {
          allMerged = false;
        } else {
          Instant at = Instant.ofEpochMilli(watermark.getAsLong());
          merged = merged.filter(m -> m.isBefore(at)).or(() -> Optional.of(at));
        }
      }
      freshness.add(
          new DatasetFreshness(
              platform.name(),
              dataset.name(),
              dataset.objective(),
              latest,
              allMerged ? merged : Optional.empty(),
              behind.map(l -> OptionalLong.of(l.records())).orElse(OptionalLong.empty())));
    }
    return new Result(findings, freshness);
  }

  /**
   * A finding when the sink has left changes in the dataset's topic unread for longer than the
   * objective: it is stopped, failing, or slower than the changes come.
   */
  private static Optional<Finding> unread(
      Platform platform, Dataset dataset, TopicReader.Lag lag, String connectUrl, String servers) {
    if (lag.overdue() == 0) {
      return Optional.empty();
    }
    return Optional.of(
        new Finding(
            platform.name(),
            Finding.STALE,
            "dataset " + dataset.name(),
            "sink "
                + dataset.sink()
                + " has not read "
                + lag.overdue()
                + (lag.overdue() == 1 ? " change" : " changes")
                + " of topic "
                + dataset.topic()
                + " that are older than its freshness objective of "
                + Durations.format(dataset.objective())
                + " (consumer group "
                + dataset.group()
                + (lag.committed()
                    ? " lags " + lag.records() + " records"
                    : " has committed no offset; " + lag.records() + " records wait")
                + ")",
            "see why the sink does not keep up: curl "
                + connectUrl.replaceAll("/+$", "")
                + "/connectors/"
                + dataset.sink()
                + "/status, and its group: kafka-consumer-groups.sh --bootstrap-server "
                + servers
                + " --describe --group "
                + dataset.group()));
  }

  private static List<Dataset> datasets(PlatformIntentions intentions) {
    Platform platform = intentions.platform();
    List<Dataset> datasets = new ArrayList<>();
    for (IngestedDatastore ingested : intentions.datastores()) {
      Datastore datastore = ingested.datastore();
      for (IngestedDataset dataset : ingested.datasets()) {
        String name = datastore.name() + "." + dataset.name();
        Duration objective = dataset.freshness(platform);
        ZeroNames.TableName staging =
            ZeroNames.stagingTable(platform, datastore, dataset.dataset());
        List<Job> jobs = new ArrayList<>();
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
        datasets.add(
            new Dataset(
                name,
                ZeroNames.topic(platform, datastore, dataset.dataset()),
                ZeroNames.sinkConnector(platform, datastore),
                objective,
                List.copyOf(jobs)));
      }
    }
    return datasets;
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
