package dev.zdp.action.ci.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What the action needs from a {@code push} event payload (the JSON file at {@code
 * GITHUB_EVENT_PATH}): the commit the branch held before the push.
 */
public final class PushEvent {

  private static final ObjectMapper JSON = new ObjectMapper();

  private PushEvent() {}

  /**
   * The payload's {@code before}: the commit the branch held before the push (all zeros when the
   * push created the branch); empty when the payload cannot be read or does not say, which only
   * costs the deploy its exact comparison (it then says what it compares with instead).
   */
  public static Optional<String> before(Path payload) {
    try {
      JsonNode before = JSON.readTree(Files.readAllBytes(payload)).path("before");
      return before.isTextual() && !before.asText().isBlank()
          ? Optional.of(before.asText().strip())
          : Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
