package dev.zdp.model.load;

import dev.zdp.model.ObjectPath;
import dev.zdp.model.Platform;
import dev.zdp.model.Platform.CatalogSettings;
import dev.zdp.model.Platform.ConfigProvider;
import dev.zdp.model.Platform.ConnectSettings;
import dev.zdp.model.Platform.IcebergSettings;
import dev.zdp.model.Platform.KafkaSettings;
import dev.zdp.model.Platform.ReconcileSettings;
import dev.zdp.model.Platform.S3Settings;
import dev.zdp.model.load.YamlNode.MapNode;
import java.time.Duration;
import java.util.Optional;

/** Binds one platform of an Ecosystem's {@code platforms} list. */
final class PlatformBinder {

  private PlatformBinder() {}

  static Optional<Platform> bind(MapNode node, int index, ObjectPath ecosystem, Binding binding) {
    Optional<Fields> element =
        Fields.namedElement(node, ecosystem, "platforms", index, "platform", binding);
    if (element.isEmpty()) {
      return Optional.empty();
    }
    Fields fields = element.get();
    String name = fields.name();
    Optional<String> type = fields.choice("type", Vocabulary.PLATFORM_TYPE);
    if (type.isEmpty() && !fields.has("type")) {
      fields.requiredText("type");
    }
    String description = fields.text("description", "");
    Optional<KafkaSettings> kafka =
        fields
            .requiredMap("kafka", "kafka of platform '" + name + "'")
            .flatMap(PlatformBinder::kafka);
    Optional<ConnectSettings> connect =
        fields
            .requiredMap("connect", "connect of platform '" + name + "'")
            .flatMap(f -> connect(f, name));
    Optional<IcebergSettings> iceberg =
        fields
            .requiredMap("iceberg", "iceberg of platform '" + name + "'")
            .flatMap(f -> iceberg(f, name));
    Optional<ReconcileSettings> reconcile =
        fields
            .map("reconcile", "reconcile of platform '" + name + "'")
            .flatMap(PlatformBinder::reconcile);
    boolean reconcileFailed = fields.has("reconcile") && reconcile.isEmpty();
    Duration freshness = fields.duration("freshness").orElse(Platform.DEFAULT_FRESHNESS);
    fields.finish();
    if (fields.failed()
        || type.isEmpty()
        || kafka.isEmpty()
        || connect.isEmpty()
        || iceberg.isEmpty()
        || reconcileFailed) {
      return Optional.empty();
    }
    return Optional.of(
        new Platform(
            name,
            type.get(),
            description,
            kafka.get(),
            connect.get(),
            iceberg.get(),
            reconcile,
            freshness));
  }

  private static Optional<ReconcileSettings> reconcile(Fields f) {
    int interval =
        f.integer("intervalMinutes", ReconcileSettings.DEFAULT_INTERVAL_MINUTES, 5, 10_080);
    f.finish();
    return f.failed() ? Optional.empty() : Optional.of(new ReconcileSettings(interval));
  }

  private static Optional<KafkaSettings> kafka(Fields f) {
    String servers = f.requiredText("bootstrapServers");
    int partitions = f.integer("partitions", 1, 1, 100_000);
    int replication = f.integer("replicationFactor", 1, 1, 32_767);
    boolean tls = f.bool("tls", false);
    Optional<String> credential = f.text("credential");
    f.finish();
    return f.failed()
        ? Optional.empty()
        : Optional.of(new KafkaSettings(servers, partitions, replication, tls, credential));
  }

  private static Optional<ConnectSettings> connect(Fields f, String platform) {
    String url = f.requiredText("url");
    Optional<String> credential = f.text("credential");
    long heartbeat =
        f.longInteger(
            "heartbeatIntervalMs",
            ConnectSettings.DEFAULT_HEARTBEAT_INTERVAL_MS,
            1_000L,
            86_400_000L);
    Optional<String> heartbeatQuery = f.text("heartbeatActionQuery");
    Optional<ConfigProvider> configProvider =
        f.map("configProvider", "connect.configProvider of platform '" + platform + "'")
            .flatMap(PlatformBinder::configProvider);
    boolean providerFailed = f.has("configProvider") && configProvider.isEmpty();
    f.finish();
    return f.failed() || providerFailed
        ? Optional.empty()
        : Optional.of(
            new ConnectSettings(url, credential, heartbeat, heartbeatQuery, configProvider));
  }

  private static Optional<ConfigProvider> configProvider(Fields f) {
    Optional<String> provider = f.choice("type", Vocabulary.CONFIG_PROVIDER);
    if (provider.isEmpty() && !f.has("type")) {
      f.requiredText("type");
    }
    Optional<String> path =
        provider.filter(ConfigProvider.FILE::equals).isPresent()
            ? Optional.ofNullable(f.requiredText("path"))
            : f.text("path");
    if (path.isPresent() && !path.get().matches("[^:{}$\\p{Cntrl}]+")) {
      f.invalid(
          "path",
          "'path' in connect.configProvider is '"
              + path.get()
              + "'; a config provider reference cannot carry ':', '{', '}', '$' or control"
              + " characters in it",
          "use a plain file path such as /etc/kafka-connect/zdp-secrets.properties");
    }
    f.finish();
    return f.failed() || provider.isEmpty()
        ? Optional.empty()
        : Optional.of(new ConfigProvider(provider.get(), path));
  }

  private static Optional<IcebergSettings> iceberg(Fields f, String platform) {
    Optional<CatalogSettings> catalog =
        f.requiredMap("catalog", "iceberg.catalog of platform '" + platform + "'")
            .flatMap(PlatformBinder::catalog);
    String warehouse = f.requiredText("warehouse");
    Optional<S3Settings> s3 =
        f.map("s3", "iceberg.s3 of platform '" + platform + "'").flatMap(PlatformBinder::s3);
    boolean s3Failed = f.has("s3") && s3.isEmpty();
    String staging = f.text("stagingNamespace", "staging");
    String corpus = f.text("corpusNamespace", "corpus");
    long commitInterval = f.longInteger("commitIntervalMs", 60_000L, 1_000L, 86_400_000L);
    f.finish();
    if (f.failed() || catalog.isEmpty() || s3Failed) {
      return Optional.empty();
    }
    return Optional.of(
        new IcebergSettings(catalog.get(), warehouse, s3, staging, corpus, commitInterval));
  }

  private static Optional<CatalogSettings> catalog(Fields f) {
    Optional<String> type = f.choice("type", Vocabulary.CATALOG_TYPE);
    if (type.isEmpty() && !f.has("type")) {
      f.requiredText("type");
    }
    Optional<String> uri = f.text("uri");
    Optional<String> credential = f.text("credential");
    f.finish();
    return f.failed() || type.isEmpty()
        ? Optional.empty()
        : Optional.of(new CatalogSettings(type.get(), uri, credential));
  }

  private static Optional<S3Settings> s3(Fields f) {
    Optional<String> endpoint = f.text("endpoint");
    boolean pathStyle = f.bool("pathStyleAccess", false);
    String region = f.text("region", "us-east-1");
    Optional<String> credential = f.text("credential");
    f.finish();
    return f.failed()
        ? Optional.empty()
        : Optional.of(new S3Settings(endpoint, pathStyle, region, credential));
  }
}
