package dev.zdp.action.status;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Kafka Connect's REST API, read in one call: {@code GET /connectors?expand=info&expand=status}
 * gives every connector's config, state and tasks.
 */
final class ConnectApi {

  /** A connector as Connect runs it. */
  record Live(SortedMap<String, String> config, State connector, List<Task> tasks) {}

  /** A connector's or task's state, and the first line of its trace when it failed. */
  record State(String state, Optional<String> trace) {}

  /** One task. */
  record Task(int id, State state) {}

  private final HttpClient http;
  private final URI base;
  private final Optional<String> authorization;

  /**
   * @param user and {@code password}: Connect's basic auth, when it has one
   */
  ConnectApi(HttpClient http, String url, Optional<String> user, Optional<String> password) {
    this.http = http;
    this.base = URI.create(url.endsWith("/") ? url : url + "/");
    this.authorization =
        user.flatMap(
            u ->
                password.map(
                    p ->
                        "Basic "
                            + Base64.getEncoder()
                                .encodeToString((u + ":" + p).getBytes(StandardCharsets.UTF_8))));
  }

  /** The REST URL of {@code path} (no leading slash), for the calls a finding suggests. */
  String url(String path) {
    return base.resolve(path).toString();
  }

  /** Every connector, by name. */
  SortedMap<String, Live> connectors() throws Unreachable {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve("connectors?expand=info&expand=status"));
    authorization.ifPresent(a -> request.header("Authorization", a));
    JsonNode answer =
        JsonHttp.send(http, request, "GET /connectors", "Connect")
            .orElseThrow(() -> new Unreachable("GET /connectors answered HTTP 404", null));
    try {
      return parse(answer);
    } catch (RuntimeException e) {
      throw new Unreachable("GET /connectors did not answer Connect's JSON: " + e, e);
    }
  }

  static SortedMap<String, Live> parse(JsonNode root) {
    SortedMap<String, Live> connectors = new TreeMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      JsonNode info = entry.getValue().path("info");
      JsonNode status = entry.getValue().path("status");
      SortedMap<String, String> config = new TreeMap<>();
      info.path("config")
          .fields()
          .forEachRemaining(c -> config.put(c.getKey(), c.getValue().asText()));
      List<Task> tasks = new ArrayList<>();
      for (JsonNode task : status.path("tasks")) {
        tasks.add(new Task(task.path("id").asInt(), state(task)));
      }
      tasks.sort(java.util.Comparator.comparingInt(Task::id));
      connectors.put(
          entry.getKey(), new Live(config, state(status.path("connector")), List.copyOf(tasks)));
    }
    return connectors;
  }

  private static State state(JsonNode node) {
    String trace = node.path("trace").asText("");
    return new State(
        node.path("state").asText("UNKNOWN"),
        trace.isBlank() ? Optional.empty() : Optional.of(summary(trace)));
  }

  /**
   * A stack trace in one line: its first, and the root cause's when there is one ({@code failing
   * task} says less than {@code role "cdc" is not permitted to log in}).
   */
  static String summary(String trace) {
    List<String> lines = trace.strip().lines().toList();
    String root = "";
    for (String line : lines) {
      if (line.startsWith("Caused by: ")) {
        root = line.substring("Caused by: ".length()).strip();
      }
    }
    return root.isEmpty() || root.equals(lines.get(0))
        ? lines.get(0)
        : lines.get(0) + " (caused by " + root + ")";
  }
}
