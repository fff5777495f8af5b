package dev.zdp.action.cli;

import dev.zdp.action.engine.CannotRun;
import dev.zdp.action.engine.UserTemplates;
import dev.zdp.generator.Generator;
import dev.zdp.generator.template.TemplateEngine;
import dev.zdp.model.Suggestions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code zdp templates}: the templates {@code generate} renders with, and copying one into the
 * model's {@code templates/} directory to change it there.
 */
@Command(
    name = "templates",
    mixinStandardHelpOptions = true,
    versionProvider = ZdpVersion.class,
    description = "List the templates generate renders with, or copy one out to edit it.",
    subcommands = {TemplatesCommand.ListTemplates.class, TemplatesCommand.Eject.class})
final class TemplatesCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine()
        .getErr()
        .println(
            "zdp: name a templates command ("
                + String.join(", ", spec.subcommands().keySet())
                + "); run 'zdp templates --help' for details");
    return ExitCodes.CANNOT_RUN;
  }

  /** {@code zdp templates list}: every template name, and which the model overrides. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      versionProvider = ZdpVersion.class,
      description = "List the built-in templates, marking those the model's templates/ overrides.")
  static final class ListTemplates implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(
        names = "--model",
        paramLabel = "DIR",
        defaultValue = ".",
        description =
            "The model directory whose templates/ to look in (default: ${DEFAULT-VALUE}).")
    Path model;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      UserTemplates user = UserTemplates.onDisk(model);
      int width = Generator.templateNames().stream().mapToInt(String::length).max().orElse(0);
      for (String name : Generator.templateNames()) {
        String overridden =
            user.fileToFix(name)
                .map(f -> "overridden by " + user.directory().orElseThrow().resolve(name))
                .orElse("built-in");
        out.printf("%-" + width + "s  %s%n", name, overridden);
      }
      user.strays().forEach(stray -> spec.commandLine().getErr().println("zdp: warning: " + stray));
      out.flush();
      return ExitCodes.OK;
    }
  }

  /** {@code zdp templates eject NAME}: copies a built-in template into the model to edit it. */
  @Command(
      name = "eject",
      mixinStandardHelpOptions = true,
      versionProvider = ZdpVersion.class,
      description =
          "Copy a built-in template to <model>/templates/NAME; generate then renders with that"
              + " copy.")
  static final class Eject implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Parameters(paramLabel = "NAME", description = "The template, e.g. zero/datastore.tf.j2.")
    String name;

    @Option(
        names = "--model",
        paramLabel = "DIR",
        defaultValue = ".",
        description = "The model directory to copy the template into (default: ${DEFAULT-VALUE}).")
    Path model;

    @Option(names = "--force", description = "Replace the model's copy if it has one already.")
    boolean force;

    @Override
    public Integer call() {
      if (!Generator.templateNames().contains(name)) {
        throw new CannotRun(
            "there is no template '"
                + name
                + "'; "
                + Suggestions.nearest(name, Generator.templateNames())
                    .map(n -> "did you mean '" + n + "'? ")
                    .orElse("")
                + "run 'zdp templates list' for the names");
      }
      String text = TemplateEngine.builtIn(name).orElseThrow();
      if (!Files.isDirectory(model)) {
        throw new CannotRun(
            "model directory '"
                + model
                + "' does not exist; pass --model with the directory that holds the model's YAML"
                + " files");
      }
      Path target = model.resolve(UserTemplates.DIRECTORY).resolve(name);
      if (Files.exists(target) && !force) {
        throw new CannotRun(
            "'"
                + target
                + "' exists already; edit it, or pass --force to replace it with the built-in"
                + " template");
      }
      try {
        Files.createDirectories(target.getParent());
        Files.writeString(target, text, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new CannotRun("cannot write '" + target + "': " + e, e);
      }
      spec.commandLine()
          .getOut()
          .println("wrote " + target + "; zdp generate renders with it from now on");
      spec.commandLine().getOut().flush();
      return ExitCodes.OK;
    }
  }
}
