package dev.zdp.action.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * One call to a platform service's REST API that answers JSON; what fails is {@link Unreachable}.
 */
final class JsonHttp {

  private static final ObjectMapper JSON = new ObjectMapper();
  static final Duration TIMEOUT = Duration.ofSeconds(20);

  private JsonHttp() {}

  /**
   * Sends {@code request} and reads its answer.
   *
   * @param call the call as a message names it, {@code GET /connectors}
   * @param credential whose {@code TF_VAR_} variables a 401 or 403 asks for, {@code Connect}
   * @return the answer's JSON; empty for HTTP 404
   * @throws Unreachable when there is no answer, another status than 200 or 404, or no JSON
   */
  static Optional<JsonNode> send(
      HttpClient http, HttpRequest.Builder request, String call, String credential)
      throws Unreachable {
    HttpResponse<String> response;
    try {
      response =
          http.send(
              request.timeout(TIMEOUT).header("Accept", "application/json").build(),
              HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new Unreachable(reason(e), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Unreachable("interrupted", e);
    }
    if (response.statusCode() == 404) {
      return Optional.empty();
    }
    if (response.statusCode() != 200) {
      throw new Unreachable(
          call
              + " answered HTTP "
              + response.statusCode()
              + (response.statusCode() == 401 || response.statusCode() == 403
                  ? " (set the " + credential + " credential's TF_VAR_ variables)"
                  : ""),
          null);
    }
    try {
      return Optional.of(JSON.readTree(response.body()));
    } catch (IOException e) {
      throw new Unreachable(call + " did not answer JSON: " + e.getMessage(), e);
    }
  }

  private static String reason(IOException e) {
    if (e instanceof java.net.http.HttpTimeoutException) {
      return "no answer within " + TIMEOUT.toSeconds() + " s";
    }
    if (e instanceof java.net.ConnectException) {
      for (Throwable cause = e; cause != null; cause = cause.getCause()) {
        if (cause instanceof java.nio.channels.UnresolvedAddressException) {
          return "its host name does not resolve";
        }
      }
      return "the connection was refused";
    }
    return e.getMessage() == null || e.getMessage().isBlank()
        ? "input/output error"
        : e.getMessage();
  }
}
