package dev.zdp.action.cli;

import dev.zdp.action.engine.CannotRun;
import dev.zdp.action.engine.CheckedModel;
import dev.zdp.catalog.CatalogException;
import dev.zdp.catalog.CatalogSite;
import dev.zdp.model.load.DirectorySource;
import dev.zdp.model.load.ModelSourceException;
import dev.zdp.validator.RuleRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code zdp docs}: the static catalog site of the model (pages, lineage pictures, search), written
 * by {@link CatalogSite}. Nothing is written for a model with errors.
 */
@Command(
    name = "docs",
    mixinStandardHelpOptions = true,
    versionProvider = ZdpVersion.class,
    description =
        "Write a static catalog site of the model: a page per zone, team, datastore, dataset and"
            + " workspace, lineage pictures and search; open its index.html or publish it on"
            + " GitHub/GitLab Pages.",
    footer = {
      "",
      "Exit codes: 0 written, 1 the model has errors (nothing written),"
          + " 2 could not run (bad arguments, unreadable model, unusable output directory)."
    })
final class DocsCommand implements Callable<Integer> {

  private final RuleRegistry rules;

  @Spec CommandSpec spec;

  @Mixin ModelDirectory modelDirectory;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description =
          "Directory to write the site into (default: <model>/site); an earlier site there is"
              + " replaced, a directory holding other files is refused.")
  Path out;

  @Option(names = "--verbose", description = "Show stack traces of failures.")
  boolean verbose;

  DocsCommand(RuleRegistry rules) {
    this.rules = rules;
  }

  @Override
  public Integer call() throws ModelSourceException {
    CheckedModel checked = CheckedModel.read(new DirectorySource(modelDirectory.path()), rules);
    if (!checked.reportTo(spec.commandLine().getErr(), "no site was written")) {
      return ExitCodes.FINDINGS;
    }
    Path outDir = out == null ? modelDirectory.path().resolve("site") : out;
    CatalogSite.Written written;
    try {
      written = CatalogSite.write(checked.model(), outDir);
    } catch (CatalogException e) {
      throw new CannotRun(e.getMessage(), e);
    } catch (IOException e) {
      throw new CannotRun(
          "cannot write the site into '" + outDir + "': " + e + "; choose a writable --out", e);
    }
    PrintWriter stdout = spec.commandLine().getOut();
    stdout.printf(
        "wrote %d pages and a search index of %d entries to %s; open %s%n",
        written.pages(), written.searchRows(), outDir, outDir.resolve("index.html"));
    stdout.flush();
    return ExitCodes.OK;
  }
}
