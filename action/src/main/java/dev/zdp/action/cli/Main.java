package dev.zdp.action.cli;

import dev.zdp.action.status.TopicReader;
import dev.zdp.validator.RuleRegistry;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine;

/**
 * The {@code zdp} command line. {@link #run} does all the work and returns the exit code, so tests
 * call it in-process with their own streams; {@link #main} only hands the code to the JVM.
 *
 * <p>Exit codes: {@value ExitCodes#OK} no errors, {@value ExitCodes#FINDINGS} errors found (or
 * warnings with {@code --strict}), {@value ExitCodes#CANNOT_RUN} could not run (bad arguments, a
 * model that cannot be read). Every failure to run is one line on stderr starting {@code zdp: }.
 */
public final class Main {

  private static final String SLF4J_VERBOSITY = "slf4j.internal.verbosity";

  private Main() {}

  public static void main(String[] args) {
    // JGit and Jinjava log through SLF4J, and zdp ships no logging backend: without this SLF4J
    // prints three lines of warnings about it on every run that reads git or renders templates.
    if (System.getProperty(SLF4J_VERBOSITY) == null) {
      System.setProperty(SLF4J_VERBOSITY, "ERROR");
    }
    System.exit(run(System.out, System.err, args));
  }

  /** Runs {@code zdp args}, writing to {@code out} and {@code err}, and returns the exit code. */
  public static int run(PrintStream out, PrintStream err, String... args) {
    return run(RuleRegistry.builtIn(), out, err, args);
  }

  /**
   * Runs {@code zdp args} in the given process environment and working directory instead of this
   * process's (for tests of {@code zdp action}, which reads the CI's variables).
   */
  public static int run(
      Map<String, String> environment,
      Path workingDirectory,
      PrintStream out,
      PrintStream err,
      String... args) {
    return run(RuleRegistry.builtIn(), environment, workingDirectory, out, err, args);
  }

  /** Runs {@code zdp args} with {@code rules} instead of the built-in rules (for tests). */
  static int run(RuleRegistry rules, PrintStream out, PrintStream err, String... args) {
    return run(rules, System.getenv(), Path.of("").toAbsolutePath(), out, err, args);
  }

  private static int run(
      RuleRegistry rules,
      Map<String, String> environment,
      Path workingDirectory,
      PrintStream out,
      PrintStream err,
      String... args) {
    return run(rules, environment, workingDirectory, TopicReader.KAFKA, out, err, args);
  }

  /** Runs {@code zdp args} with {@code topics} standing in for Kafka (for tests). */
  static int run(
      RuleRegistry rules,
      Map<String, String> environment,
      Path workingDirectory,
      TopicReader topics,
      PrintStream out,
      PrintStream err,
      String... args) {
    PrintWriter outWriter = utf8(out);
    PrintWriter errWriter = utf8(err);
    try {
      CommandLine cli =
          new CommandLine(
              new ZdpCommand(), new CommandFactory(rules, environment, workingDirectory, topics));
      cli.setOut(outWriter);
      cli.setErr(errWriter);
      OneLineErrors errors = new OneLineErrors(errWriter);
      cli.setParameterExceptionHandler(errors);
      cli.setExecutionExceptionHandler(errors);
      return cli.execute(args);
    } finally {
      outWriter.flush();
      errWriter.flush();
    }
  }

  private static PrintWriter utf8(PrintStream stream) {
    return new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), true);
  }
}
