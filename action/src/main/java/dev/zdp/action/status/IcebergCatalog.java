package dev.zdp.action.status;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zdp.model.platform.zero.ZeroNames;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An Iceberg REST catalog, read as the Iceberg REST API specifies it: {@code GET /v1/config} for
 * the path prefix, {@code GET /v1/{prefix}/namespaces/{ns}/tables/{table}} for a table's metadata.
 * With a credential, the client credentials are exchanged for a token at {@code /v1/oauth/tokens},
 * as Iceberg's own REST client does.
 */
final class IcebergCatalog {

  /**
   * What {@code zdp status} needs of a table's metadata.
   *
   * @param snapshots the commit time (epoch ms) of every snapshot the metadata still lists, sorted
   * @param properties the table's properties
   */
  record Table(List<Long> snapshots, SortedMap<String, String> properties) {
    Table {
      snapshots = snapshots.stream().sorted().toList();
      properties = new TreeMap<>(properties);
    }

    /** The commit time of the newest snapshot, when there is one. */
    OptionalLong latest() {
      return snapshots.isEmpty()
          ? OptionalLong.empty()
          : OptionalLong.of(snapshots.get(snapshots.size() - 1));
    }

    /** The MERGE watermark: the commit time of the newest staging snapshot folded in. */
    OptionalLong watermark() {
      String value = properties.get(ZeroNames.MERGED_STAGING_PROPERTY);
      try {
        return value == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(value));
      } catch (NumberFormatException e) {
        return OptionalLong.empty();
      }
    }
  }

  private final HttpClient http;
  private final URI base;
  private final String prefix;
  private final Optional<String> authorization;

  private IcebergCatalog(HttpClient http, URI base, String prefix, Optional<String> authorization) {
    this.http = http;
    this.base = base;
    this.prefix = prefix;
    this.authorization = authorization;
  }

  /**
   * Connects: a token when {@code user} and {@code password} are given, then the catalog's config
   * for {@code warehouse}.
   *
   * @throws Unreachable when the catalog does not answer as the REST API says
   */
  static IcebergCatalog connect(
      HttpClient http,
      String url,
      String warehouse,
      Optional<String> user,
      Optional<String> password)
      throws Unreachable {
    URI base = URI.create(url.endsWith("/") ? url : url + "/");
    Optional<String> authorization = Optional.empty();
    if (user.isPresent() && password.isPresent()) {
      String form =
          "grant_type=client_credentials&scope=catalog&client_id="
              + encode(user.get())
              + "&client_secret="
              + encode(password.get());
      JsonNode token =
          send(
                  http,
                  HttpRequest.newBuilder(base.resolve("v1/oauth/tokens"))
                      .header("Content-Type", "application/x-www-form-urlencoded")
                      .POST(HttpRequest.BodyPublishers.ofString(form)),
                  "POST /v1/oauth/tokens")
              .orElseThrow(() -> new Unreachable("POST /v1/oauth/tokens answered HTTP 404", null));
      authorization = Optional.of("Bearer " + token.path("access_token").asText());
    }
    JsonNode config =
        new IcebergCatalog(http, base, "", authorization)
            .get("v1/config?warehouse=" + encode(warehouse), "GET /v1/config")
            .orElseThrow(() -> new Unreachable("GET /v1/config answered HTTP 404", null));
    String prefix = config.path("overrides").path("prefix").asText("");
    return new IcebergCatalog(http, base, prefix, authorization);
  }

  /**
   * Table {@code namespace.name}, or empty when the catalog has no such table.
   *
   * @throws Unreachable when the catalog does not answer as the REST API says
   */
  Optional<Table> table(String namespace, String name) throws Unreachable {
    String path =
        "v1/"
            + (prefix.isEmpty() ? "" : encode(prefix) + "/")
            + "namespaces/"
            + encode(namespace)
            + "/tables/"
            + encode(name);
    Optional<JsonNode> loaded = get(path, "GET /" + path);
    if (loaded.isEmpty()) {
      return Optional.empty();
    }
    JsonNode metadata = loaded.get().path("metadata");
    List<Long> snapshots = new ArrayList<>();
    metadata.path("snapshots").forEach(s -> snapshots.add(s.path("timestamp-ms").asLong()));
    SortedMap<String, String> properties = new TreeMap<>();
    metadata
        .path("properties")
        .fields()
        .forEachRemaining(p -> properties.put(p.getKey(), p.getValue().asText()));
    return Optional.of(new Table(snapshots, properties));
  }

  private Optional<JsonNode> get(String path, String call) throws Unreachable {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).GET();
    authorization.ifPresent(a -> request.header("Authorization", a));
    return send(http, request, call);
  }

  private static Optional<JsonNode> send(HttpClient http, HttpRequest.Builder request, String call)
      throws Unreachable {
    return JsonHttp.send(http, request, call, "catalog");
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
