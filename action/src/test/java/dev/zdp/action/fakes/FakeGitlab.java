package dev.zdp.action.fakes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local server speaking GitLab's merge request notes endpoints ({@code GET}, {@code POST}, {@code
 * PUT} on {@code /api/v4/projects/:id/merge_requests/:iid/notes}), paginated with {@code
 * X-Next-Page} as GitLab does, authenticated by {@code PRIVATE-TOKEN}. Anything else answers 404
 * and is listed in {@link #unexpected()}.
 */
public final class FakeGitlab implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern NOTES =
      Pattern.compile("/api/v4/projects/([^/]+)/merge_requests/(\\d+)/notes");
  private static final Pattern NOTE =
      Pattern.compile("/api/v4/projects/([^/]+)/merge_requests/(\\d+)/notes/(\\d+)");

  /** One note as stored. */
  public record Note(long id, long mergeRequest, String body, boolean system) {}

  private final HttpServer server;
  private final String projectId;
  private final String token;
  private final int pageSize;
  private final Map<Long, Note> notes = Collections.synchronizedMap(new LinkedHashMap<>());
  private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
  private final List<String> unexpected = Collections.synchronizedList(new ArrayList<>());
  private long nextId = 500;

  /**
   * @param pageSize the most notes one page holds, whatever {@code per_page} asks (small, to make
   *     clients page)
   */
  public FakeGitlab(String projectId, String token, int pageSize) throws IOException {
    this.projectId = projectId;
    this.token = token;
    this.pageSize = pageSize;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  public String apiUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/v4";
  }

  public synchronized Note addNote(long mergeRequest, String body, boolean system) {
    Note note = new Note(nextId++, mergeRequest, body, system);
    notes.put(note.id(), note);
    return note;
  }

  public List<Note> notes(long mergeRequest) {
    synchronized (notes) {
      return notes.values().stream().filter(n -> n.mergeRequest() == mergeRequest).toList();
    }
  }

  public List<String> requests(String method) {
    synchronized (requests) {
      return requests.stream().filter(r -> r.startsWith(method + " ")).toList();
    }
  }

  public List<String> unexpected() {
    synchronized (unexpected) {
      return List.copyOf(unexpected);
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getPath();
    requests.add(method + " " + exchange.getRequestURI());
    try (exchange) {
      if (!token.equals(exchange.getRequestHeaders().getFirst("PRIVATE-TOKEN"))) {
        send(exchange, 401, Map.of(), message("401 Unauthorized"));
        return;
      }
      Matcher m;
      if ((m = NOTES.matcher(path)).matches() && m.group(1).equals(projectId)) {
        long iid = Long.parseLong(m.group(2));
        if (method.equals("GET")) {
          list(exchange, iid);
        } else if (method.equals("POST")) {
          send(exchange, 201, Map.of(), note(addNote(iid, body(exchange), false)));
        } else {
          refuse(exchange);
        }
      } else if ((m = NOTE.matcher(path)).matches()
          && m.group(1).equals(projectId)
          && method.equals("PUT")) {
        Note old = notes.get(Long.parseLong(m.group(3)));
        if (old == null) {
          send(exchange, 404, Map.of(), message("404 Not found"));
          return;
        }
        Note updated = new Note(old.id(), old.mergeRequest(), body(exchange), old.system());
        notes.put(old.id(), updated);
        send(exchange, 200, Map.of(), note(updated));
      } else {
        refuse(exchange);
      }
    }
  }

  private void list(HttpExchange exchange, long iid) throws IOException {
    int page = 1;
    String query = exchange.getRequestURI().getQuery();
    if (query != null) {
      for (String pair : query.split("&")) {
        if (pair.startsWith("page=")) {
          page = Integer.parseInt(pair.substring(5));
        }
      }
    }
    List<Note> all = notes(iid);
    int from = Math.min((page - 1) * pageSize, all.size());
    int to = Math.min(from + pageSize, all.size());
    ArrayNode list = JSON.createArrayNode();
    all.subList(from, to).forEach(n -> list.add(note(n)));
    send(
        exchange,
        200,
        Map.of("X-Next-Page", to < all.size() ? Integer.toString(page + 1) : ""),
        list);
  }

  private void refuse(HttpExchange exchange) throws IOException {
    unexpected.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
    send(exchange, 404, Map.of(), message("404 Not found"));
  }

  private static String body(HttpExchange exchange) throws IOException {
    return JSON.readTree(exchange.getRequestBody().readAllBytes()).path("body").asText();
  }

  private static ObjectNode note(Note n) {
    ObjectNode note = JSON.createObjectNode();
    note.put("id", n.id());
    note.put("type", (String) null);
    note.put("body", n.body());
    note.putObject("author").put("id", 1).put("username", "project_1_bot").put("name", "zdp");
    note.put("created_at", "2013-10-02T09:22:45Z");
    note.put("updated_at", "2013-10-02T10:22:45Z");
    note.put("system", n.system());
    note.put("noteable_id", 377);
    note.put("noteable_type", "MergeRequest");
    note.put("noteable_iid", n.mergeRequest());
    note.put("resolvable", false);
    return note;
  }

  private static ObjectNode message(String text) {
    return JSON.createObjectNode().put("message", text);
  }

  private static void send(
      HttpExchange exchange, int status, Map<String, String> headers, JsonNode body)
      throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    headers.forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
