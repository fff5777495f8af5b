package dev.zdp.action.status;

import dev.zdp.model.Model;
import dev.zdp.model.Platform;
import dev.zdp.model.platform.IntentionGraph;
import dev.zdp.model.platform.PlatformIntentions;
import dev.zdp.model.platform.zero.ZeroNames;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Compares a running platform with what {@code generate} renders for the model: health (each
 * connector and task RUNNING), freshness (each corpus table within its objective, {@link
 * Freshness}) and drift (configs changed by hand, connectors missing or no longer generated). An
 * endpoint that cannot be reached is a finding, never a failure.
 */
public final class PlatformStatus {

  /** Keys whose values are not shown even when the model does not render them as secrets. */
  private static final Pattern SECRET_KEY =
      Pattern.compile("(?i)password|secret|token|credential|sasl\\.jaas|key\\.id|access\\.key");

  private PlatformStatus() {}

  /**
   * The {@code .tf} files written into an output directory, by path in it, as {@link #check} takes
   * them; directories whose names start with a dot (Terraform's {@code .terraform/}, a cached
   * clone) are not read.
   */
  public static SortedMap<String, byte[]> terraformIn(Path output) throws IOException {
    SortedMap<String, byte[]> files = new TreeMap<>();
    Files.walkFileTree(
        output,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
            return !dir.equals(output) && dir.getFileName().toString().startsWith(".")
                ? FileVisitResult.SKIP_SUBTREE
                : FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attributes)
              throws IOException {
            if (file.getFileName().toString().endsWith(".tf")) {
              files.put(
                  output.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
            return FileVisitResult.CONTINUE;
          }
        });
    return files;
  }

  /**
   * Checks every Zero platform of {@code model}.
   *
   * @param rendered what {@code generate} renders for the model (or wrote), by path in the output
   * @param http how Kafka Connect's REST API is called
   * @param topics how the Kafka cluster's topics are read
   * @param freshness whether to read the Iceberg catalog for stale datasets (drift alone does not
   *     need it)
   */
  public static StatusReport check(
      Model model,
      SortedMap<String, byte[]> rendered,
      Variables overrides,
      HttpClient http,
      TopicReader topics,
      boolean freshness) {
    List<Finding> findings = new ArrayList<>();
    List<DatasetFreshness> datasets = new ArrayList<>();
    SortedMap<String, SortedMap<String, Integer>> checked = new TreeMap<>();
    Instant now = Instant.now();
    for (PlatformIntentions intentions : IntentionGraph.of(model).platforms()) {
      Platform platform = intentions.platform();
      SortedMap<String, byte[]> files = new TreeMap<>();
      String prefix = platform.name() + "/";
      rendered.forEach(
          (path, bytes) -> {
            if (path.startsWith(prefix) && path.endsWith(".tf")) {
              files.put(path, bytes);
            }
          });
      if (files.isEmpty()) {
        continue;
      }
      Generated generated = Generated.read(files, overrides);
      SortedMap<String, Integer> counts = new TreeMap<>();
      counts.put("connectors", generated.connectors().size());
      counts.put("topics", generated.topics().size());
      findings.addAll(connectors(platform, generated, http));
      Optional<SortedMap<String, SortedMap<String, TopicReader.Lag>>> lag =
          topics(
              platform,
              generated,
              topics,
              freshness ? Freshness.groups(intentions) : List.of(),
              now,
              findings);
      if (freshness) {
        Freshness.Result fresh =
            Freshness.check(
                intentions,
                generated.variables(),
                http,
                now,
                lag,
                connectUrl(platform, generated),
                counts);
        findings.addAll(fresh.findings());
        datasets.addAll(fresh.datasets());
      }
      checked.put(platform.name(), counts);
    }
    return new StatusReport(findings, checked, datasets);
  }

  private static String connectUrl(Platform platform, Generated generated) {
    return generated.variables().getOrDefault("connect_url", platform.connect().url());
  }

