package dev.zdp.sandbox.apply;

import dev.zdp.generator.zero.TerraformReader;
import dev.zdp.model.platform.zero.ZeroLayout;
import dev.zdp.sandbox.SandboxException;
import dev.zdp.sandbox.TopicSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One generated Terraform root module read back with the generator's {@link TerraformReader}, with
 * its variables resolved: the topics and connectors it declares, exactly as the Mongey providers
 * would send them, and its MERGE jobs.
 *
 * @param directory the root module's directory
 * @param topics every {@code kafka_topic}, by file then resource order
 * @param connectors every {@code kafka-connect_connector}; sources before sinks, as their {@code
 *     depends_on} orders them
 * @param mergeJobs the MERGE job files under {@code merge/}, sorted (live and forensic)
 * @param stagingFiles the staging tables' DDL under {@code staging/}, one file per datastore,
 *     sorted
 */
public record GeneratedModule(
    Path directory,
    List<TopicSpec> topics,
    List<ConnectorSpec> connectors,
    List<Path> mergeJobs,
    List<Path> stagingFiles) {

  private static final Pattern UNRESOLVED = Pattern.compile("\\bvar\\.([a-z0-9_]+)");

  public GeneratedModule {
    topics = List.copyOf(topics);
    connectors = List.copyOf(connectors);
    mergeJobs = List.copyOf(mergeJobs);
    stagingFiles = List.copyOf(stagingFiles);
  }

  /**
   * The root modules under a generated output directory: every directory holding a {@code
   * versions.tf}, sorted.
   */
  public static List<Path> rootModules(Path outputDirectory) {
    try (Stream<Path> files = Files.walk(outputDirectory)) {
      return files
          .filter(file -> file.getFileName().toString().equals("versions.tf"))
          .map(Path::getParent)
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list the generated modules in " + outputDirectory, e);
    }
  }

  /**
   * Reads a root module, resolving {@code var.*} from {@code values}, else from the variable's
   * {@code default}.
   *
   * @throws SandboxException when a variable the resources use has no value, or a file is not HCL
   */
  public static GeneratedModule read(Path directory, Map<String, String> values) {
    SortedMap<String, String> texts = tfFiles(directory);
    Map<String, Object> variables = new HashMap<>();
    TreeSet<String> missing = new TreeSet<>();
    texts.forEach(
        (file, text) -> {
          for (TerraformReader.Variable variable :
              readable(file, text, TerraformReader::variables)) {
            String key = variable.name();
            if (values.containsKey(key)) {
              variables.put(key, values.get(key));
            } else if (variable.defaultValue().isPresent()) {
              variables.put(key, String.valueOf(variable.defaultValue().get()));
            } else {
              missing.add(key);
            }
          }
        });
    List<TopicSpec> topics = new ArrayList<>();
    List<ConnectorSpec> sources = new ArrayList<>();
    List<ConnectorSpec> others = new ArrayList<>();
    texts.forEach(
        (file, text) -> {
          Map<String, Object> parsed =
              readable(file, text, (f, t) -> TerraformReader.parse(f, t, variables));
          if (!(parsed.get("resource") instanceof Map<?, ?> resources)) {
            return;
          }
          if (resources.get("kafka_topic") instanceof Map<?, ?> declared) {
            declared.forEach(
                (address, body) ->
                    topics.add(topic(file, "kafka_topic." + address, (Map<?, ?>) body, missing)));
          }
          if (resources.get("kafka-connect_connector") instanceof Map<?, ?> declared) {
            declared.forEach(
                (address, body) -> {
                  ConnectorSpec connector =
                      connector(
                          file, "kafka-connect_connector." + address, (Map<?, ?>) body, missing);
                  (connector.config().containsKey("topics") ? others : sources).add(connector);
                });
          }
        });
    List<ConnectorSpec> connectors = new ArrayList<>(sources);
    connectors.addAll(others);
    return new GeneratedModule(
        directory,
        topics,
        connectors,
        sqlFiles(directory, ZeroLayout.MERGE),
        sqlFiles(directory, ZeroLayout.STAGING));
  }

  private static TopicSpec topic(String file, String address, Map<?, ?> body, Set<String> missing) {
    Map<String, String> config = new TreeMap<>();
    if (body.get("config") instanceof Map<?, ?> map) {
      map.forEach((k, v) -> config.put(String.valueOf(k), resolved(file, address, v, missing)));
    }
    return new TopicSpec(
        resolved(file, address, required(file, address, body, "name"), missing),
        number(file, address, body, "partitions"),
        number(file, address, body, "replication_factor"),
        config);
  }

  private static ConnectorSpec connector(
      String file, String address, Map<?, ?> body, Set<String> missing) {
    Map<String, String> config = new TreeMap<>();
    for (String attribute : new String[] {"config", "config_sensitive"}) {
      if (body.get(attribute) instanceof Map<?, ?> map) {
        map.forEach((k, v) -> config.put(String.valueOf(k), resolved(file, address, v, missing)));
      }
    }
    return new ConnectorSpec(
        resolved(file, address, required(file, address, body, "name"), missing), config);
  }

  private static Object required(String file, String address, Map<?, ?> body, String attribute) {
    Object value = body.get(attribute);
    if (value == null) {
      throw new SandboxException(
          "Cannot apply " + address + " in " + file + ": it has no '" + attribute + "'");
    }
    return value;
  }

  private static int number(String file, String address, Map<?, ?> body, String attribute) {
    Object value = required(file, address, body, attribute);
    if (value instanceof Number n) {
      return n.intValue();
    }
    try {
      return Integer.parseInt(String.valueOf(value));
    } catch (NumberFormatException e) {
      throw new SandboxException(
          "Cannot apply "
              + address
              + " in "
              + file
              + ": '"
              + attribute
              + "' is '"
              + value
              + "', not a whole number");
    }
  }

  private static String resolved(String file, String address, Object value, Set<String> missing) {
    String text =
        value instanceof Double d && d == Math.rint(d)
            ? String.valueOf(d.longValue())
            : String.valueOf(value);
    Matcher unresolved = UNRESOLVED.matcher(text);
    while (unresolved.find()) {
      if (missing.contains(unresolved.group(1))) {
        throw new SandboxException(
            "Cannot apply "
                + address
                + " in "
                + file
                + ": variable '"
                + unresolved.group(1)
                + "' has no value (give it one, as TF_VAR_"
                + unresolved.group(1)
                + " would)");
      }
    }
    return text;
  }

  private static SortedMap<String, String> tfFiles(Path directory) {
    SortedMap<String, String> texts = new TreeMap<>();
    try (Stream<Path> files = Files.list(directory)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".tf")).sorted().toList()) {
        texts.put(file.getFileName().toString(), Files.readString(file));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the generated module " + directory, e);
    }
    if (texts.isEmpty()) {
      throw new SandboxException("Cannot apply " + directory + ": it has no .tf files");
    }
    return texts;
  }

  /** The {@code .sql} files under {@code directory/subdirectory}, sorted. */
  private static List<Path> sqlFiles(Path directory, String subdirectory) {
    Path root = directory.resolve(subdirectory);
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(f -> f.toString().endsWith(".sql")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list the SQL files in " + root, e);
    }
  }

  /** Every staging table ({@code namespace.table}) the module's sinks write, sorted. */
  public List<String> stagingTables() {
    return connectors.stream()
        .map(connector -> connector.config().getOrDefault("iceberg.tables", ""))
        .flatMap(tables -> Stream.of(tables.split(",")))
        .map(String::strip)
        .filter(table -> !table.isEmpty())
        .sorted()
        .toList();
  }

  /** What {@code read} makes of one generated file; a file that is not HCL fails the sandbox. */
  private static <T> T readable(String file, String text, BiFunction<String, String, T> read) {
    try {
      return read.apply(file, text);
    } catch (TerraformReader.InvalidHclException e) {
      throw new SandboxException(e.getMessage(), e);
    }
  }

  /** The MERGE job of a dataset's live or forensic corpus table, when generated. */
  public Optional<Path> mergeJob(String datastore, String dataset, boolean forensic) {
    Path job = directory.resolve(ZeroLayout.mergeJob(datastore, dataset, forensic));
    return mergeJobs.contains(job) ? Optional.of(job) : Optional.empty();
  }

  /**
   * The staging table ({@code namespace.table}) a MERGE job reads: the sinks' {@code
   * iceberg.tables} entry named {@code <datastore>__<dataset>} after the job's {@code
   * merge/<datastore>/<dataset>}.
   */
  public Optional<String> stagingTable(Path mergeJob) {
    Optional<ZeroLayout.MergeJob> job =
        ZeroLayout.readMergeJob(directory.relativize(mergeJob).toString().replace('\\', '/'));
    if (job.isEmpty()) {
      return Optional.empty();
    }
    String suffix = "." + job.get().datastore() + "__" + job.get().dataset();
    return connectors.stream()
        .map(connector -> connector.config().getOrDefault("iceberg.tables", ""))
        .flatMap(tables -> Stream.of(tables.split(",")))
        .map(String::strip)
        .filter(table -> table.endsWith(suffix))
        .findFirst();
  }
}
