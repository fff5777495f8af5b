package dev.zdp.sandbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Kafka topics through the Admin API, with the Mongey {@code kafka_topic} resource's semantics:
 * partitions only grow in place (fewer means delete and create again), the config map is the
 * topic's whole set of topic-level overrides.
 */
public final class TopicAdmin implements AutoCloseable {
  private static final long TIMEOUT_SECONDS = 30;
  private static final Duration RECREATE_LIMIT = Duration.ofSeconds(30);

  private final Admin admin;

  private TopicAdmin(Admin admin) {
    this.admin = admin;
  }

  /** An admin client for the cluster at {@code bootstrapServers} (plaintext). */
  public static TopicAdmin connect(String bootstrapServers) {
    return new TopicAdmin(
        Admin.create(
            Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 15_000)));
  }

  /** The names of all topics but Kafka's internal ones, sorted. */
  public List<String> list() {
    List<String> names = new ArrayList<>(get(admin.listTopics().names(), "list topics"));
    names.sort(null);
    return names;
  }

  /** The topic as it is now; empty when there is no such topic. */
  public Optional<TopicSpec> describe(String name) {
    TopicDescription description;
    try {
      description =
          admin
              .describeTopics(List.of(name))
              .topicNameValues()
              .get(name)
              .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof UnknownTopicOrPartitionException) {
        return Optional.empty();
      }
      throw failure("describe topic '" + name + "'", e);
    } catch (InterruptedException | TimeoutException e) {
      throw failure("describe topic '" + name + "'", e);
    }
    ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, name);
    Collection<ConfigEntry> entries =
        get(
                admin.describeConfigs(List.of(resource)).values().get(resource),
                "read the config of topic '" + name + "'")
            .entries();
    Map<String, String> overrides = new TreeMap<>();
    for (ConfigEntry entry : entries) {
      if (entry.source() == ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG) {
        overrides.put(entry.name(), entry.value());
      }
    }
    return Optional.of(
        new TopicSpec(
            name,
            description.partitions().size(),
            description.partitions().get(0).replicas().size(),
            overrides));
  }

  /** Makes the topic be as {@code desired} says; sends nothing when it already is. */
  public Change apply(TopicSpec desired) {
    Optional<TopicSpec> found = describe(desired.name());
    if (found.isEmpty()) {
      create(desired);
      return Change.CREATED;
    }
    TopicSpec current = found.get();
    if (current.equals(desired)) {
      return Change.UNCHANGED;
    }
    if (current.replicationFactor() != desired.replicationFactor()) {
      throw new SandboxException(
          "Cannot change the replication factor of topic '"
              + desired.name()
              + "' from "
              + current.replicationFactor()
              + " to "
              + desired.replicationFactor()
              + " in place; delete the topic first");
    }
    if (desired.partitions() < current.partitions()) {
      delete(desired.name());
      awaitGone(desired.name());
      create(desired);
      return Change.RECREATED;
    }
    if (desired.partitions() > current.partitions()) {
      get(
          admin
              .createPartitions(
                  Map.of(desired.name(), NewPartitions.increaseTo(desired.partitions())))
              .all(),
          "add partitions to topic '" + desired.name() + "'");
    }
    if (!current.config().equals(desired.config())) {
      alterConfig(current, desired);
    }
    // the controller has committed the change; the broker's metadata follows a moment later
    Deadline.await(
        "topic '" + desired.name() + "' to be served as updated",
        RECREATE_LIMIT,
        () -> describe(desired.name()).filter(desired::equals).map(served -> true),
        () -> "still described as before");
    return Change.UPDATED;
  }

  /** Deletes the topic and its data; false when there was no such topic. */
  public boolean delete(String name) {
    try {
      admin.deleteTopics(List.of(name)).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      return true;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof UnknownTopicOrPartitionException) {
        return false;
      }
      throw failure("delete topic '" + name + "'", e);
    } catch (InterruptedException | TimeoutException e) {
      throw failure("delete topic '" + name + "'", e);
    }
  }

  @Override
  public void close() {
    admin.close(Duration.ofSeconds(5));
  }

  private void create(TopicSpec topic) {
    NewTopic newTopic =
        new NewTopic(topic.name(), topic.partitions(), (short) topic.replicationFactor())
            .configs(topic.config());
    try {
      admin.createTopics(List.of(newTopic)).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof TopicExistsException) {
        throw new SandboxException(
            "Cannot create topic '" + topic.name() + "': it exists already", e);
      }
      throw failure("create topic '" + topic.name() + "'", e);
    } catch (InterruptedException | TimeoutException e) {
      throw failure("create topic '" + topic.name() + "'", e);
    }
    // the controller has committed it; wait until the broker serves it, so a describe right
    // after sees the topic
    Deadline.await(
        "topic '" + topic.name() + "' to be served by the broker",
        RECREATE_LIMIT,
        () -> describe(topic.name()).map(found -> true),
        () -> "not yet described");
  }

  private void alterConfig(TopicSpec current, TopicSpec desired) {
    List<AlterConfigOp> operations = new ArrayList<>();
    desired
        .config()
        .forEach(
            (key, value) -> {
              if (!value.equals(current.config().get(key))) {
                operations.add(
                    new AlterConfigOp(new ConfigEntry(key, value), AlterConfigOp.OpType.SET));
              }
            });
    current.config().keySet().stream()
        .filter(key -> !desired.config().containsKey(key))
        .forEach(
            key ->
                operations.add(
                    new AlterConfigOp(new ConfigEntry(key, ""), AlterConfigOp.OpType.DELETE)));
    ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, desired.name());
    get(
        admin.incrementalAlterConfigs(Map.of(resource, operations)).all(),
        "change the config of topic '" + desired.name() + "'");
  }

  private void awaitGone(String name) {
    Deadline.await(
        "topic '" + name + "' to be deleted",
        RECREATE_LIMIT,
        () -> list().contains(name) ? Optional.empty() : Optional.of(true),
        () -> "still listed");
  }

  private static <T> T get(KafkaFuture<T> future, String action) {
    try {
      return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException | InterruptedException | TimeoutException e) {
      throw failure(action, e);
    }
  }

  private static SandboxException failure(String action, Exception e) {
    if (e instanceof InterruptedException) {
      Thread.currentThread().interrupt();
      return new SandboxException("Interrupted while trying to " + action, e);
    }
    if (e instanceof TimeoutException) {
      return new SandboxException(
          "Cannot " + action + ": Kafka did not answer within " + TIMEOUT_SECONDS + " s", e);
    }
    Throwable cause = e.getCause() == null ? e : e.getCause();
    return new SandboxException("Cannot " + action + ": " + cause.getMessage(), cause);
  }
}
