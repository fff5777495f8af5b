package dev.zdp.bench;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code java -jar bench/target/zdp-bench.jar --datastores 1000 --out DIR}: writes a synthetic
 * model repository (see {@link SyntheticRepository}) and prints the pull request's change source.
 */
@Command(
    name = "zdp-bench-model",
    mixinStandardHelpOptions = true,
    description = "Write a synthetic, valid model into a new git repository: a base and a head.")
public final class Main implements Callable<Integer> {

  @Option(names = "--datastores", required = true, description = "Datastores (at least 2).")
  int datastores;

  @Option(
      names = "--datasets",
      defaultValue = "10",
      description = "Datasets per datastore (default: ${DEFAULT-VALUE}).")
  int datasets;

  @Option(names = "--workspaces", description = "Workspaces (default: half the datastores).")
  Integer workspaces;

  @Option(names = "--seed", defaultValue = "1", description = "Seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--out", required = true, description = "An empty or new directory.")
  Path out;

  @Override
  public Integer call() throws Exception {
    Shape shape =
        workspaces == null
            ? Shape.of(datastores, datasets, seed)
            : new Shape(datastores, datasets, workspaces, seed);
    SyntheticEcosystem base = SyntheticEcosystem.generate(shape);
    SyntheticRepository.write(out, base, base.withPullRequest());
    System.out.println(base.changeSource());
    return 0;
  }

  public static void main(String[] args) {
    // JGit logs through SLF4J and the bench ships no backend: keep SLF4J's warning about it quiet.
    if (System.getProperty("slf4j.internal.verbosity") == null) {
      System.setProperty("slf4j.internal.verbosity", "ERROR");
    }
    System.exit(new CommandLine(new Main()).execute(args));
  }
}
