package dev.zdp.generator.zero;

import dev.zdp.generator.GenerationException;
import dev.zdp.model.ObjectPath;
import dev.zdp.model.Platform;
import dev.zdp.model.Secrets;
import dev.zdp.model.platform.IngestedDataset;
import dev.zdp.model.platform.IngestedDatastore;
import dev.zdp.model.platform.PlatformIntentions;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * What a Zero platform's files cannot carry whatever the rule levels say: names that are not file
 * names (they become paths under the output directory), and endpoints holding a credential (they
 * would be rendered in plain text). Escaping makes every other value safe in the file it lands in;
 * these are refused before anything is rendered, naming the object.
 */
final class CarriedValues {

  private CarriedValues() {}

  static void check(PlatformIntentions intentions) {
    Platform platform = intentions.platform();
    fileName("platform", platform.name(), null, platform.name());
    for (IngestedDatastore store : intentions.datastores()) {
      fileName("datastore", store.name(), store.path(), platform.name());
      for (IngestedDataset dataset : store.datasets()) {
        fileName("dataset", dataset.dataset().name(), store.path(dataset), platform.name());
      }
    }
    noCredential(platform, "kafka.bootstrapServers", platform.kafka().bootstrapServers());
    noCredential(platform, "connect.url", platform.connect().url());
    noCredential(platform, "iceberg.warehouse", platform.iceberg().warehouse());
    platform
        .iceberg()
        .catalog()
        .uri()
        .ifPresent(uri -> noCredential(platform, "iceberg.catalog.uri", uri));
    platform
        .iceberg()
        .s3()
        .flatMap(Platform.S3Settings::endpoint)
        .ifPresent(endpoint -> noCredential(platform, "iceberg.s3.endpoint", endpoint));
  }

  private static void fileName(String noun, String name, ObjectPath at, String platform) {
    Optional<String> problem = fileNameProblem(name);
    if (problem.isPresent()) {
      throw new GenerationException(
          "Cannot generate platform '"
              + platform
              + "': "
              + noun
              + " name '"
              + name
              + "' cannot be a file name ("
              + problem.get()
              + "); rename it ([a-z][a-z0-9_]*, see the name-format rule)",
          at);
    }
  }

  /** Why {@code name} cannot be one segment of a path, or empty when it can. */
  static Optional<String> fileNameProblem(String name) {
    if (name.isEmpty() || name.equals(".") || name.equals("..")) {
      return Optional.of("it is '" + name + "'");
    }
    if (name.startsWith(".")) {
      return Optional.of("it starts with '.'");
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '/' || c == '\\' || c == ':') {
        return Optional.of("it contains '" + c + "'");
      }
      if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
        return Optional.of(String.format("it contains U+%04X", (int) c));
      }
    }
    return Optional.empty();
  }

  private static void noCredential(Platform platform, String field, String value) {
    if (Secrets.find(value).isPresent() || hasUserInfo(value)) {
      throw new GenerationException(
          "Cannot generate platform '"
              + platform.name()
              + "': its "
              + field
              + " holds a credential, which would be written in plain text; remove it from the"
              + " URL and name the secret in the settings' credential: (rule platform-endpoint)");
    }
  }

  private static boolean hasUserInfo(String value) {
    for (String part : value.split(",", -1)) {
      String candidate = part.contains("://") ? part : "x://" + part;
      if (candidate.startsWith("jdbc:")) {
        candidate = candidate.substring("jdbc:".length());
      }
      try {
        if (new URI(candidate).getRawUserInfo() != null) {
          return true;
        }
      } catch (URISyntaxException e) {
        if (part.contains("@")) {
          return true;
        }
      }
    }
    return false;
  }
}
