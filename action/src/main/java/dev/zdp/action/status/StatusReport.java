package dev.zdp.action.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.zdp.model.Durations;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What {@code zdp status} found, sorted, and how many objects it checked.
 *
 * @param checked per platform, how many of each kind of object were compared ({@code connectors},
 *     ...)
 * @param datasets each dataset's freshness, by platform and name
 */
public record StatusReport(
    List<Finding> findings,
    SortedMap<String, SortedMap<String, Integer>> checked,
    List<DatasetFreshness> datasets) {

  /** The {@code --format} names. */
  public static final List<String> FORMATS = List.of("text", "json", "markdown");

  public StatusReport {
    findings = findings.stream().sorted().toList();
    checked = new TreeMap<>(checked);
    datasets =
        datasets.stream()
            .sorted(
                Comparator.comparing(DatasetFreshness::platform)
                    .thenComparing(DatasetFreshness::dataset))
            .toList();
  }

  /** Whether the platform is healthy, fresh and without drift. */
  public boolean healthy() {
    return findings.isEmpty();
  }

  /** The report in {@code format}, one of {@link #FORMATS}. */
  public String render(String format) {
    return switch (format) {
      case "json" -> json();
      case "markdown" -> markdown();
      default -> text();
    };
  }

  /** {@code 2 findings (1 health, 1 drift) in 6 connectors of 1 platform}, or all is well. */
  public String summary() {
    String scope =
        checked.values().stream()
                .flatMap(m -> m.entrySet().stream())
                .collect(
                    Collectors.groupingBy(
                        Map.Entry::getKey,
                        TreeMap::new,
                        Collectors.summingInt(Map.Entry::getValue)))
                .entrySet()
                .stream()
                .map(
                    e ->
                        e.getValue()
                            + " "
                            + (e.getValue() == 1 ? e.getKey().replaceAll("s$", "") : e.getKey()))
                .collect(Collectors.joining(", "))
            + " of "
            + checked.size()
            + (checked.size() == 1 ? " platform" : " platforms");
    if (findings.isEmpty()) {
      return "healthy, without drift: " + scope;
    }
    String kinds =
        findings.stream()
            .collect(Collectors.groupingBy(Finding::kind, TreeMap::new, Collectors.counting()))
            .entrySet()
            .stream()
            .map(e -> e.getValue() + " " + e.getKey())
            .collect(Collectors.joining(", "));
    return findings.size()
        + (findings.size() == 1 ? " finding" : " findings")
        + " ("
        + kinds
        + ") in "
        + scope;
  }

  private String text() {
    StringBuilder out = new StringBuilder();
    for (Finding f : findings) {
      out.append(f.platform())
          .append(": ")
          .append(f.object())
          .append(" [")
          .append(f.kind())
          .append("]: ")
          .append(f.problem())
          .append("\n  fix: ")
          .append(f.fix())
          .append('\n');
    }
    for (DatasetFreshness d : datasets) {
      out.append(d.platform())
          .append(": dataset ")
          .append(d.dataset())
          .append(": sink lag ")
          .append(lag(d))
          .append(", latest staging commit ")
          .append(time(d.latestStaging()))
          .append(", merged through ")
          .append(time(d.mergedThrough()))
          .append(" (objective ")
          .append(Durations.format(d.objective()))
          .append(")\n");
    }
    return out.append(summary()).append('\n').toString();
  }

  private String markdown() {
    StringBuilder out = new StringBuilder("## zdp status\n\n");
    out.append(findings.isEmpty() ? "✅ " : "❌ ").append(summary()).append("\n");
    if (!findings.isEmpty()) {
      out.append("\n| platform | object | kind | what is wrong | what to do |\n");
      out.append("|---|---|---|---|---|\n");
      for (Finding f : findings) {
        out.append("| ")
            .append(cell(f.platform()))
            .append(" | ")
            .append(cell(f.object()))
            .append(" | ")
            .append(f.kind())
            .append(" | ")
            .append(cell(f.problem()))
            .append(" | ")
            .append(cell(f.fix()))
            .append(" |\n");
      }
    }
    if (!datasets.isEmpty()) {
      out.append("\n<details><summary>Freshness of ")
          .append(datasets.size())
          .append(datasets.size() == 1 ? " dataset" : " datasets")
          .append("</summary>\n\n")
          .append(
              "| platform | dataset | sink lag | latest staging commit | merged through |"
                  + " objective |\n")
          .append("|---|---|---:|---|---|---|\n");
      for (DatasetFreshness d : datasets) {
        out.append("| ")
            .append(cell(d.platform()))
            .append(" | ")
            .append(cell(d.dataset()))
            .append(" | ")
            .append(lag(d))
            .append(" | ")
            .append(time(d.latestStaging()))
            .append(" | ")
            .append(time(d.mergedThrough()))
            .append(" | ")
            .append(Durations.format(d.objective()))
            .append(" |\n");
      }
      out.append("\n</details>\n");
    }
    return out.toString();
  }

  /** A dataset's sink lag, {@code -} when it was not read. */
  private static String lag(DatasetFreshness d) {
    return d.sinkLag().isPresent() ? String.valueOf(d.sinkLag().getAsLong()) : "-";
  }

  /** A time to the second, {@code -} when there is none. */
  private static String time(Optional<Instant> time) {
    return time.map(t -> t.truncatedTo(ChronoUnit.SECONDS).toString()).orElse("-");
  }

  /** A table cell: pipes escaped, line breaks as spaces, code spans kept to one line. */
  private static String cell(String text) {
    return text.replace("\\", "\\\\").replace("|", "\\|").replaceAll("[\\r\\n]+", " ");
  }

  private String json() {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    root.put("healthy", healthy());
    root.put("findings", findings.size());
    ObjectNode counts = root.putObject("checked");
    checked.forEach((platform, kinds) -> kinds.forEach(counts.putObject(platform)::put));
    ArrayNode items = root.putArray("items");
    for (Finding f : findings) {
      items
          .addObject()
          .put("platform", f.platform())
          .put("kind", f.kind())
          .put("object", f.object())
          .put("problem", f.problem())
          .put("fix", f.fix());
    }
    ArrayNode fresh = root.putArray("datasets");
    for (DatasetFreshness d : datasets) {
      ObjectNode item =
          fresh
              .addObject()
              .put("platform", d.platform())
              .put("dataset", d.dataset())
              .put("objective", Durations.format(d.objective()));
      if (d.sinkLag().isPresent()) {
        item.put("sink_lag", d.sinkLag().getAsLong());
      } else {
        item.putNull("sink_lag");
      }
      item.put(
          "latest_staging_commit", d.latestStaging().isEmpty() ? null : time(d.latestStaging()));
      item.put("merged_through", d.mergedThrough().isEmpty() ? null : time(d.mergedThrough()));
    }
    try {
      return mapper.writeValueAsString(root) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
