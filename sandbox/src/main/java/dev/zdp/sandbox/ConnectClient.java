package dev.zdp.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Kafka Connect's REST API, used the way the Mongey {@code kafka-connect} Terraform provider uses
 * it: a connector is a name and a config map; creating and updating are both {@code PUT
 * /connectors/{name}/config}.
 */
public final class ConnectClient {
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration REBALANCE_LIMIT = Duration.ofSeconds(60);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI baseUrl;
  private final HttpClient http;

  public ConnectClient(URI baseUrl) {
    this.baseUrl = URI.create(baseUrl.toString().replaceAll("/+$", "") + "/");
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  }

  /** The worker's URL. */
  public URI baseUrl() {
    return baseUrl;
  }

  /** The names of all connectors, sorted. */
  public List<String> list() {
    Response response = send("GET", "connectors", null);
    response.requireOk("list connectors");
    List<String> names = new ArrayList<>(response.as(new TypeReference<List<String>>() {}));
    names.sort(Comparator.naturalOrder());
    return names;
  }

  /**
   * The class names of every plugin the worker offers (connectors, transformations, converters,
   * predicates), sorted: to tell "not installed" apart from a bad config before applying.
   */
  public List<String> pluginClasses() {
    Response response = send("GET", "connector-plugins?connectorsOnly=false", null);
    response.requireOk("list connector plugins");
    List<String> classes = new ArrayList<>();
    response.json().forEach(plugin -> classes.add(plugin.path("class").asText()));
    classes.sort(Comparator.naturalOrder());
    return classes;
  }

  /** A connector's stored config map, sorted by key; empty when there is no such connector. */
  public Optional<Map<String, String>> config(String name) {
    Response response = send("GET", "connectors/" + encode(name) + "/config", null);
    if (response.status() == 404) {
      return Optional.empty();
    }
    response.requireOk("read the config of connector '" + name + "'");
    return Optional.of(new TreeMap<>(response.as(new TypeReference<Map<String, String>>() {})));
  }

  /**
   * Makes connector {@code name} have exactly {@code config} ({@code name} is added to the map when
   * missing, as the provider requires). Sends nothing when the stored config already is that.
   */
  public Change createOrUpdate(String name, Map<String, String> config) {
    Map<String, String> desired = new TreeMap<>(config);
    String named = desired.putIfAbsent("name", name);
    if (named != null && !named.equals(name)) {
      throw new SandboxException(
          "Cannot apply connector '"
              + name
              + "': its config names it '"
              + named
              + "'; the 'name' entry must equal the connector's name");
    }
    Optional<Map<String, String>> current = config(name);
    if (current.isPresent() && current.get().equals(desired)) {
      return Change.UNCHANGED;
    }
    Response response = send("PUT", "connectors/" + encode(name) + "/config", desired);
    response.requireOk("apply connector '" + name + "'");
    return current.isPresent() ? Change.UPDATED : Change.CREATED;
  }

  /** Deletes a connector (its offsets stay in the worker's offsets topic); false if absent. */
  public boolean delete(String name) {
    Response response = send("DELETE", "connectors/" + encode(name), null);
    if (response.status() == 404) {
      return false;
    }
    response.requireOk("delete connector '" + name + "'");
    return true;
  }

  /** The connector's and its tasks' states; empty when there is no such connector. */
  public Optional<ConnectorStatus> status(String name) {
    Response response = send("GET", "connectors/" + encode(name) + "/status", null);
    if (response.status() == 404) {
      return Optional.empty();
    }
    response.requireOk("read the status of connector '" + name + "'");
    JsonNode body = response.json();
    List<ConnectorStatus.TaskStatus> tasks = new ArrayList<>();
    for (JsonNode task : body.path("tasks")) {
      tasks.add(
          new ConnectorStatus.TaskStatus(
              task.path("id").asInt(), task.path("state").asText(), text(task.path("trace"))));
    }
    tasks.sort(Comparator.comparingInt(ConnectorStatus.TaskStatus::id));
    JsonNode connector = body.path("connector");
    return Optional.of(
        new ConnectorStatus(
            name, connector.path("state").asText(), text(connector.path("trace")), tasks));
  }

  /**
   * Waits until the connector and all its tasks run.
   *
   * @throws SandboxException at once when the connector or a task failed (with Connect's trace), or
   *     when {@code limit} passes
   */
  public ConnectorStatus awaitRunning(String name, Duration limit) {
    AtomicReference<String> last = new AtomicReference<>("no status yet");
    return Deadline.await(
        "connector '" + name + "' to run",
        limit,
        () -> {
          Optional<ConnectorStatus> status = status(name);
          status.ifPresent(s -> last.set(s.toString()));
          status
              .flatMap(ConnectorStatus::failure)
              .ifPresent(
                  failure -> {
                    throw new SandboxException(firstLines(failure, 6));
                  });
          return status.filter(ConnectorStatus::running);
        },
        last::get);
  }

  private Response send(String method, String path, Object body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(baseUrl.resolve(path))
            .timeout(REQUEST_TIMEOUT)
            .header("Accept", "application/json");
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(write(body)));
    }
    HttpRequest built = request.build();
    AtomicReference<String> last = new AtomicReference<>("no answer");
    // 409: the worker is rebalancing (e.g. right after another change); the request is safe to
    // repeat
    return Deadline.await(
        method + " " + built.uri() + " to be accepted (Connect rebalancing)",
        REBALANCE_LIMIT,
        () -> {
          Response response = exchange(built);
          last.set("HTTP " + response.status() + " " + response.body());
          return response.duringRebalance() ? Optional.empty() : Optional.of(response);
        },
        last::get);
  }

  private Response exchange(HttpRequest request) {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      return new Response(
          request.method() + " " + request.uri(), response.statusCode(), response.body());
    } catch (IOException e) {
      throw new SandboxException(
          "Cannot reach Kafka Connect at "
              + baseUrl
              + " ("
              + request.method()
              + " "
              + request.uri()
              + "): "
              + e,
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SandboxException("Interrupted while calling Kafka Connect", e);
    }
  }

  private static String write(Object body) {
    try {
      return JSON.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Cannot write request body", e);
    }
  }

  private static String encode(String name) {
    return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static Optional<String> text(JsonNode node) {
    return node.isMissingNode() || node.isNull() ? Optional.empty() : Optional.of(node.asText());
  }

  private static String firstLines(String text, int lines) {
    return text.lines().limit(lines).reduce((a, b) -> a + "\n" + b).orElse(text);
  }

  private record Response(String request, int status, String body) {
    /**
     * Connect answers 409 while a rebalance is under way, and 500 "a rebalance is expected" just
     * before one.
     */
    boolean duringRebalance() {
      return status == 409
          || (status >= 500 && body.toLowerCase(Locale.ROOT).contains("rebalance"));
    }

    void requireOk(String action) {
      if (status / 100 != 2) {
        String message;
        try {
          message = JSON.readTree(body).path("message").asText(body);
        } catch (JsonProcessingException e) {
          message = body;
        }
        throw new SandboxException(
            "Cannot " + action + ": Kafka Connect answered HTTP " + status + ": " + message);
      }
    }

    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (JsonProcessingException e) {
        throw new SandboxException(
            "Kafka Connect answered " + request + " with invalid JSON: " + body, e);
      }
    }

    <T> T as(TypeReference<T> type) {
      try {
        return JSON.readValue(body, type);
      } catch (JsonProcessingException e) {
        throw new SandboxException(
            "Kafka Connect answered " + request + " with unexpected JSON: " + body, e);
      }
    }
  }
}
