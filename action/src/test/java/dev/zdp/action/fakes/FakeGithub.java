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
 * A local server speaking the GitHub REST endpoints the action calls, with bodies shaped as GitHub
 * documents them: get a repository, get an issue, list, create and update issue comments, and
 * {@code GET /user} answered as for the workflow's installation token. Every request is recorded; a
 * request for anything else answers 404 and is listed in {@link #unexpected()}, so a gap shows in
 * the test that hits it.
 */
public final class FakeGithub implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern REPO = Pattern.compile("/repos/([^/]+)/([^/]+)");
  private static final Pattern ISSUE = Pattern.compile("/repos/([^/]+)/([^/]+)/issues/(\\d+)");
  private static final Pattern COMMENTS =
      Pattern.compile("/repos/([^/]+)/([^/]+)/issues/(\\d+)/comments");
  private static final Pattern COMMENT =
      Pattern.compile("/repos/([^/]+)/([^/]+)/issues/comments/(\\d+)");

  /** One comment as stored. */
  public record Comment(long id, int issue, String body, String login) {}

  private final HttpServer server;
  private final String owner;
  private final String name;
  private final String token;
  private final Map<Long, Comment> comments = Collections.synchronizedMap(new LinkedHashMap<>());
  private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
  private final List<String> unexpected = Collections.synchronizedList(new ArrayList<>());
  private volatile boolean readOnly;
  private long nextId = 1000;

  /** Serves repository {@code owner/name}, accepting {@code token}. */
  public FakeGithub(String repository, String token) throws IOException {
    String[] parts = repository.split("/");
    this.owner = parts[0];
    this.name = parts[1];
    this.token = token;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  public String apiUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Comment writes answer 403, as for a fork's read-only token. */
  public void readOnly() {
    readOnly = true;
  }

  /** A comment someone else wrote. */
  public synchronized Comment addComment(int issue, String body, String login) {
    Comment comment = new Comment(nextId++, issue, body, login);
    comments.put(comment.id(), comment);
    return comment;
  }

  public List<Comment> comments(int issue) {
    synchronized (comments) {
      return comments.values().stream().filter(c -> c.issue() == issue).toList();
    }
  }

  /** Every request as {@code METHOD /path}. */
  public List<String> requests() {
    synchronized (requests) {
      return List.copyOf(requests);
    }
  }

  public List<String> requests(String method) {
    return requests().stream().filter(r -> r.startsWith(method + " ")).toList();
  }

  public List<String> unexpected() {
    synchronized (unexpected) {
      return List.copyOf(unexpected);
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getPath();
    requests.add(method + " " + path);
    try (exchange) {
      String auth = exchange.getRequestHeaders().getFirst("Authorization");
      if (auth == null || !auth.equals("token " + token) && !auth.equals("Bearer " + token)) {
        send(exchange, 401, message("Bad credentials"));
        return;
      }
      Matcher m;
      if (method.equals("GET") && path.equals("/user")) {
        // hub4j asks who the token belongs to; for the workflow's GITHUB_TOKEN (an installation
        // token) GitHub answers 403, and hub4j carries on without a login
        send(exchange, 403, message("Resource not accessible by integration"));
      } else if (method.equals("GET") && (m = REPO.matcher(path)).matches() && ours(m)) {
        send(exchange, 200, repository());
      } else if (method.equals("GET") && (m = ISSUE.matcher(path)).matches() && ours(m)) {
        send(exchange, 200, issue(Integer.parseInt(m.group(3))));
      } else if (method.equals("GET") && (m = COMMENTS.matcher(path)).matches() && ours(m)) {
        ArrayNode list = JSON.createArrayNode();
        comments(Integer.parseInt(m.group(3))).forEach(c -> list.add(comment(c)));
        send(exchange, 200, list);
      } else if (method.equals("POST") && (m = COMMENTS.matcher(path)).matches() && ours(m)) {
        if (readOnly) {
          send(exchange, 403, message("Resource not accessible by integration"));
          return;
        }
        Comment created =
            addComment(Integer.parseInt(m.group(3)), body(exchange), "github-actions[bot]");
        send(exchange, 201, comment(created));
      } else if (method.equals("PATCH") && (m = COMMENT.matcher(path)).matches() && ours(m)) {
        if (readOnly) {
          send(exchange, 403, message("Resource not accessible by integration"));
          return;
        }
        long id = Long.parseLong(m.group(3));
        Comment old = comments.get(id);
        if (old == null) {
          send(exchange, 404, message("Not Found"));
          return;
        }
        Comment updated = new Comment(id, old.issue(), body(exchange), old.login());
        comments.put(id, updated);
        send(exchange, 200, comment(updated));
      } else {
        unexpected.add(method + " " + exchange.getRequestURI());
        send(exchange, 404, message("Not Found"));
      }
    }
  }

  private boolean ours(Matcher m) {
    return m.group(1).equals(owner) && m.group(2).equals(name);
  }

  private static String body(HttpExchange exchange) throws IOException {
    JsonNode request = JSON.readTree(exchange.getRequestBody().readAllBytes());
    return request.path("body").asText();
  }

  private ObjectNode repository() {
    ObjectNode repo = JSON.createObjectNode();
    repo.put("id", 1296269);
    repo.put("node_id", "MDEwOlJlcG9zaXRvcnkxMjk2MjY5");
    repo.put("name", name);
    repo.put("full_name", owner + "/" + name);
    ObjectNode ownerNode = repo.putObject("owner");
    ownerNode.put("login", owner);
    ownerNode.put("id", 1);
    ownerNode.put("type", "Organization");
    repo.put("private", false);
    repo.put("html_url", "https://github.com/" + owner + "/" + name);
    repo.put("url", apiUrl() + "/repos/" + owner + "/" + name);
    repo.put("default_branch", "main");
    repo.put("created_at", "2011-01-26T19:01:12Z");
    repo.put("updated_at", "2011-01-26T19:14:43Z");
    return repo;
  }

  private ObjectNode issue(int number) {
    ObjectNode issue = JSON.createObjectNode();
    issue.put("id", 100000 + number);
    issue.put("node_id", "MDU6SXNzdWUx");
    issue.put("url", apiUrl() + "/repos/" + owner + "/" + name + "/issues/" + number);
    issue.put("html_url", "https://github.com/" + owner + "/" + name + "/pull/" + number);
    issue.put("number", number);
    issue.put("state", "open");
    issue.put("title", "Change the model");
    issue.put("body", "");
    issue.set("user", user("octocat", "User"));
    issue.putArray("labels");
    issue.put("comments", comments(number).size());
    issue
        .putObject("pull_request")
        .put("url", apiUrl() + "/repos/" + owner + "/" + name + "/pulls/" + number);
    issue.put("created_at", "2011-04-22T13:33:48Z");
    issue.put("updated_at", "2011-04-22T13:33:48Z");
    return issue;
  }

  private ObjectNode comment(Comment c) {
    ObjectNode comment = JSON.createObjectNode();
    comment.put("id", c.id());
    comment.put("node_id", "MDEyOklzc3VlQ29tbWVudDE=");
    comment.put("url", apiUrl() + "/repos/" + owner + "/" + name + "/issues/comments/" + c.id());
    comment.put(
        "html_url",
        "https://github.com/"
            + owner
            + "/"
            + name
            + "/pull/"
            + c.issue()
            + "#issuecomment-"
            + c.id());
    comment.put("issue_url", apiUrl() + "/repos/" + owner + "/" + name + "/issues/" + c.issue());
    comment.put("body", c.body());
    comment.set("user", user(c.login(), c.login().endsWith("[bot]") ? "Bot" : "User"));
    comment.put("author_association", "NONE");
    comment.put("created_at", "2011-04-14T16:00:49Z");
    comment.put("updated_at", "2011-04-14T16:00:49Z");
    return comment;
  }

  private static ObjectNode user(String login, String type) {
    ObjectNode user = JSON.createObjectNode();
    user.put("login", login);
    user.put("id", login.hashCode() & 0xffffff);
    user.put("type", type);
    return user;
  }

  private static ObjectNode message(String text) {
    ObjectNode error = JSON.createObjectNode();
    error.put("message", text);
    error.put("documentation_url", "https://docs.github.com/rest");
    return error;
  }

  private static void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
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
