package dev.zdp.action.cli;

import dev.zdp.action.deploy.SnapshotSignalSender;
import dev.zdp.action.engine.CannotRun;
import dev.zdp.action.engine.CheckedModel;
import dev.zdp.generator.zero.SnapshotSignal;
import dev.zdp.generator.zero.SnapshotSignals;
import dev.zdp.model.Capture;
import dev.zdp.model.load.DirectorySource;
import dev.zdp.model.load.GitCommitSource;
import dev.zdp.model.load.ModelSource;
import dev.zdp.model.load.ModelSourceException;
import dev.zdp.validator.RuleRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code zdp snapshot}: the incremental snapshot signals a deploy sends, for those who run {@code
 * terraform apply} themselves: the tables a change adds to running captures ({@code --base}), or
 * one dataset re-snapshot on demand ({@code --dataset}). Prints the SQL that sends them, or sends
 * them ({@code --send}) as the action's {@code deploy: apply} does.
 */
@Command(
    name = "snapshot",
    mixinStandardHelpOptions = true,
    versionProvider = ZdpVersion.class,
    description =
        "Print (or --send) the incremental snapshot signals for the tables a change adds to a"
            + " running capture, or for one dataset re-read on demand.",
    footer = {
      "",
      "Run after terraform apply, once the source connectors run their new config.",
      "Exit codes: 0 done (also when there is nothing to signal), 1 the head model has errors,"
          + " 2 could not run (bad arguments, unknown git ref or dataset, a signal not sent)."
    })
final class SnapshotCommand implements Callable<Integer> {

  private static final Duration PUBLICATION_LIMIT = Duration.ofMinutes(3);

  private final RuleRegistry rules;
  private final Map<String, String> environment;

  @Spec CommandSpec spec;

  @Mixin ModelDirectory modelDirectory;

  @Option(
      names = "--base",
      paramLabel = "REF",
      description =
          "The commit deployed before (a branch, tag or sha): signal the tables the head adds to"
              + " its running captures.")
  String base;

  @Option(
      names = "--head",
      paramLabel = "REF",
      description =
          "The commit being deployed (default: the files on disk, then --key is required).")
  String head;

  @Option(
      names = "--dataset",
      paramLabel = "DATASTORE.DATASET",
      description = "Re-read this dataset's table on demand (with --key).")
  String dataset;

  @Option(
      names = "--key",
      paramLabel = "TEXT",
      description =
          "What sets this request apart (a ticket, a date): a signal with the same key is sent"
              + " once. Default with --base and --head: the head commit's sha.")
  String key;

  @Option(
      names = "--send",
      description =
          "Send the signals: connect to each datastore's database with TF_VAR_<credential>_user"
              + " and TF_VAR_<credential>_password, as deploy: apply does.")
  boolean send;

  @Option(names = "--verbose", description = "Show stack traces of failures.")
  boolean verbose;

  SnapshotCommand(RuleRegistry rules, Map<String, String> environment) {
    this.rules = rules;
    this.environment = environment;
  }

  @Override
  public Integer call() throws ModelSourceException {
    if ((base == null) == (dataset == null)) {
      throw new CannotRun(
          "name either --base REF (the tables a change adds) or --dataset DATASTORE.DATASET"
              + " (a re-snapshot on demand)");
    }
    PrintWriter stderr = spec.commandLine().getErr();
    ModelSource headSource =
        head == null
            ? new DirectorySource(modelDirectory.path())
            : new GitCommitSource(modelDirectory.path(), head);
    CheckedModel headModel = CheckedModel.read(headSource, rules);
    if (!headModel.reportTo(stderr, "no signal was made")) {
      return ExitCodes.FINDINGS;
    }
    List<SnapshotSignal> signals;
    if (dataset != null) {
      int dot = dataset.indexOf('.');
      if (dot <= 0 || dot == dataset.length() - 1 || key == null || key.isBlank()) {
        throw new CannotRun(
            "--dataset takes DATASTORE.DATASET (for example crm.orders) and needs --key"
                + " (a ticket or date: the same key is sent once)");
      }
      try {
        signals =
            List.of(
                SnapshotSignals.forDataset(
                    headModel.model(), dataset.substring(0, dot), dataset.substring(dot + 1), key));
      } catch (IllegalArgumentException e) {
        throw new CannotRun(e.getMessage() + "; name a sunk dataset with --dataset", e);
      }
    } else {
      String deployKey = key != null ? key : headCommit();
      CheckedModel baseModel =
          CheckedModel.read(new GitCommitSource(modelDirectory.path(), base), rules);
      signals = SnapshotSignals.forAddedTables(baseModel.model(), headModel.model(), deployKey);
    }
    PrintWriter stdout = spec.commandLine().getOut();
    if (signals.isEmpty()) {
      stdout.println("-- no table's capture starts in a running connector: nothing to signal");
    } else if (send) {
      try {
        new SnapshotSignalSender(
                SnapshotSignalSender.fromEnvironment(environment), PUBLICATION_LIMIT, stdout)
            .send(signals);
      } catch (SnapshotSignalSender.SendFailed e) {
        throw new CannotRun(e.getMessage(), e);
      }
    } else {
      for (SnapshotSignal signal : signals) {
        Capture capture = signal.datastore().capture();
        stdout.println(
            comment(
                signal.connector()
                    + ": incremental snapshot of "
                    + String.join(", ", signal.tables())
                    + " ("
                    + signal.reason()
                    + ")"));
        stdout.println(
            comment(
                "run in database "
                    + capture.database()
                    + " on "
                    + capture.host()
                    + ":"
                    + capture.port()
                    + " once the connector runs its new config"));
        stdout.println(signal.sql());
      }
    }
    stdout.flush();
    return ExitCodes.OK;
  }

  /** A one-line SQL comment: line breaks in model values cannot end it. */
  private static String comment(String text) {
    return "-- " + text.replaceAll("[\\r\\n\\u0085\\u2028\\u2029]", " ");
  }

  private String headCommit() {
    if (head == null) {
      throw new CannotRun(
          "--base without --head compares with the files on disk: give --key to tell this"
              + " deploy's signals apart (for example the commit you apply)");
    }
    try (Repository repository =
        new FileRepositoryBuilder()
            .findGitDir(modelDirectory.path().toAbsolutePath().toFile())
            .setMustExist(true)
            .build()) {
      ObjectId id = repository.resolve(head + "^{commit}");
      if (id == null) {
        throw new CannotRun("unknown git ref '" + head + "' for --head");
      }
      return id.name();
    } catch (IOException | IllegalArgumentException e) {
      throw new CannotRun(
          "cannot read the git repository of " + modelDirectory.path() + ": " + e.getMessage(), e);
    }
  }
}
