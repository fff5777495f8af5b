package dev.zdp.action.ci.gitlab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zdp.action.ci.report.MarkdownCut;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * zdp's one note on a merge request, found by the marker it starts with among the merge request's
 * notes and edited in place (GitLab's REST API: {@code GET}, {@code POST} and {@code PUT} on {@code
 * /projects/:id/merge_requests/:iid/notes}, authenticated with a {@code PRIVATE-TOKEN}). A run with
 * the same report leaves the note alone.
 */
public final class MergeRequestNote {

  /** GitLab refuses notes longer than this many characters. */
  public static final int LIMIT = 1_000_000;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  /** What publishing did. */
  public enum Outcome {
    CREATED,
    UPDATED,
    UNCHANGED
  }

  /** The token may not read or write the merge request's notes. */
  public static final class NotAllowed extends Exception {
    NotAllowed(String message) {
      super(message);
    }
  }

  private final HttpClient http;
  private final String apiUrl;
  private final String token;
  private final String marker;

  /**
   * @param apiUrl {@code CI_API_V4_URL}, e.g. {@code https://gitlab.com/api/v4}
   * @param token a project access token with the {@code api} scope
   */
  public MergeRequestNote(String apiUrl, String token, String marker) {
    this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    this.apiUrl = apiUrl.endsWith("/") ? apiUrl.substring(0, apiUrl.length() - 1) : apiUrl;
    this.token = token;
    this.marker = marker;
  }

  public Outcome publish(String projectId, long mergeRequestIid, String body)
      throws IOException, NotAllowed {
    if (!body.startsWith(marker)) {
      throw new IllegalArgumentException("the note must start with " + marker);
    }
    String fitted =
        MarkdownCut.fit(
            body,
            LIMIT - 256,
            MarkdownCut.CHARACTERS,
            "**This note was cut here to fit GitLab's limit.** The job log has every finding.");
    String notes =
        apiUrl
            + "/projects/"
            + URLEncoder.encode(projectId, StandardCharsets.UTF_8)
            + "/merge_requests/"
            + mergeRequestIid
            + "/notes";
    Optional<JsonNode> existing = find(notes);
    if (existing.isEmpty()) {
      send("POST", notes, fitted);
      return Outcome.CREATED;
    }
    if (fitted.equals(existing.get().path("body").asText())) {
      return Outcome.UNCHANGED;
    }
    send("PUT", notes + "/" + existing.get().path("id").asLong(), fitted);
    return Outcome.UPDATED;
  }

  private Optional<JsonNode> find(String notes) throws IOException, NotAllowed {
    String page = "1";
    while (page != null && !page.isBlank()) {
      HttpResponse<String> response =
          call(
              HttpRequest.newBuilder(
                      URI.create(notes + "?sort=asc&order_by=created_at&per_page=100&page=" + page))
                  .GET());
      for (JsonNode note : JSON.readTree(response.body())) {
        if (!note.path("system").asBoolean(false)
            && note.path("body").asText("").startsWith(marker)) {
          return Optional.of(note);
        }
      }
      page = response.headers().firstValue("x-next-page").orElse(null);
    }
    return Optional.empty();
  }

  private void send(String method, String url, String body) throws IOException, NotAllowed {
    String json = JSON.createObjectNode().put("body", body).toString();
    call(
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
  }

  private HttpResponse<String> call(HttpRequest.Builder request) throws IOException, NotAllowed {
    HttpRequest built = request.header("PRIVATE-TOKEN", token).timeout(TIMEOUT).build();
    HttpResponse<String> response;
    try {
      response = http.send(built, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while calling " + built.uri(), e);
    }
    int status = response.statusCode();
    if (status == 401 || status == 403 || status == 404) {
      throw new NotAllowed(
          built.method()
              + " "
              + built.uri().getPath()
              + " answered HTTP "
              + status
              + ": ZDP_GITLAB_TOKEN must be a project access token with the 'api' scope"
              + " (CI_JOB_TOKEN cannot write notes)");
    }
    if (status / 100 != 2) {
      throw new IOException(
          built.method() + " " + built.uri().getPath() + " answered HTTP " + status);
    }
    return response;
  }
}
