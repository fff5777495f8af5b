package dev.zdp.validator.rules.platform.zero;

import dev.zdp.model.Dataset;
import dev.zdp.model.Model;
import dev.zdp.model.ObjectPath;
import dev.zdp.model.Platform;
import dev.zdp.model.platform.IngestedDataset;
import dev.zdp.model.platform.IngestedDatastore;
import dev.zdp.model.platform.IntentionGraph;
import dev.zdp.model.platform.PlatformIntentions;
import dev.zdp.model.platform.zero.ZeroNames;
import dev.zdp.validator.Findings;
import dev.zdp.validator.Rule;
import dev.zdp.validator.RuleInfo;
import dev.zdp.validator.Severity;
import dev.zdp.validator.rules.Describe;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Kafka topics a Zero platform derives for the datasets it ingests ({@link ZeroNames#topic},
 * {@code <platform>.<datastore>.<schema>.<table>}) are names Kafka accepts: {@code [a-zA-Z0-9._-]},
 * at most 249 characters, and no two differ only in {@code .} versus {@code _} (Kafka maps both to
 * the same metric name and refuses the second). Two datastores deriving the very same topic is
 * {@code zero-name-collision}'s to report.
 */
@RuleInfo(
    id = "zero-topic-name",
    severity = Severity.ERROR,
    summary = "Kafka topics a Zero platform derives are valid and do not differ only in . and _")
public final class ZeroTopicNames implements Rule {

  @Override
  public void check(Model model, Findings findings) {
    for (PlatformIntentions intentions : IntentionGraph.of(model).platformsOfType(Platform.ZERO)) {
      Map<String, Claim> byMetricName = new HashMap<>();
      Set<String> seen = new HashSet<>();
      String on = "on platform '" + intentions.platform().name() + "'";
      for (IngestedDatastore ingested : intentions.datastores()) {
        for (IngestedDataset used : ingested.datasets()) {
          Dataset dataset = used.dataset();
          String topic = ZeroNames.topic(intentions.platform(), ingested.datastore(), dataset);
          ObjectPath datasetPath = ingested.path(used);
          String owner = "dataset '" + ingested.datastore().name() + "." + dataset.name() + "'";
          Optional<String> problem = ZeroNames.topicProblem(topic);
          if (problem.isPresent()) {
            findings.report(
                tableOrDataset(model, datasetPath),
                "The Kafka " + problem.get() + " (" + owner + " " + on + ")",
                "shorten or rename the datastore, or the table's schema or name");
            continue;
          }
          if (!seen.add(topic)) {
            continue;
          }
          String metricName = topic.replace('.', '_');
          Claim first = byMetricName.putIfAbsent(metricName, new Claim(topic, owner, datasetPath));
          if (first != null && !first.topic().equals(topic)) {
            findings.report(
                tableOrDataset(model, datasetPath),
                "Kafka topic '"
                    + topic
                    + "' of "
                    + owner
                    + " "
                    + on
                    + " differs only in '.' and '_' from topic '"
                    + first.topic()
                    + "' of "
                    + first.owner()
                    + model
                        .locate(tableOrDataset(model, first.dataset()))
                        .map(l -> " (" + Describe.at(l) + ")")
                        .orElse("")
                    + "; Kafka cannot have both",
                "rename one of the datastores or tables so the two topics differ in more than"
                    + " '.' and '_'");
          }
        }
      }
    }
  }

  private record Claim(String topic, String owner, ObjectPath dataset) {}

  /**
   * A topic derives from the table: report at {@code table} when it is written. Asked only for a
   * finding, as it takes the model's source locations.
   */
  static ObjectPath tableOrDataset(Model model, ObjectPath dataset) {
    ObjectPath table = dataset.field("table");
    return model.sources().exact(table).isPresent() ? table : dataset;
  }
}
