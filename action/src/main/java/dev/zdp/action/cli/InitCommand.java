package dev.zdp.action.cli;

import dev.zdp.action.engine.CannotRun;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code zdp init [DIR]}: a new model to start from: an Ecosystem, a zone, a team, a datastore and
 * a workspace, commented, valid, and runnable in the sandbox as written. Each file's {@code
 * $schema} comment points at the JSON Schema written beside them ({@value #SCHEMA}), so an editor
 * finds it wherever the model lives.
 */
@Command(
    name = "init",
    mixinStandardHelpOptions = true,
    versionProvider = ZdpVersion.class,
    description =
        "Write a new, commented model (an ecosystem, a zone, a team, a datastore, a workspace)"
            + " into DIR, with the JSON Schema editors complete it from.")
final class InitCommand implements Callable<Integer> {

  /** Where the model's files point their {@code $schema} comment, relative to the model. */
  static final String SCHEMA = "schema/zdp-v1.schema.json";

  private static final String SCHEMA_RESOURCE = "/dev/zdp/model/zdp-v1.schema.json";
  private static final String TEMPLATES = "init/";

  /** The files written, in the order listed; each is a resource under {@value #TEMPLATES}. */
  private static final List<String> FILES =
      List.of(
          "README.md",
          "ecosystem.yaml",
          "zones/main.yaml",
          "teams/app_team/team.yaml",
          "teams/app_team/app.yaml",
          "workspaces/reporting.yaml");

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "DIR",
      defaultValue = ".",
      description = "A new or empty directory. Default: ${DEFAULT-VALUE}")
  Path dir;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    requireEmpty(dir);
    try {
      for (String file : FILES) {
        write(file, resource(TEMPLATES + file));
      }
      write(SCHEMA, resource(SCHEMA_RESOURCE));
    } catch (IOException e) {
      throw new CannotRun("Cannot write the model into '" + dir + "': " + IoProblems.describe(e));
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println("Wrote a new model into " + dir + ":");
    Stream.concat(FILES.stream(), Stream.of(SCHEMA)).forEach(file -> out.println("  " + file));
    out.println(
        "Next: zdp validate --model "
            + dir
            + "; run it on this machine with bin/zdp"
            + " sandbox --model "
            + dir
            + " (from a zdp checkout); see README.md there.");
    out.flush();
    return ExitCodes.OK;
  }

  private static void requireEmpty(Path dir) {
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new CannotRun(
          "Cannot write a model into '" + dir + "': it is a file; name a new or empty directory");
    }
    if (Files.isDirectory(dir)) {
      try (Stream<Path> entries = Files.list(dir)) {
        if (entries.findAny().isPresent()) {
          throw new CannotRun(
              "Cannot write a model into '"
                  + dir
                  + "': the directory is not empty; name a new or empty directory"
                  + " (zdp init DIR)");
        }
      } catch (IOException e) {
        throw new CannotRun("Cannot read '" + dir + "': " + IoProblems.describe(e));
      }
    }
  }

  private void write(String file, byte[] content) throws IOException {
    Path target = dir.resolve(file);
    Files.createDirectories(target.getParent() == null ? dir : target.getParent());
    Files.write(target, content);
  }

  private static byte[] resource(String name) {
    try (InputStream in = InitCommand.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("zdp is missing its resource " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
