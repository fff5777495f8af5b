package dev.zdp.action.ci;

import dev.zdp.action.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;

/** One in-process run of {@code zdp action} in a given environment: exit code and output. */
record ActionRun(int exitCode, String out, String err) {

  static ActionRun run(Map<String, String> environment, Path workingDirectory) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        Main.run(
            environment,
            workingDirectory,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            "action");
    return new ActionRun(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** Copies {@code examples/acme} into {@code dir}. */
  static void copyAcme(Path dir) {
    Path acme = Path.of("..", "examples", "acme");
    try (Stream<Path> files = Files.walk(acme)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Path target = dir.resolve(acme.relativize(file).toString());
        Files.createDirectories(target.getParent());
        Files.copy(file, target);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A bare repository at {@code remote} whose branch {@code main} holds {@code examples/acme} in
   * one commit by {@code author}, cloned into {@code workspace}: what a CI job checks out.
   */
  static void acmeRemoteAndClone(Path remote, Path workspace, PersonIdent author)
      throws GitAPIException, IOException {
    Git.init().setBare(true).setDirectory(remote.toFile()).setInitialBranch("main").call().close();
    Path seed = remote.resolveSibling(remote.getFileName() + "-seed");
    copyAcme(seed);
    try (Git git = Git.init().setDirectory(seed.toFile()).setInitialBranch("main").call()) {
      git.add().addFilepattern(".").call();
      git.commit()
          .setMessage("live model")
          .setSign(false)
          .setAuthor(author)
          .setCommitter(author)
          .call();
      git.push().setRemote(remote.toUri().toString()).add("main").call();
    }
    Git.cloneRepository()
        .setURI(remote.toUri().toString())
        .setDirectory(workspace.toFile())
        .call()
        .close();
  }

  /**
   * The variables of a GitHub push to {@code main} of acme/data-model at {@code sha}, checked out
   * in {@code workspace}, with {@code deploy}: add to them what a test needs besides.
   */
  static Map<String, String> pushEnvironment(Path workspace, Path temp, String sha, String deploy) {
    Map<String, String> env = new HashMap<>();
    env.put("GITHUB_ACTIONS", "true");
    env.put("GITHUB_EVENT_NAME", "push");
    env.put("GITHUB_EVENT_PATH", temp.resolve("no-payload-needed.json").toString());
    env.put("GITHUB_REPOSITORY", "acme/data-model");
    env.put("GITHUB_WORKSPACE", workspace.toString());
    env.put("GITHUB_SERVER_URL", "https://github.com");
    env.put("GITHUB_SHA", sha);
    env.put("GITHUB_REF_NAME", "main");
    env.put("INPUT_DEPLOY", deploy);
    env.put("INPUT_OUTPUT-PATH", "generated");
    env.put("INPUT_TOKEN", "ghs_test_token");
    return env;
  }

  /**
   * Commits every change of {@code git}'s work tree as {@code author}; returns the commit's sha.
   */
  static String commitAll(Git git, String message, PersonIdent author) throws GitAPIException {
    git.add().addFilepattern(".").call();
    return git.commit()
        .setMessage(message)
        .setSign(false)
        .setAuthor(author)
        .setCommitter(author)
        .call()
        .getName();
  }

  /** Replaces the one occurrence of {@code from} in {@code file}. */
  static void edit(Path file, String from, String to) {
    try {
      String text = Files.readString(file);
      if (!text.contains(from)) {
        throw new AssertionError("'" + from + "' is not in " + file);
      }
      Files.writeString(file, text.replace(from, to));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads a {@code GITHUB_OUTPUT} file written with the {@code name<<DELIMITER} syntax; later
   * values win, as on GitHub.
   */
  static Map<String, String> outputs(Path file) {
    Map<String, String> outputs = new LinkedHashMap<>();
    try {
      var lines = Files.readAllLines(file).iterator();
      while (lines.hasNext()) {
        String line = lines.next();
        int at = line.indexOf("<<");
        if (at < 0) {
          throw new AssertionError("not an output line: " + line);
        }
        String name = line.substring(0, at);
        String delimiter = line.substring(at + 2);
        StringBuilder value = new StringBuilder();
        for (String next = lines.next(); !next.equals(delimiter); next = lines.next()) {
          value.append(value.isEmpty() ? "" : "\n").append(next);
        }
        outputs.put(name, value.toString());
      }
      return outputs;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
