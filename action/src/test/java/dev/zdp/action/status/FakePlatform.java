package dev.zdp.action.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Stream;

/**
 * A stand-in for a running platform: Kafka Connect's REST API ({@code GET
 * /connectors?expand=info&expand=status}) and an Iceberg REST catalog's ({@code GET /v1/config},
 * {@code GET /v1/<prefix>/namespaces/<ns>/tables/<table>}) on a local port, and Kafka's topics and
 * the sinks' lag (a {@link TopicReader}), holding connectors, tables, topics and lag as a test
 * deploys and then breaks them. Also runnable on its own ({@code main}) to stand in for the Connect
 * cluster of a generated output directory, for timing {@code zdp status} at scale
 * (docs/performance.md).
 */
public final class FakePlatform implements AutoCloseable {

  /** A connector as the stand-in runs it. */
  public record Connector(SortedMap<String, String> config, String state, List<String> tasks) {}

  private final HttpServer server;
  private final Map<String, Connector> connectors = new ConcurrentSkipListMap<>();
  private final Map<String, TopicReader.Topic> topics = new ConcurrentSkipListMap<>();
  private final Map<String, IcebergCatalog.Table> tables = new ConcurrentSkipListMap<>();
  private final Map<String, TopicReader.Lag> lags = new ConcurrentSkipListMap<>();
  private volatile String groupsRefused;

  /** The path prefix the catalog's config gives, as a catalog serving several warehouses does. */
  private static final String PREFIX = "warehouse-1";

  static {
    // answer at once: without it, the JDK's server waits for the delayed ACK of its headers (about
    // 40 ms a call), which a catalog answering thousands of table loads would not
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private FakePlatform(int port) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    server.createContext("/connectors", this::answer);
    server.createContext("/v1/", this::catalog);
    // a catalog answers several calls at once
    server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
    server.start();
  }

  /** A stand-in on a free port, running nothing. */
  public static FakePlatform start() throws IOException {
    return new FakePlatform(0);
  }

  /** Its REST endpoint, {@code http://127.0.0.1:<port>}. */
  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /**
   * Runs every connector the {@code .tf} files of {@code module} render, as {@code terraform apply}
   * would create them, each with one RUNNING task; secrets take {@code secret}.
   */
  public void deploy(Map<String, byte[]> files, Map<String, String> variables) {
    Generated generated = Generated.read(files, new Variables(new TreeMap<>(variables)));
    generated
        .connectors()
        .forEach(
            (name, connector) -> {
              SortedMap<String, String> config = new TreeMap<>(connector.config());
              connector.sensitive().forEach(key -> config.put(key, "secret"));
              connectors.put(name, new Connector(config, "RUNNING", List.of("RUNNING")));
            });
    generated
        .topics()
        .forEach(
            (name, topic) ->
                topics.put(
                    name,
                    new TopicReader.Topic(topic.partitions(), new TreeMap<>(topic.config()))));
  }

  /**
   * The cluster's topics and its groups' lag, as {@code zdp status} reads them: a group is caught
   * up on each existing topic unless {@link #putLag} said otherwise.
   */
  public TopicReader topicReader() {
    return (platform, variables, wanted, groups, now) -> {
      SortedMap<String, TopicReader.Topic> read = new TreeMap<>();
      topics.forEach(
          (name, topic) -> {
            if (wanted.test(name)) {
              read.put(name, topic);
            }
          });
      SortedMap<String, SortedMap<String, TopicReader.Lag>> lag = new TreeMap<>();
      for (TopicReader.Group group : groups) {
        SortedMap<String, TopicReader.Lag> byTopic = new TreeMap<>();
        group.topics().keySet().stream()
            .filter(topics::containsKey)
            .forEach(
                topic ->
                    byTopic.put(
                        topic,
                        lags.getOrDefault(
                            group.id() + " " + topic, new TopicReader.Lag(0, 0, true))));
        lag.put(group.id(), byTopic);
      }
      return groupsRefused == null
          ? new TopicReader.Cluster(read, lag, Optional.empty())
          : new TopicReader.Cluster(read, new TreeMap<>(), Optional.of(groupsRefused));
    };
  }

  /** Refuses to read consumer groups from now on, as a cluster does without the ACL to. */
  public void refuseGroups(String problem) {
    groupsRefused = problem;
  }

  /** Sets group {@code group}'s lag on {@code topic}. */
  public void putLag(String group, String topic, TopicReader.Lag lag) {
    lags.put(group + " " + topic, lag);
  }

  /** Topic {@code name}. */
  public TopicReader.Topic topic(String name) {
    return topics.get(name);
  }

  /** Replaces (or, with null, deletes) topic {@code name}. */
  public void putTopic(String name, TopicReader.Topic topic) {
    if (topic == null) {
      topics.remove(name);
    } else {
      topics.put(name, topic);
    }
  }

  /** Replaces connector {@code name}. */
  public void put(String name, Connector connector) {
    connectors.put(name, connector);
  }

  /** Connector {@code name}. */
  public Connector get(String name) {
    return connectors.get(name);
  }

