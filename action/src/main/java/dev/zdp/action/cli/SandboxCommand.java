package dev.zdp.action.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * {@code zdp sandbox} where the sandbox is not part of the build (the action's image, the CLI jar):
 * the sandbox runs Kafka, Connect and Spark from its own module, started by {@code bin/zdp sandbox}
 * in a checkout (docs/sandbox.md).
 */
@Command(
    name = "sandbox",
    mixinStandardHelpOptions = true,
    versionProvider = ZdpVersion.class,
    description =
        "Run the model's pipelines on this machine (only from a checkout: bin/zdp sandbox).")
final class SandboxCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  /** Whatever the user passed: this build cannot run it, whatever it is. */
  @Unmatched List<String> arguments;

  @Override
  public Integer call() {
    spec.commandLine()
        .getErr()
        .println(
            "zdp: the sandbox is not part of this build; run it from a checkout of zdp with"
                + " 'bin/zdp sandbox --model DIR' (docs/sandbox.md)");
    return ExitCodes.CANNOT_RUN;
  }
}