  private static List<Finding> connectors(Platform platform, Generated generated, HttpClient http) {
    String url = connectUrl(platform, generated);
    Optional<ZeroNames.CredentialVariables> credential =
        platform.connect().credential().map(ZeroNames::credentialVariables);
    ConnectApi connect =
        new ConnectApi(
            http,
            url,
            credential.map(c -> generated.variables().get(c.user())),
            credential.map(c -> generated.variables().get(c.password())));
    SortedMap<String, ConnectApi.Live> live;
    try {
      live = connect.connectors();
    } catch (Unreachable e) {
      return unreachable(
          platform,
          "connect " + url,
          "Kafka Connect cannot be read",
          e,
          "check that Connect runs and that connect_url is its REST endpoint",
          "connect_url=URL");
    }
    List<Finding> findings = new ArrayList<>();
    generated
        .connectors()
        .forEach(
            (name, expected) -> {
              ConnectApi.Live running = live.get(name);
              String object = "connector " + name;
              if (running == null) {
                findings.add(missing(platform, object, expected.file(), "Connect"));
                return;
              }
              findings.addAll(health(platform, connect, object, name, running));
              findings.addAll(
                  keys(
                      platform,
                      object,
                      expected.file(),
                      expected.config(),
                      expected.sensitive(),
                      running.config()));
            });
    live.keySet().stream()
        .filter(name -> ZeroNames.isConnectorOf(platform, name))
        .filter(name -> !generated.connectors().containsKey(name))
        .forEach(
            name ->
                findings.add(
                    notGenerated(
                        platform,
                        "connector " + name,
                        "Connect runs it",
                        "delete it: curl -X DELETE "
                            + connect.url("connectors/" + name)
                            + " (terraform apply does it when the connector is in its state)")));
    return findings;
  }

  /**
   * Adds the topics' findings to {@code findings}; the lag of {@code groups}, by group then topic,
   * when the cluster could be read.
   */
  private static Optional<SortedMap<String, SortedMap<String, TopicReader.Lag>>> topics(
      Platform platform,
      Generated generated,
      TopicReader reader,
      List<TopicReader.Group> groups,
      Instant now,
      List<Finding> findings) {
    TopicReader.Cluster cluster;
    String servers = generated.variables().getOrDefault("kafka_bootstrap_servers", "");
    try {
      cluster =
          reader.read(
              platform,
              generated.variables(),
              name -> generated.topics().containsKey(name) || ZeroNames.isTopicOf(platform, name),
              groups,
              now);
    } catch (Unreachable e) {
      findings.addAll(
          unreachable(
              platform,
              "kafka " + servers,
              "the Kafka cluster's topics cannot be read",
              e,
              "check that Kafka runs and that kafka_bootstrap_servers names its brokers",
              "kafka_bootstrap_servers=HOST:PORT"));
      return Optional.empty();
    }
    SortedMap<String, TopicReader.Topic> live = cluster.topics();
    cluster
        .lagProblem()
        .ifPresent(
            problem ->
                findings.add(
                    new Finding(
                        platform.name(),
                        Finding.UNREACHABLE,
                        "kafka " + servers,
                        "the sinks' consumer groups cannot be read: " + problem,
                        "let the Kafka credential describe the groups connect-<platform>-*"
                            + " (ACL DESCRIBE on GROUP) to see the sinks' lag")));
    generated
        .topics()
        .forEach(
            (name, expected) -> {
              String object = "topic " + name;
              TopicReader.Topic running = live.get(name);
              if (running == null) {
                findings.add(missing(platform, object, expected.file(), "the cluster"));
                return;
              }
              if (running.partitions() != expected.partitions()) {
                findings.add(
                    new Finding(
                        platform.name(),
                        Finding.DRIFT,
                        object,
                        "it has "
                            + running.partitions()
                            + " partitions; the model renders "
                            + expected.partitions(),
                        running.partitions() < expected.partitions()
                            ? "add partitions: " + Generated.apply(expected.file())
                            : "Kafka cannot remove partitions: "
                                + Generated.apply(expected.file())
                                + " re-creates the topic (its retained changes are lost),"
                                + " or change the model"));
              }
              findings.addAll(
                  keys(
                      platform,
                      object,
                      expected.file(),
                      expected.config(),
                      Set.of(),
                      running.config()));
            });
    live.keySet().stream()
        .filter(name -> !generated.topics().containsKey(name))
        .forEach(
            name ->
                findings.add(
                    notGenerated(
                        platform,
                        "topic " + name,
                        "the cluster has it",
                        "delete it once nothing reads it: kafka-topics.sh --bootstrap-server "
                            + servers
                            + " --delete --topic "
                            + name)));
    return cluster.lagProblem().isPresent() ? Optional.empty() : Optional.of(cluster.lag());
  }

