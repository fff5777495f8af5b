package dev.zdp.action.status;

import dev.zdp.model.Platform;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;

/**
 * The topics of a Kafka cluster, read with the Admin client as the Terraform provider connects: TLS
 * and SASL PLAIN as the platform says, credentials from its variables.
 */
final class KafkaTopics {

  static final long TIMEOUT_MS = 15_000;

  private KafkaTopics() {}

  /**
   * Every topic of the cluster {@code wanted} accepts, by name.
   *
   * @throws Unreachable when the cluster cannot be read
   * @see TopicReader#read
   */
  static SortedMap<String, TopicReader.Topic> read(
      Platform platform, Map<String, String> variables, Predicate<String> wanted)
      throws Unreachable {
    try (Admin admin = Admin.create(properties(platform, variables))) {
      List<String> names =
          admin.listTopics().names().get(TIMEOUT_MS, TimeUnit.MILLISECONDS).stream()
              .filter(wanted)
              .sorted()
              .toList();
      SortedMap<String, TopicReader.Topic> topics = new TreeMap<>();
      if (names.isEmpty()) {
        return topics;
      }
      Map<String, TopicDescription> described =
          admin.describeTopics(names).allTopicNames().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
      Collection<ConfigResource> resources = new ArrayList<>();
      names.forEach(name -> resources.add(new ConfigResource(ConfigResource.Type.TOPIC, name)));
      Map<ConfigResource, Config> configs =
          admin.describeConfigs(resources).all().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
      for (String name : names) {
        SortedMap<String, String> config = new TreeMap<>();
        Config topic = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, name));
        if (topic != null) {
          for (ConfigEntry entry : topic.entries()) {
            if (entry.source() == ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG
                && entry.value() != null) {
              config.put(entry.name(), entry.value());
            }
          }
        }
        topics.put(name, new TopicReader.Topic(described.get(name).partitions().size(), config));
      }
      return topics;
    } catch (ExecutionException e) {
      throw new Unreachable(
          Optional.ofNullable(e.getCause()).map(Throwable::getMessage).orElse(e.toString()), e);
    } catch (TimeoutException e) {
      throw new Unreachable(
          "no answer within " + TIMEOUT_MS / 1000 + " s (is kafka_bootstrap_servers right?)", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Unreachable("interrupted", e);
    } catch (org.apache.kafka.common.KafkaException e) {
      Throwable root = e;
      while (root.getCause() != null && root.getCause().getMessage() != null) {
        root = root.getCause();
      }
      throw new Unreachable(root.getMessage(), e);
    }
  }

  private static Properties properties(Platform platform, Map<String, String> variables) {
    Properties properties = new Properties();
    properties.put(
        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
        variables.getOrDefault("kafka_bootstrap_servers", platform.kafka().bootstrapServers()));
    properties.put(AdminClientConfig.CLIENT_ID_CONFIG, "zdp-status");
    properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT_MS);
    properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT_MS);
    boolean tls = platform.kafka().tls();
    Optional<String> credential = platform.kafka().credential();
    properties.put(
        AdminClientConfig.SECURITY_PROTOCOL_CONFIG,
        (credential.isPresent() ? "SASL_" : "") + (tls ? "SSL" : "PLAINTEXT"));
    credential
        .map(dev.zdp.model.platform.zero.ZeroNames::credentialVariables)
        .ifPresent(
            names -> {
              properties.put("sasl.mechanism", "PLAIN");
              properties.put(
                  "sasl.jaas.config",
                  "org.apache.kafka.common.security.plain.PlainLoginModule required username=\""
                      + jaas(variables.getOrDefault(names.user(), ""))
                      + "\" password=\""
                      + jaas(variables.getOrDefault(names.password(), ""))
                      + "\";");
            });
    return properties;
  }

  /** A value inside a JAAS config's double quotes. */
  private static String jaas(String value) {
    return value.replace("\\", "\\\\").replace("\"", "\\\"");
  }
}
