package dev.zdp.action.ci.github;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.UUID;

/**
 * Step outputs, appended to the file at {@code GITHUB_OUTPUT} in the multiline-safe form {@code
 * name<<DELIMITER}, value, {@code DELIMITER}, with a delimiter no value contains.
 */
public final class WorkflowOutputs {

  private WorkflowOutputs() {}

  public static void append(Path file, Map<String, String> outputs) throws IOException {
    StringBuilder text = new StringBuilder();
    for (Map.Entry<String, String> output : outputs.entrySet()) {
      String delimiter = "zdp_" + UUID.randomUUID();
      while (output.getValue().contains(delimiter)) {
        delimiter = "zdp_" + UUID.randomUUID();
      }
      text.append(output.getKey())
          .append("<<")
          .append(delimiter)
          .append('\n')
          .append(output.getValue())
          .append('\n')
          .append(delimiter)
          .append('\n');
    }
    Files.writeString(
        file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }
}
