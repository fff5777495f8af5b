package dev.zdp.sandbox;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.slf4j.LoggerFactory;

/** A single-node Kafka cluster in KRaft mode (one combined broker and controller). */
final class KafkaService implements AutoCloseable {
  private final KafkaClusterTestKit cluster;

  private KafkaService(KafkaClusterTestKit cluster) {
    this.cluster = cluster;
  }

  static KafkaService start(Path baseDirectory) {
    KafkaClusterTestKit cluster = null;
    try {
      TestKitNodes nodes =
          new TestKitNodes.Builder()
              .setCombined(true)
              .setNumBrokerNodes(1)
              .setNumControllerNodes(1)
              .setBaseDirectory(baseDirectory)
              .build();
      cluster =
          new KafkaClusterTestKit.Builder(nodes)
              .setConfigProp("offsets.topic.replication.factor", "1")
              .setConfigProp("offsets.topic.num.partitions", "5")
              .setConfigProp("transaction.state.log.replication.factor", "1")
              .setConfigProp("transaction.state.log.min.isr", "1")
              .setConfigProp("transaction.state.log.num.partitions", "5")
              .setConfigProp("group.initial.rebalance.delay.ms", "0")
              .setConfigProp("auto.create.topics.enable", "true")
              .setConfigProp("num.partitions", "1")
              .setDeleteOnClose(false)
              .build();
      formatQuietly(cluster);
      cluster.startup();
      cluster.waitForReadyBrokers();
      return new KafkaService(cluster);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closeQuietly(cluster);
      throw new SandboxException("Interrupted while starting Kafka", e);
    } catch (Exception e) {
      closeQuietly(cluster);
      throw new SandboxException("Cannot start Kafka: " + e.getMessage(), e);
    }
  }

  String bootstrapServers() {
    return cluster.bootstrapServers();
  }

  @Override
  public void close() throws Exception {
    cluster.close();
  }

  /**
   * Formats the storage; the formatter's report goes to System.out, which is the user's console.
   */
  private static void formatQuietly(KafkaClusterTestKit cluster) throws Exception {
    PrintStream console = System.out;
    ByteArrayOutputStream report = new ByteArrayOutputStream();
    System.setOut(new PrintStream(report, true, StandardCharsets.UTF_8));
    try {
      cluster.format();
    } finally {
      System.setOut(console);
      LoggerFactory.getLogger(KafkaService.class)
          .info("{}", report.toString(StandardCharsets.UTF_8).strip());
    }
  }

  private static void closeQuietly(KafkaClusterTestKit cluster) {
    if (cluster != null) {
      try {
        cluster.close();
      } catch (Exception ignored) {
        // already failing: the first error is the one to report
      }
    }
  }
}
