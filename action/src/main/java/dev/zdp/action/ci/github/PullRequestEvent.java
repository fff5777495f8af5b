package dev.zdp.action.ci.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the action needs from a {@code pull_request} or {@code pull_request_target} event payload
 * (the JSON file at {@code GITHUB_EVENT_PATH}).
 *
 * @param headRepository {@code pull_request.head.repo.full_name}: the fork for a fork's pull
 *     request
 * @param headRef {@code pull_request.head.ref}: the branch the change comes from
 * @param labels the names of the pull request's labels, in the payload's order
 */
public record PullRequestEvent(
    int number,
    String baseSha,
    String headSha,
    String headRepository,
    String headRef,
    List<String> labels) {

  private static final ObjectMapper JSON = new ObjectMapper();

  public PullRequestEvent {
    labels = List.copyOf(labels);
  }

  /**
   * Reads the payload.
   *
   * @throws IllegalArgumentException naming the first field that is missing, or the file that
   *     cannot be read
   */
  public static PullRequestEvent read(Path payload) {
    JsonNode root;
    try {
      root = JSON.readTree(Files.readAllBytes(payload));
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "cannot read the event payload " + payload + ": " + e.getMessage(), e);
    }
    JsonNode pr = root == null ? null : root.get("pull_request");
    if (pr == null || !pr.isObject()) {
      throw new IllegalArgumentException(
          "the event payload " + payload + " has no pull_request object");
    }
    List<String> labels = new ArrayList<>();
    for (JsonNode label : pr.path("labels")) {
      if (label.path("name").isTextual()) {
        labels.add(label.path("name").asText());
      }
    }
    JsonNode number = pr.path("number");
    if (!number.canConvertToInt() || number.asInt() <= 0) {
      throw new IllegalArgumentException(
          "the event payload " + payload + " has no pull_request.number");
    }
    return new PullRequestEvent(
        number.asInt(),
        text(pr, payload, "base", "sha"),
        text(pr, payload, "head", "sha"),
        text(pr, payload, "head", "repo", "full_name"),
        text(pr, payload, "head", "ref"),
        labels);
  }

  private static String text(JsonNode pr, Path payload, String... path) {
    JsonNode node = pr;
    for (String field : path) {
      node = node.path(field);
    }
    if (!node.isTextual() || node.asText().isBlank()) {
      throw new IllegalArgumentException(
          "the event payload "
              + payload
              + " has no pull_request."
              + String.join(".", path)
              + (path[0].equals("head") && path.length == 3
                  ? " (the head repository was deleted?)"
                  : ""));
    }
    return node.asText();
  }
}
