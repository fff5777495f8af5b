package dev.zdp.sandbox;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.iceberg.CatalogUtil;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.AlreadyExistsException;
import org.apache.iceberg.exceptions.CommitFailedException;
import org.apache.iceberg.exceptions.ForbiddenException;
import org.apache.iceberg.exceptions.NamespaceNotEmptyException;
import org.apache.iceberg.exceptions.NoSuchNamespaceException;
import org.apache.iceberg.exceptions.NoSuchTableException;
import org.apache.iceberg.exceptions.NotFoundException;
import org.apache.iceberg.exceptions.ValidationException;
import org.apache.iceberg.rest.CatalogHandlers;
import org.apache.iceberg.rest.RESTCatalogProperties;
import org.apache.iceberg.rest.RESTSerializers;
import org.apache.iceberg.rest.requests.CreateNamespaceRequest;
import org.apache.iceberg.rest.requests.CreateTableRequest;
import org.apache.iceberg.rest.requests.RegisterTableRequest;
import org.apache.iceberg.rest.requests.RenameTableRequest;
import org.apache.iceberg.rest.requests.UpdateNamespacePropertiesRequest;
import org.apache.iceberg.rest.requests.UpdateTableRequest;
import org.apache.iceberg.rest.responses.ConfigResponse;
import org.apache.iceberg.rest.responses.ErrorResponse;
import org.apache.iceberg.rest.responses.OAuthTokenResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An Iceberg REST catalog (the v1 table and namespace endpoints) in front of the sandbox's JDBC
 * catalog, on a loopback port, so artifacts generated for a {@code rest} catalog run unchanged:
 * only the catalog URI differs. The operations are Iceberg's own {@link CatalogHandlers}; this
 * class routes requests to them and maps exceptions to the REST error codes clients expect. Any
 * credential is accepted (the OAuth token endpoint hands out a fixed token).
 */
