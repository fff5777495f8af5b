package dev.zdp.action.cli;

import dev.zdp.action.ci.ActionCommand;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top-level {@code zdp} command: names the subcommands, one class each. */
@Command(
    name = "zdp",
    mixinStandardHelpOptions = true,
    versionProvider = ZdpVersion.class,
    description =
        "Validate a data ecosystem model kept in git and render it for the Zero platform.",
    subcommands = {
      InitCommand.class,
      ValidateCommand.class,
      GenerateCommand.class,
      PlanCommand.class,
      StatusCommand.class,
      SnapshotCommand.class,
      ReconcileCommand.class,
      GraphCommand.class,
      DocsCommand.class,
      TemplatesCommand.class,
      RulesCommand.class,
      ActionCommand.class,
      SandboxCommand.class,
      CompletionCommand.class,
      HelpCommand.class
    })
final class ZdpCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  /** {@code zdp} with no subcommand: say which ones there are. */
  @Override
  public Integer call() {
    String commands = String.join(", ", spec.subcommands().keySet());
    spec.commandLine()
        .getErr()
        .println("zdp: name a command (" + commands + "); run 'zdp --help' for details");
    return ExitCodes.CANNOT_RUN;
  }
}