  /**
   * Puts (or, with null snapshots, drops) Iceberg table {@code namespace.name}.
   *
   * @param snapshots the commit times of its snapshots, epoch ms
   */
  public void putTable(
      String namespace, String name, List<Long> snapshots, Map<String, String> properties) {
    if (snapshots == null) {
      tables.remove(namespace + "." + name);
    } else {
      tables.put(
          namespace + "." + name, new IcebergCatalog.Table(snapshots, new TreeMap<>(properties)));
    }
  }

  private void catalog(HttpExchange exchange) throws IOException {
    ObjectMapper json = new ObjectMapper();
    String path = exchange.getRequestURI().getPath();
    String tablePrefix = "/v1/" + PREFIX + "/namespaces/";
    ObjectNode root = json.createObjectNode();
    if (path.equals("/v1/config")) {
      root.putObject("defaults");
      root.putObject("overrides").put("prefix", PREFIX);
    } else if (path.startsWith(tablePrefix) && path.contains("/tables/")) {
      String[] parts = path.substring(tablePrefix.length()).split("/tables/");
      IcebergCatalog.Table table = tables.get(parts[0] + "." + parts[1]);
      if (table == null) {
        exchange.sendResponseHeaders(404, -1);
        exchange.close();
        return;
      }
      root.put("metadata-location", "s3://lake/" + parts[1] + "/metadata/v1.metadata.json");
      ObjectNode metadata = root.putObject("metadata");
      metadata.put("format-version", 2);
      ArrayNode snapshots = metadata.putArray("snapshots");
      for (int i = 0; i < table.snapshots().size(); i++) {
        snapshots
            .addObject()
            .put("snapshot-id", i + 1)
            .put("timestamp-ms", table.snapshots().get(i));
      }
      table.properties().forEach(metadata.putObject("properties")::put);
    } else {
      exchange.sendResponseHeaders(400, -1);
      exchange.close();
      return;
    }
    send(exchange, json.writeValueAsBytes(root));
  }

  /** Removes connector {@code name}. */
  public void remove(String name) {
    connectors.remove(name);
  }

  private void answer(HttpExchange exchange) throws IOException {
    ObjectMapper json = new ObjectMapper();
    ObjectNode root = json.createObjectNode();
    connectors.forEach(
        (name, connector) -> {
          ObjectNode entry = root.putObject(name);
          ObjectNode info = entry.putObject("info");
          info.put("name", name);
          connector.config().forEach(info.putObject("config")::put);
          info.put("type", name.endsWith("-sink") ? "sink" : "source");
          ObjectNode status = entry.putObject("status");
          status.put("name", name);
          ObjectNode state = status.putObject("connector");
          state.put("state", connector.state()).put("worker_id", "127.0.0.1:8083");
          ArrayNode tasks = status.putArray("tasks");
          for (int id = 0; id < connector.tasks().size(); id++) {
            ObjectNode task = tasks.addObject();
            task.put("id", id).put("state", connector.tasks().get(id));
            task.put("worker_id", "127.0.0.1:8083");
            if (connector.tasks().get(id).equals("FAILED")) {
              task.put(
                  "trace",
                  "org.apache.kafka.connect.errors.ConnectException: the database is gone\n"
                      + "\tat io.debezium.Something.run(Something.java:1)\n"
                      + "Caused by: java.io.IOException: no answer\n"
                      + "\tat io.debezium.Other.run(Other.java:2)\n"
                      + "Caused by: java.net.ConnectException: Connection refused\n"
                      + "\tat java.net.Socket.connect(Socket.java:3)\n");
            }
          }
          status.put("type", info.get("type").asText());
        });
    send(exchange, json.writeValueAsBytes(root));
  }

  private static void send(HttpExchange exchange, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }

  /**
   * {@code FakePlatform <generated platform directory> <port>}: stands in for the Connect cluster
   * that runs what the directory's Terraform renders, and for the REST catalog holding each sink's
   * staging tables and their live corpus tables, up to date, until killed.
   */
  public static void main(String[] args) throws IOException {
    Path directory = Path.of(args[0]);
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> tf = Files.list(directory)) {
      for (Path file : tf.filter(f -> f.toString().endsWith(".tf")).sorted().toList()) {
        files.put(
            directory.getFileName() + "/" + directory.relativize(file), Files.readAllBytes(file));
      }
    }
    FakePlatform connect = new FakePlatform(Integer.parseInt(args[1]));
    // the stand-in is the catalog too: the sinks' iceberg.catalog.uri is its URL
    connect.deploy(files, Map.of("iceberg_catalog_uri", connect.url()));
    // every sink's staging tables, committed an hour ago and folded into their live corpus tables
    long committed = System.currentTimeMillis() - 3_600_000L;
    connect.connectors.values().stream()
        .map(c -> c.config().getOrDefault("iceberg.tables", ""))
        .flatMap(tables -> Stream.of(tables.split(",")))
        .filter(table -> table.contains("."))
        .forEach(
            table -> {
              String name = table.substring(table.indexOf('.') + 1);
              connect.putTable(
                  table.substring(0, table.indexOf('.')), name, List.of(committed), Map.of());
              connect.putTable(
                  "corpus",
                  name,
                  List.of(committed),
                  Map.of("zdp.merged-staging-snapshot-ms", String.valueOf(committed)));
            });
    System.out.println(
        connect.connectors.size()
            + " connectors and "
            + connect.tables.size()
            + " tables at "
            + connect.url());
  }
}
