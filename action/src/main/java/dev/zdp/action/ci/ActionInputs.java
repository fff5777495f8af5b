package dev.zdp.action.ci;

import dev.zdp.model.Suggestions;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The action's inputs, as GitHub passes them to a Docker action ({@code INPUT_MODEL-PATH}: the name
 * upper-cased, hyphens kept) or as a GitLab job sets them ({@code ZDP_MODEL_PATH}). Blank means the
 * default.
 *
 * @param modelPath the model directory, relative to the repository root
 * @param outputPath where generated artifacts are written, relative to the repository root
 * @param commitBranch the branch {@code deploy: commit} pushes to; empty for the pushed branch
 * @param token the token for comments and pushes; empty when none was given
 * @param sarifPath where the SARIF file is written, relative to the repository root
 * @param githubApiUrl the GitHub REST API root (GitHub Enterprise has its own)
 * @param docsOut where a push run writes the catalog site ({@code zdp docs}), relative to the
 *     repository root; empty for no site
 * @param cache a directory CI keeps between runs where models' findings are kept by git tree id
 *     (docs/action.md), relative to the repository root; empty for none
 */
public record ActionInputs(
    String modelPath,
    Deploy deploy,
    String outputPath,
    Optional<String> commitBranch,
    Optional<String> token,
    String allowBreakingChangesLabel,
    boolean failOnWarnings,
    Optional<Integer> shardSize,
    String githubApiUrl,
    String sarifPath,
    Optional<String> docsOut,
    Optional<String> cache) {

  /** Reads GitHub's {@code INPUT_*} variables. */
  static ActionInputs github(Map<String, String> env) {
    Function<String, Optional<String>> input =
        name -> value(env, "INPUT_" + name.toUpperCase(Locale.ROOT));
    return read(
        input,
        name -> "input '" + name + "'",
        input
            .apply("github-api-url")
            .or(() -> value(env, "GITHUB_API_URL"))
            .orElse("https://api.github.com"),
        input.apply("token"));
  }

  /** Reads a GitLab job's {@code ZDP_*} variables; the token is {@code ZDP_GITLAB_TOKEN}. */
  static ActionInputs gitlab(Map<String, String> env) {
    Function<String, Optional<String>> input = name -> value(env, variable(name));
    return read(input, name -> "variable " + variable(name), "", value(env, "ZDP_GITLAB_TOKEN"));
  }

  private static String variable(String name) {
    return "ZDP_" + name.toUpperCase(Locale.ROOT).replace('-', '_');
  }

  private static ActionInputs read(
      Function<String, Optional<String>> input,
      Function<String, String> shownAs,
      String githubApiUrl,
      Optional<String> token) {
    return new ActionInputs(
        input.apply("model-path").orElse("."),
        deploy(input.apply("deploy").orElse("none"), shownAs.apply("deploy")),
        input.apply("output-path").orElse("generated"),
        input.apply("commit-branch"),
        token,
        input.apply("allow-breaking-changes-label").orElse("allow-breaking-changes"),
        bool(input.apply("fail-on-warnings").orElse("false"), shownAs.apply("fail-on-warnings")),
        shardSize(input.apply("shard-size"), shownAs.apply("shard-size")),
        githubApiUrl,
        input.apply("sarif-path").orElse("zdp.sarif"),
        input.apply("docs-out"),
        input.apply("cache"));
  }

  private static Deploy deploy(String text, String shownAs) {
    List<String> names = Arrays.stream(Deploy.values()).map(Deploy::input).toList();
    String wanted = text.strip().toLowerCase(Locale.ROOT);
    return Arrays.stream(Deploy.values())
        .filter(d -> d.input().equals(wanted))
        .findFirst()
        .orElseThrow(
            () ->
                new ActionSetupException(
                    shownAs
                        + " is '"
                        + text
                        + "'; "
                        + Suggestions.nearest(wanted, names)
                            .map(s -> "did you mean '" + s + "'? ")
                            .orElse("")
                        + "use one of "
                        + String.join(", ", names)));
  }

  private static boolean bool(String text, String shownAs) {
    return switch (text.strip().toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new ActionSetupException(shownAs + " is '" + text + "'; use true or false");
    };
  }

  private static Optional<Integer> shardSize(Optional<String> text, String shownAs) {
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      int size = Integer.parseInt(text.get().strip());
      if (size >= 1) {
        return Optional.of(size);
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ActionSetupException(
        shownAs
            + " is '"
            + text.get()
            + "'; use a whole number of at least 1, or leave it empty for one root module per"
            + " platform");
  }

  static Optional<String> value(Map<String, String> env, String name) {
    String value = env.get(name);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
  }
}
