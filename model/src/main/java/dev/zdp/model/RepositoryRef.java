package dev.zdp.model;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A repository and branch that owns part of the model, written {@code owner/name@branch} for GitHub
 * or {@code gitlab:group/sub/project@branch} for GitLab. Owner and name compare case-insensitively
 * (as the hosts do), the branch exactly; credentials are never part of it.
 */
public record RepositoryRef(Host host, String path, String branch) {

  /** The forge a repository lives on. */
  public enum Host {
    GITHUB,
    GITLAB
  }

  private static final String GITLAB_PREFIX = "gitlab:";
  private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_.][A-Za-z0-9_.-]*");
  private static final Pattern BRANCH = Pattern.compile("[^\\s~^:?*\\[\\\\]+");

  public RepositoryRef {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(branch, "branch");
    Optional<String> problem = problemWith(host, path, branch);
    if (problem.isPresent()) {
      throw new IllegalArgumentException(problem.get());
    }
  }

  /**
   * Reads {@code owner/name@branch} or {@code gitlab:group/project@branch}.
   *
   * @return the reference, or empty when the text is not one (see {@link #explain(String)})
   */
  public static Optional<RepositoryRef> parse(String text) {
    return explainOrParse(text).ref();
  }

  /** Why {@code text} is not a repository reference, or empty if it is one. */
  public static Optional<String> explain(String text) {
    return explainOrParse(text).problem();
  }

  private record Parsed(Optional<RepositoryRef> ref, Optional<String> problem) {}

  private static Parsed explainOrParse(String text) {
    if (text == null || text.isBlank()) {
      return failed("a repository is written owner/name@branch, got nothing");
    }
    String rest = text.strip();
    Host host = Host.GITHUB;
    if (rest.startsWith(GITLAB_PREFIX)) {
      host = Host.GITLAB;
      rest = rest.substring(GITLAB_PREFIX.length());
    }
    if (rest.contains("://") || rest.indexOf('@') != rest.lastIndexOf('@')) {
      return failed(
          "'"
              + text
              + "' looks like a URL; write the repository as owner/name@branch"
              + " (credentials never belong in the model)");
    }
    int at = rest.lastIndexOf('@');
    if (at < 0) {
      return failed(
          "'"
              + text
              + "' has no branch; write it as "
              + rest
              + "@main (the branch is part of the"
              + " repository's identity)");
    }
    String path = rest.substring(0, at);
    String branch = rest.substring(at + 1);
    Optional<String> problem = problemWith(host, path, branch);
    if (problem.isPresent()) {
      return failed("'" + text + "' is not a repository: " + problem.get());
    }
    return new Parsed(Optional.of(new RepositoryRef(host, path, branch)), Optional.empty());
  }

  private static Parsed failed(String why) {
    return new Parsed(Optional.empty(), Optional.of(why));
  }

  private static Optional<String> problemWith(Host host, String path, String branch) {
    String[] segments = path.split("/", -1);
    if (host == Host.GITHUB && segments.length != 2) {
      return Optional.of("a GitHub repository is owner/name, got '" + path + "'");
    }
    if (host == Host.GITLAB && segments.length < 2) {
      return Optional.of(
          "a GitLab project is group/project (subgroups allowed), got '" + path + "'");
    }
    for (String segment : segments) {
      if (!SEGMENT.matcher(segment).matches()) {
        return Optional.of("'" + segment + "' is not a valid owner, group or repository name");
      }
    }
    if (branch.isEmpty() || !BRANCH.matcher(branch).matches()) {
      return Optional.of("'" + branch + "' is not a valid branch name");
    }
    return Optional.empty();
  }

  /** Same repository and branch: owner/name ignoring case, branch exactly. */
  public boolean sameAs(RepositoryRef other) {
    return other != null
        && host == other.host
        && path.toLowerCase(Locale.ROOT).equals(other.path.toLowerCase(Locale.ROOT))
        && branch.equals(other.branch);
  }

  @Override
  public String toString() {
    return (host == Host.GITLAB ? GITLAB_PREFIX : "") + path + "@" + branch;
  }
}