  private static List<Finding> health(
      Platform platform, ConnectApi connect, String object, String name, ConnectApi.Live running) {
    List<Finding> findings = new ArrayList<>();
    String status = "curl " + connect.url("connectors/" + name + "/status");
    ConnectApi.State state = running.connector();
    switch (state.state()) {
      case "RUNNING" -> {}
      case "PAUSED", "STOPPED" ->
          findings.add(
              new Finding(
                  platform.name(),
                  Finding.HEALTH,
                  object,
                  "the connector is " + state.state(),
                  "resume it: curl -X PUT " + connect.url("connectors/" + name + "/resume")));
      default ->
          findings.add(
              new Finding(
                  platform.name(),
                  Finding.HEALTH,
                  object,
                  "the connector is " + state.state() + state.trace().map(t -> ": " + t).orElse(""),
                  "see its trace: "
                      + status
                      + "; restart it: curl -X POST "
                      + connect.url(
                          "connectors/" + name + "/restart?includeTasks=true&onlyFailed=true")));
    }
    if (running.tasks().isEmpty() && state.state().equals("RUNNING")) {
      findings.add(
          new Finding(
              platform.name(),
              Finding.HEALTH,
              object,
              "the connector runs no task",
              "see why: " + status));
    }
    for (ConnectApi.Task task : running.tasks()) {
      String taskState = task.state().state();
      if (taskState.equals("RUNNING") || taskState.equals(state.state())) {
        continue; // a paused connector's tasks are paused: one finding says it
      }
      findings.add(
          new Finding(
              platform.name(),
              Finding.HEALTH,
              object + " task " + task.id(),
              "the task is " + taskState + task.state().trace().map(t -> ": " + t).orElse(""),
              "see its trace: curl "
                  + connect.url("connectors/" + name + "/tasks/" + task.id() + "/status")
                  + "; restart it: curl -X POST "
                  + connect.url("connectors/" + name + "/tasks/" + task.id() + "/restart")));
    }
    return findings;
  }

  /**
   * A service that cannot be read: one finding for it, with the variable that points at it.
   *
   * @param check what to check, naming the variable
   * @param example the variable with a value, {@code connect_url=URL}
   */
  static List<Finding> unreachable(
      Platform platform,
      String object,
      String problem,
      Unreachable e,
      String check,
      String example) {
    return List.of(
        new Finding(
            platform.name(),
            Finding.UNREACHABLE,
            object,
            problem + ": " + e.getMessage(),
            check + " (--var " + example + " or --var-file)"));
  }

  /** An object the model generates in {@code file} that {@code holder} does not have. */
  private static Finding missing(Platform platform, String object, String file, String holder) {
    return new Finding(
        platform.name(),
        Finding.DRIFT,
        object,
        "the model generates it ("
            + file
            + ") but "
            + holder
            + " has no such "
            + object.split(" ")[0],
        "create it: " + Generated.apply(file));
  }

  /** An object named as the platform's that the model no longer generates. */
  private static Finding notGenerated(Platform platform, String object, String where, String fix) {
    return new Finding(
        platform.name(),
        Finding.DRIFT,
        object,
        where + " but the model no longer generates it",
        fix);
  }

  /** Keys changed, missing or added by hand; a secret's presence only. */
  private static List<Finding> keys(
      Platform platform,
      String object,
      String file,
      Map<String, String> rendered,
      Set<String> sensitive,
      Map<String, String> live) {
    String fix =
        "put the rendered config back (" + Generated.apply(file) + "), or change the model";
    List<Finding> findings = new ArrayList<>();
    Set<String> keys = new TreeSet<>(rendered.keySet());
    keys.addAll(live.keySet());
    for (String key : keys) {
      String want = rendered.get(key);
      String have = live.get(key);
      boolean secret = sensitive.contains(key) || SECRET_KEY.matcher(key).find();
      String problem;
      if (want == null) {
        problem =
            "key '"
                + key
                + "' is set by hand"
                + (secret ? "" : " to '" + have + "'")
                + "; the model does not render it";
      } else if (have == null) {
        problem =
            "key '"
                + key
                + "' is missing"
                + (secret ? " (a credential)" : "; the model renders '" + want + "'");
      } else if (!secret && !want.equals(have)) {
        problem = "key '" + key + "' is '" + have + "'; the model renders '" + want + "'";
      } else {
        continue;
      }
      findings.add(new Finding(platform.name(), Finding.DRIFT, object, problem, fix));
    }
    return findings;
  }
}
