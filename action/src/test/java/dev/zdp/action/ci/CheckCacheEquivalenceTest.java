package dev.zdp.action.ci;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The action's pull-request check with a check cache ({@code cache} input) reports exactly what it
 * reports without one: exit code, log, job summary (diagnostics with their files and lines, the
 * plan), outputs and SARIF, on randomised changes of examples/acme in a real git repository (JGit):
 * columns and datasets edited, added and removed, names renamed (references broken), owners
 * changed, files removed, moved and copied. Each change is checked with a cold cache for its head
 * (its base was the previous change's head, so the base's findings come from the cache) and again
 * with both sides cached; the live branch's run fills the cache as well. A damaged entry is ignored
 * and written anew.
 */
class CheckCacheEquivalenceTest {

  private static final PersonIdent DEV = new PersonIdent("dev", "dev@example.com");

  @TempDir Path temp;
  private Path workspace;
  private Path cache;
  private Git git;

  @BeforeEach
  void repository() throws Exception {
    workspace = temp.resolve("workspace");
    cache = temp.resolve("cache");
    ActionRun.copyAcme(workspace);
    git = Git.init().setDirectory(workspace.toFile()).setInitialBranch("main").call();
  }

  @AfterEach
  void close() {
    git.close();
  }

  @Test
  void cachedChecksReportWhatFullChecksReport() throws Exception {
    String base = commit("live model");
    // the run on the live branch keeps the live model's findings for the pull requests after it
    assertThat(live(base, false)).isEqualTo(live(base, true));
    Random random = new Random(1919);
    int cachedErrors = 0;
    for (int change = 0; change < 15; change++) {
      for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
        mutate(random);
      }
      String head = commit("change " + change);
      String full = pullRequest(base, head, false);
      assertThat(pullRequest(base, head, true))
          .as("change %d, head not cached", change)
          .isEqualTo(full);
      assertThat(pullRequest(base, head, true))
          .as("change %d, both cached", change)
          .isEqualTo(full);
      cachedErrors += full.startsWith("exit 1") ? 1 : 0;
      base = head;
    }
    assertThat(cachedErrors).as("changes the check failed (the test must see errors)").isPositive();
  }

  @Test
  void aDamagedEntryIsIgnoredAndWrittenAnew() throws Exception {
    String base = commit("live model");
    ActionRun.edit(
        workspace.resolve("teams/customer_team/crm.yaml"),
        "        - {name: full_name, type: text}\n",
        "");
    String head = commit("drop full_name");
    String full = pullRequest(base, head, false);
    pullRequest(base, head, true);
    List<Path> entries = entries();
    assertThat(entries).hasSize(2); // the base's and the head's
    for (Path entry : entries) {
      byte[] bytes = Files.readAllBytes(entry);
      bytes[bytes.length / 2] ^= 0x20; // one flipped bit, as a bad disk or a bad copy leaves it
      Files.write(entry, bytes);
    }
    assertThat(pullRequest(base, head, true)).isEqualTo(full);
    for (Path entry : entries) {
      Files.write(entry, new byte[] {'z', 'd', 'p'}); // truncated, or an older format
    }
    assertThat(pullRequest(base, head, true)).isEqualTo(full);
    assertThat(entries()).hasSize(2).allSatisfy(e -> assertThat(Files.size(e)).isGreaterThan(3));
  }

  private List<Path> entries() throws IOException {
    try (Stream<Path> files = Files.list(cache)) {
      return files.sorted().toList();
    }
  }

  /** A pull request's whole check, as the step's files and log show it. */
  private String pullRequest(String baseSha, String headSha, boolean cached) throws Exception {
    Path event = temp.resolve("event.json");
    Files.writeString(
        event,
        """
        {"number": 7, "pull_request": {"number": 7, "labels": [],
          "head": {"ref": "customers", "sha": "%s", "repo": {"full_name": "acme/team-customer"}},
          "base": {"ref": "main", "sha": "%s"}}}
        """
            .formatted(headSha, baseSha));
    Map<String, String> env = environment(headSha, cached);
    env.put("GITHUB_EVENT_NAME", "pull_request");
    env.put("GITHUB_EVENT_PATH", event.toString());
    env.put("GITHUB_REF_NAME", "7/merge");
    return result(ActionRun.run(env, temp));
  }

  /** The live branch's run (validate and generate, nothing deployed). */
  private String live(String sha, boolean cached) throws Exception {
    Map<String, String> env = environment(sha, cached);
    env.put("GITHUB_EVENT_NAME", "push");
    env.put("GITHUB_EVENT_PATH", temp.resolve("no-payload-needed.json").toString());
    env.put("GITHUB_REF_NAME", "main");
    return result(ActionRun.run(env, temp));
  }

  private Map<String, String> environment(String sha, boolean cached) throws IOException {
    Files.deleteIfExists(temp.resolve("output"));
    Files.deleteIfExists(temp.resolve("summary"));
    Map<String, String> env = new HashMap<>();
    env.put("GITHUB_ACTIONS", "true");
    env.put("GITHUB_REPOSITORY", "acme/data-model");
    env.put("GITHUB_WORKSPACE", workspace.toString());
    env.put("GITHUB_SERVER_URL", "https://github.com");
    env.put("GITHUB_SHA", sha);
    env.put("GITHUB_OUTPUT", temp.resolve("output").toString());
    env.put("GITHUB_STEP_SUMMARY", temp.resolve("summary").toString());
    env.put("INPUT_TOKEN", "");
    env.put("INPUT_DEPLOY", "none");
    env.put("INPUT_SARIF-PATH", "zdp.sarif");
    if (cached) {
      env.put("INPUT_CACHE", workspace.relativize(cache).toString());
    }
    return env;
  }

  /** Exit code, log, summary, outputs and SARIF of a run; the SARIF file is removed. */
  private String result(ActionRun run) throws IOException {
    Path sarif = workspace.resolve("zdp.sarif");
    String result =
        "exit "
            + run.exitCode()
            + "\n--- out\n"
            + run.out()
            + "\n--- err\n"
            + run.err()
            + "\n--- summary\n"
            + read(temp.resolve("summary"))
            + "\n--- outputs\n"
            + (Files.exists(temp.resolve("output"))
                ? ActionRun.outputs(temp.resolve("output")).toString()
                : "(none)")
            + "\n--- sarif\n"
            + read(sarif);
    Files.deleteIfExists(sarif);
    return result;
  }

  private static String read(Path file) throws IOException {
    return Files.exists(file) ? Files.readString(file) : "(none)";
  }

  private String commit(String message) throws Exception {
    return ActionRun.commitAll(git, message, DEV);
  }

  /** One random edit of the model, of a kind a pull request makes. */
  private void mutate(Random random) throws IOException {
    List<Path> files = modelFiles();
    Path file = files.get(random.nextInt(files.size()));
    String text = Files.readString(file, StandardCharsets.UTF_8);
    List<String> lines = new ArrayList<>(text.lines().toList());
    int line = lines.isEmpty() ? 0 : random.nextInt(lines.size());
    switch (random.nextInt(10)) {
      case 0 -> { // a column added
        int at = indexOf(lines, "        - {name: ", random);
        if (at >= 0) {
          lines.add(at + 1, "        - {name: added_" + random.nextInt(100) + ", type: text}");
        }
      }
      case 1 -> { // a column or dataset removed, or any other line
        int at = indexOf(lines, "- {name: ", random);
        lines.remove(at >= 0 ? at : line);
      }
      case 2 -> { // a column's type edited
        int at = indexOf(lines, "type: ", random);
        if (at >= 0) {
          lines.set(at, lines.get(at).replaceFirst("type: [a-z]+", "type: bigint"));
        }
      }
      case 3 -> { // an owner changed, or a team that does not exist
        String owner = random.nextBoolean() ? "commerce_team" : "nobody_team";
        text = text.replaceFirst("team: [a-z_]+", "team: " + owner);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return;
      }
      case 4 -> { // a name renamed: whatever referred to it is broken
        text = text.replaceFirst("name: ([a-z_]+)", "name: $1_renamed");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return;
      }
      case 5 -> { // a dataset copied (a new dataset, or a duplicate name)
        int at = indexOf(lines, "    - name: ", random);
        if (at >= 0) {
          lines.add(at, "    - name: copied_" + random.nextInt(100));
          lines.add(at + 1, "      columns:");
          lines.add(
              at + 2, "        - {name: id, type: bigint, nullable: false, primaryKey: true}");
        }
      }
      case 6 -> {
        if (files.size() > 8) {
          Files.delete(file); // a file removed
        }
        return;
      }
      case 7 -> { // a file moved
        Path moved = file.resolveSibling("moved_" + file.getFileName());
        if (!Files.exists(moved)) {
          Files.move(file, moved);
        }
        return;
      }
      case 8 -> { // a word edited anywhere
        if (!lines.isEmpty()) {
          lines.set(line, lines.get(line).replaceFirst("[a-z]+", "renamed"));
        }
      }
      default -> lines.add(line, "  # a comment moves every line below it");
    }
    Files.write(file, lines, StandardCharsets.UTF_8);
  }

  private static int indexOf(List<String> lines, String start, Random random) {
    List<Integer> found = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(start)) {
        found.add(i);
      }
    }
    return found.isEmpty() ? -1 : found.get(random.nextInt(found.size()));
  }

  private List<Path> modelFiles() throws IOException {
    try (Stream<Path> walk = Files.walk(workspace)) {
      return walk.filter(p -> !p.startsWith(workspace.resolve(".git")))
          .filter(p -> p.toString().endsWith(".yaml"))
          .sorted()
          .toList();
    }
  }
}