final class RestCatalogServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RestCatalogServer.class);
  private static final String SEPARATOR = "%1F";
  private static final ObjectMapper JSON = mapper();

  private final HttpServer server;
  private final ExecutorService executor;
  private final Catalog catalog;
  private final URI uri;

  private RestCatalogServer(HttpServer server, ExecutorService executor, Catalog catalog) {
    this.server = server;
    this.executor = executor;
    this.catalog = catalog;
    this.uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Serves the catalog that {@code backend} (Iceberg catalog properties) describes. */
  static RestCatalogServer start(String name, Map<String, String> backend) {
    Catalog catalog = CatalogUtil.buildIcebergCatalog(name, backend, null);
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot open a port for the Iceberg REST catalog", e);
    }
    ExecutorService executor = Executors.newFixedThreadPool(4);
    RestCatalogServer rest = new RestCatalogServer(server, executor, catalog);
    server.createContext("/", rest::handle);
    server.setExecutor(executor);
    server.start();
    return rest;
  }

  URI uri() {
    return uri;
  }

  @Override
  public void close() throws IOException {
    server.stop(0);
    executor.shutdownNow();
    if (catalog instanceof java.io.Closeable closeable) {
      closeable.close();
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    String rawPath = exchange.getRequestURI().getRawPath();
    LOG.debug("REST catalog: {} {}", method, exchange.getRequestURI());
    try {
      Object response;
      try {
        response = route(method, segments(rawPath), exchange);
      } catch (RuntimeException | Error e) {
        int status = status(e);
        if (status >= 500) {
          LOG.warn("REST catalog: {} {} failed", method, rawPath, e);
        }
        sendError(exchange, status, e);
        return;
      }
      if (response == null) {
        exchange.sendResponseHeaders(204, -1);
      } else {
        send(exchange, 200, response);
      }
    } finally {
      exchange.close();
    }
  }

  private static void sendError(HttpExchange exchange, int status, Throwable e) throws IOException {
    if ("HEAD".equals(exchange.getRequestMethod())) {
      exchange.sendResponseHeaders(status, -1);
      return;
    }
    send(
        exchange,
        status,
        ErrorResponse.builder()
            .responseCode(status)
            .withType(e.getClass().getSimpleName())
            .withMessage(String.valueOf(e.getMessage()))
            .build());
  }

  private Object route(String method, List<String> path, HttpExchange exchange) throws IOException {
    SupportsNamespaces namespaces = (SupportsNamespaces) catalog;
    String route = method + " " + shape(path);
    switch (route) {
      case "GET v1/config":
        return ConfigResponse.builder().build();
      case "POST v1/oauth/tokens":
        return OAuthTokenResponse.builder()
            .withToken("sandbox")
            .withTokenType("bearer")
            .withIssuedTokenType("urn:ietf:params:oauth:token-type:access_token")
            .build();
      case "GET v1/namespaces":
        String parent = query(exchange, "parent");
        return CatalogHandlers.listNamespaces(
            namespaces, parent == null ? Namespace.empty() : namespace(parent));
      case "POST v1/namespaces":
        return CatalogHandlers.createNamespace(
            namespaces, read(exchange, CreateNamespaceRequest.class));
      case "GET v1/namespaces/*":
        return CatalogHandlers.loadNamespace(namespaces, namespace(path.get(2)));
      case "HEAD v1/namespaces/*":
        CatalogHandlers.namespaceExists(namespaces, namespace(path.get(2)));
        return null;
      case "DELETE v1/namespaces/*":
        CatalogHandlers.dropNamespace(namespaces, namespace(path.get(2)));
        return null;
      case "POST v1/namespaces/*/properties":
        return CatalogHandlers.updateNamespaceProperties(
            namespaces,
            namespace(path.get(2)),
            read(exchange, UpdateNamespacePropertiesRequest.class));
      case "GET v1/namespaces/*/tables":
        return CatalogHandlers.listTables(catalog, namespace(path.get(2)));
      case "POST v1/namespaces/*/tables":
        CreateTableRequest create = read(exchange, CreateTableRequest.class);
        return create.stageCreate()
            ? CatalogHandlers.stageTableCreate(catalog, namespace(path.get(2)), create)
            : CatalogHandlers.createTable(catalog, namespace(path.get(2)), create);
      case "POST v1/namespaces/*/register":
        return CatalogHandlers.registerTable(
            catalog, namespace(path.get(2)), read(exchange, RegisterTableRequest.class));
      case "GET v1/namespaces/*/tables/*":
        return CatalogHandlers.loadTable(
            catalog, table(path), RESTCatalogProperties.SnapshotMode.ALL);
      case "HEAD v1/namespaces/*/tables/*":
        CatalogHandlers.tableExists(catalog, table(path));
        return null;
      case "POST v1/namespaces/*/tables/*":
        return CatalogHandlers.updateTable(
            catalog, table(path), read(exchange, UpdateTableRequest.class));
      case "DELETE v1/namespaces/*/tables/*":
        if ("true".equals(query(exchange, "purgeRequested"))) {
          CatalogHandlers.purgeTable(catalog, table(path));
        } else {
          CatalogHandlers.dropTable(catalog, table(path));
        }
        return null;
      case "POST v1/namespaces/*/tables/*/metrics":
        exchange.getRequestBody().readAllBytes();
        return null;
      case "POST v1/tables/rename":
        CatalogHandlers.renameTable(catalog, read(exchange, RenameTableRequest.class));
        return null;
      default:
        throw new UnsupportedOperationException(
            "The sandbox's REST catalog does not serve " + method + " /" + String.join("/", path));
    }
  }

  /** The path with its variable parts (namespace, table) as {@code *}. */
  private static String shape(List<String> path) {
    String[] shape = path.toArray(String[]::new);
    if (shape.length > 2 && "namespaces".equals(shape[1])) {
      shape[2] = "*";
    }
    if (shape.length > 4 && "tables".equals(shape[3])) {
      shape[4] = "*";
    }
    return String.join("/", shape);
  }

  private static List<String> segments(String rawPath) {
    return Arrays.stream(rawPath.split("/")).filter(segment -> !segment.isEmpty()).toList();
  }

  private static Namespace namespace(String encoded) {
    String[] levels = encoded.split(SEPARATOR, -1);
    return Namespace.of(
        Arrays.stream(levels)
            .map(level -> URLDecoder.decode(level, StandardCharsets.UTF_8))
            .toArray(String[]::new));
  }

  private static TableIdentifier table(List<String> path) {
    return TableIdentifier.of(
        namespace(path.get(2)), URLDecoder.decode(path.get(4), StandardCharsets.UTF_8));
  }

  private static String query(HttpExchange exchange, String name) {
    String query = exchange.getRequestURI().getRawQuery();
    if (query == null) {
      return null;
    }
    for (String pair : query.split("&")) {
      int equals = pair.indexOf('=');
      if (equals > 0 && pair.substring(0, equals).equals(name)) {
        // kept encoded: namespaces decode their own levels
        return pair.substring(equals + 1);
      }
    }
    return null;
  }

  private static <T> T read(HttpExchange exchange, Class<T> type) throws IOException {
    try (InputStream body = exchange.getRequestBody()) {
      return JSON.readValue(body, type);
    }
  }

  private static void send(HttpExchange exchange, int status, Object body) throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** The HTTP status the Iceberg REST client turns back into the same exception. */
  private static int status(Throwable e) {
    if (e instanceof NoSuchNamespaceException
        || e instanceof NoSuchTableException
        || e instanceof NotFoundException) {
      return 404;
    }
    if (e instanceof AlreadyExistsException
        || e instanceof CommitFailedException
        || e instanceof NamespaceNotEmptyException) {
      return 409;
    }
    if (e instanceof ForbiddenException) {
      return 403;
    }
    if (e instanceof UnsupportedOperationException) {
      return 406;
    }
    if (e instanceof IllegalArgumentException || e instanceof ValidationException) {
      return 400;
    }
    return 500;
  }

  /** Jackson set up as Iceberg's REST client expects (its own mapper is not public). */
  private static ObjectMapper mapper() {
    ObjectMapper mapper = new ObjectMapper();
    mapper.setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY);
    mapper.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    mapper.setPropertyNamingStrategy(new PropertyNamingStrategies.KebabCaseStrategy());
    RESTSerializers.registerAll(mapper);
    return mapper;
  }
}
