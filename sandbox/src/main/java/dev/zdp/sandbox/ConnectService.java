package dev.zdp.sandbox;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.connect.cli.ConnectDistributed;
import org.apache.kafka.connect.runtime.Connect;

/**
 * A Kafka Connect worker in distributed mode, in this JVM, with its REST API on a loopback port.
 * Plugins are isolated by {@code plugin.path} (one directory per plugin).
 */
final class ConnectService implements AutoCloseable {
  static final String GROUP_ID = "zdp-sandbox";
  private static final Duration READY_LIMIT = Duration.ofSeconds(90);
  private static final Duration STOP_LIMIT = Duration.ofSeconds(30);

  private final Connect<?> connect;
  private final URI url;

  private ConnectService(Connect<?> connect, URI url) {
    this.connect = connect;
    this.url = url;
  }

  static ConnectService start(String bootstrapServers, Path pluginPath) {
    Connect<?> connect =
        new ConnectDistributed().startConnect(workerConfig(bootstrapServers, pluginPath));
    URI url = URI.create(connect.rest().serverUrl().toString().replaceAll("/$", ""));
    ConnectService service = new ConnectService(connect, url);
    try {
      service.awaitHealthy();
    } catch (RuntimeException e) {
      service.close();
      throw e;
    }
    return service;
  }

  /** The worker's configuration: the sandbox's single-node choices, written out. */
  static Map<String, String> workerConfig(String bootstrapServers, Path pluginPath) {
    Map<String, String> config = new TreeMap<>();
    config.put("bootstrap.servers", bootstrapServers);
    config.put("group.id", GROUP_ID);
    config.put("listeners", "http://127.0.0.1:0");
    config.put("rest.advertised.host.name", "127.0.0.1");
    config.put("plugin.path", pluginPath.toAbsolutePath().toString());
    // scan plugins through their service manifests only: ~4x less memory, 5-15 s faster start
    config.put("plugin.discovery", "service_load");
    config.put("key.converter", "org.apache.kafka.connect.json.JsonConverter");
    config.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
    config.put("key.converter.schemas.enable", "true");
    config.put("value.converter.schemas.enable", "true");
    config.put("config.storage.topic", "_connect-configs");
    config.put("offset.storage.topic", "_connect-offsets");
    config.put("status.storage.topic", "_connect-status");
    config.put("config.storage.replication.factor", "1");
    config.put("offset.storage.replication.factor", "1");
    config.put("status.storage.replication.factor", "1");
    config.put("offset.storage.partitions", "1");
    config.put("status.storage.partitions", "1");
    config.put("offset.flush.interval.ms", "1000");
    config.put("scheduled.rebalance.max.delay.ms", "0");
    // sinks subscribed by pattern see topics created after them within a second, not 5 minutes
    config.put("consumer.metadata.max.age.ms", "1000");
    config.put("connector.client.config.override.policy", "All");
    return config;
  }

  URI url() {
    return url;
  }

  private void awaitHealthy() {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    HttpRequest request =
        HttpRequest.newBuilder(url.resolve("/health"))
            .timeout(Duration.ofSeconds(10))
            .GET()
            .build();
    AtomicReference<String> last = new AtomicReference<>("no answer yet");
    Deadline.await(
        "the Kafka Connect worker at " + url + " to be ready",
        READY_LIMIT,
        () -> {
          try {
            HttpResponse<String> response =
                http.send(request, HttpResponse.BodyHandlers.ofString());
            last.set("HTTP " + response.statusCode() + " " + response.body());
            return response.statusCode() == 200 ? Optional.of(true) : Optional.empty();
          } catch (java.io.IOException e) {
            last.set(e.toString());
            return Optional.empty();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SandboxException("Interrupted while waiting for Kafka Connect", e);
          }
        },
        last::get);
  }

  @Override
  public void close() {
    connect.stop();
    connect.awaitStop();
    awaitConnectsOwnShutdownHook();
  }

  /**
   * On Ctrl-C, Connect's own shutdown hook stops the worker in parallel with the sandbox's, and
   * then {@link Connect#stop()} here returns at once: wait for that hook, or Kafka would be stopped
   * under a worker still shutting down (which then waits ~40 s for it).
   */
  private static void awaitConnectsOwnShutdownHook() {
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      if ("connect-shutdown-hook".equals(thread.getName()) && thread != Thread.currentThread()) {
        try {
          thread.join(STOP_LIMIT.toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }
}
