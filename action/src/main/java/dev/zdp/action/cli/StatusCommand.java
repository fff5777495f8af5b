package dev.zdp.action.cli;

import dev.zdp.action.engine.CannotRun;
import dev.zdp.action.engine.CheckedModel;
import dev.zdp.action.engine.UserTemplates;
import dev.zdp.action.status.PlatformStatus;
import dev.zdp.action.status.StatusReport;
import dev.zdp.action.status.TopicReader;
import dev.zdp.action.status.Variables;
import dev.zdp.generator.ArtifactSink;
import dev.zdp.generator.GenerationException;
import dev.zdp.model.load.DirectorySource;
import dev.zdp.model.load.ModelSourceException;
import dev.zdp.validator.RuleRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code zdp status}: compares the running platform with what {@code generate} renders for the
 * model, through the endpoints Terraform would use.
 */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    versionProvider = ZdpVersion.class,
    description =
        "Report the health, freshness and drift of the deployed platform: connectors and topics"
            + " as the model renders them, corpus tables within their freshness objectives.",
    footer = {
      "",
      "Endpoints and credentials are the generated Terraform variables: the model's values,"
          + " overridden by TF_VAR_<name> in the environment, then each --var-file, then each"
          + " --var.",
      "Exit codes: 0 healthy and without drift, 1 findings (an unreachable endpoint included),"
          + " 2 could not run (bad arguments, unreadable model or --var-file)."
    })
final class StatusCommand implements Callable<Integer> {

  private final RuleRegistry rules;
  private final Map<String, String> environment;
  private final TopicReader topics;

  @Spec CommandSpec spec;

  @Mixin ModelDirectory modelDirectory;

  @Option(
      names = "--var-file",
      paramLabel = "FILE",
      description =
          "A tfvars file of variable values (name = \"value\"), as terraform -var-file;"
              + " repeatable.")
  List<Path> varFiles = new ArrayList<>();

  @Option(
      names = "--var",
      paramLabel = "NAME=VALUE",
      description = "One variable's value, as terraform -var; repeatable.")
  List<String> vars = new ArrayList<>();

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      description = "text, json or markdown (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(
      names = "--shard-size",
      paramLabel = "N",
      description =
          "The platform was generated with generate's --shard-size N: its fixes name the shard's"
              + " root module.")
  Integer shardSize;

  @Option(names = "--verbose", description = "Show stack traces of failures.")
  boolean verbose;

  StatusCommand(RuleRegistry rules, Map<String, String> environment, TopicReader topics) {
    this.rules = rules;
    this.environment = environment;
    this.topics = topics;
  }

  @Override
  public Integer call() throws ModelSourceException {
    Choices.check("--format", format, StatusReport.FORMATS);
    Variables overrides = Variables.read(environment, varFiles, vars);
    PrintWriter stderr = spec.commandLine().getErr();
    CheckedModel checked = CheckedModel.read(new DirectorySource(modelDirectory.path()), rules);
    if (!checked.reportTo(stderr, "the status was not checked")) {
      return ExitCodes.CANNOT_RUN;
    }
    UserTemplates templates = UserTemplates.onDisk(modelDirectory.path());
    // only the Terraform is compared: every other artifact is left unrendered
    SortedMap<String, byte[]> terraform = new ConcurrentSkipListMap<>();
    try {
      Generators.render(
          Generators.withShardSize(shardSize),
          checked.model(),
          templates,
          modelDirectory.path().toString(),
          new ArtifactSink.Incremental() {
            @Override
            public void renderer(String fingerprint) {}

            @Override
            public boolean upToDate(String path, String fingerprint) {
              return !path.endsWith(".tf");
            }

            @Override
            public void accept(String path, String fingerprint, byte[] content) {
              terraform.put(path, content);
            }
          });
    } catch (GenerationException e) {
      throw new CannotRun(
          "cannot render the model in " + modelDirectory.path() + ": " + e.getMessage(), e);
    } catch (IOException e) {
      throw new IllegalStateException("rendering into memory does not write", e);
    }
    overrides.checkAssigned(declaredVariables(terraform));
    HttpClient http =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            // HTTP/1.1 with kept-alive connections: no h2c upgrade offered on every call
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    StatusReport report =
        PlatformStatus.check(checked.model(), terraform, overrides, http, topics, true);
    PrintWriter stdout = spec.commandLine().getOut();
    stdout.print(report.render(format));
    stdout.flush();
    return report.healthy() ? ExitCodes.OK : ExitCodes.FINDINGS;
  }

  private static final Pattern DECLARED =
      Pattern.compile("^variable\\s+\"([^\"]+)\"", Pattern.MULTILINE);

  /** The variables the rendered Terraform declares, in every root module. */
  static Set<String> declaredVariables(Map<String, byte[]> terraform) {
    Set<String> declared = new TreeSet<>();
    terraform
        .values()
        .forEach(
            bytes -> {
              Matcher m = DECLARED.matcher(new String(bytes, StandardCharsets.UTF_8));
              while (m.find()) {
                declared.add(m.group(1));
              }
            });
    return declared;
  }
}
