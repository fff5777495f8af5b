package dev.zdp.sandbox.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.zdp.sandbox.Sandbox;
import dev.zdp.sandbox.SandboxException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.Executors;

/**
 * How {@code zdp sandbox query}, another process, reaches the running sandbox's Spark session: an
 * HTTP endpoint on the loopback interface ({@code POST /query}, the SQL as the body) that only
 * answers requests bearing the random token written, with its URL, into the work directory's {@code
 * sandbox.json} (readable by its owner only). Answers: 200 and the result as tab-separated lines,
 * 422 and Spark's message on one line when the query failed, 503 when Spark could not run it.
 */
final class QueryServer implements AutoCloseable {
  static final String PATH = "/query";
  static final int FAILED = 422;
  static final int UNAVAILABLE = 503;

  private final HttpServer server;
  private final String token;

  private QueryServer(HttpServer server, String token) {
    this.server = server;
    this.token = token;
  }

  static QueryServer start(Sandbox sandbox, String catalogName) {
    byte[] random = new byte[24];
    new SecureRandom().nextBytes(random);
    String token = HexFormat.of().formatHex(random);
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new SandboxException("Cannot open the sandbox's query port: " + e.getMessage(), e);
    }
    server.createContext(
        PATH,
        exchange -> {
          try (exchange) {
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            if (!"POST".equals(exchange.getRequestMethod())
                || auth == null
                || !MessageDigest.isEqual(
                    auth.getBytes(StandardCharsets.UTF_8),
                    ("Bearer " + token).getBytes(StandardCharsets.UTF_8))) {
              send(exchange, 403, "forbidden\n");
              return;
            }
            String sql =
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            try {
              send(exchange, 200, sandbox.query(catalogName, sql));
            } catch (Sandbox.QueryFailedException e) {
              send(exchange, FAILED, e.getMessage() + "\n");
            } catch (RuntimeException e) {
              send(exchange, UNAVAILABLE, String.valueOf(e.getMessage()) + "\n");
            }
          }
        });
    // one query at a time: the Spark session runs one thing at a time anyway
    server.setExecutor(Executors.newSingleThreadExecutor(QueryServer::daemon));
    server.start();
    return new QueryServer(server, token);
  }

  private static Thread daemon(Runnable task) {
    Thread thread = new Thread(task, "zdp-sandbox-query");
    thread.setDaemon(true);
    return thread;
  }

  URI url() {
    InetSocketAddress address = server.getAddress();
    return URI.create(
        "http://" + address.getAddress().getHostAddress() + ":" + address.getPort() + PATH);
  }

  String token() {
    return token;
  }

  private static void send(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
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
