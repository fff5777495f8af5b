package dev.zdp.sandbox.apply;

import dev.zdp.sandbox.Change;
import dev.zdp.sandbox.ConnectClient;
import dev.zdp.sandbox.SandboxException;
import dev.zdp.sandbox.TopicAdmin;
import dev.zdp.sandbox.TopicSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Applies generated root modules to the sandbox the way {@code terraform apply} with the Mongey
 * providers would: topics through the Admin API, connectors through Connect's REST API (same names,
 * same config maps), and deletes what an earlier apply created that is no longer generated. What
 * was applied is remembered in a state file, as Terraform's state would.
 */
public final class Applier {
  private static final String TOPIC = "topic";
  private static final String CONNECTOR = "connector";
  private static final Duration RUNNING_LIMIT = Duration.ofSeconds(90);
  private static final Duration STOP_LIMIT = Duration.ofSeconds(30);

  private final TopicAdmin topics;
  private final ConnectClient connectors;
  private final SandboxAdjustments adjustments;
  private final Path stateFile;

  /**
   * @param stateFile where the names of the applied topics and connectors are kept between applies
   */
  public Applier(
      TopicAdmin topics, ConnectClient connectors, SandboxAdjustments adjustments, Path stateFile) {
    this.topics = topics;
    this.connectors = connectors;
    this.adjustments = adjustments;
    this.stateFile = stateFile;
  }

  /**
   * Makes the running stack match {@code modules}: creates or updates every topic, then every
   * connector (sources first), waits until changed connectors run, then deletes the connectors and
   * topics of the previous apply that are gone (connectors first).
   *
   * @throws SandboxException when a resource cannot be applied or a connector fails to start
   */
  public ApplyReport apply(List<GeneratedModule> modules) {
    SortedSet<String> notes = new TreeSet<>();
    List<TopicSpec> desiredTopics = new ArrayList<>();
    List<ConnectorSpec> desiredConnectors = new ArrayList<>();
    for (GeneratedModule module : modules) {
      module.topics().forEach(topic -> desiredTopics.add(adjustments.topic(topic, notes)));
      module
          .connectors()
          .forEach(connector -> desiredConnectors.add(adjustments.connector(connector, notes)));
    }
    TreeSet<String> applied = new TreeSet<>();
    List<ResourceChange> changes = new ArrayList<>();
    for (TopicSpec topic : desiredTopics) {
      changes.add(new ResourceChange(TOPIC, topic.name(), topics.apply(topic)));
      applied.add(key(TOPIC, topic.name()));
    }
    List<String> started = new ArrayList<>();
    for (ConnectorSpec connector : desiredConnectors) {
      Change change = connectors.createOrUpdate(connector.name(), connector.config());
      changes.add(new ResourceChange(CONNECTOR, connector.name(), change));
      applied.add(key(CONNECTOR, connector.name()));
      if (change != Change.UNCHANGED) {
        started.add(connector.name());
      }
    }
    for (String name : started) {
      connectors.awaitRunning(name, RUNNING_LIMIT);
    }
    TreeSet<String> gone = new TreeSet<>(previous());
    gone.removeAll(applied);
    List<String> goneConnectors = names(gone, CONNECTOR);
    for (String name : goneConnectors) {
      if (connectors.delete(name)) {
        changes.add(new ResourceChange(CONNECTOR, name, Change.DELETED));
      }
    }
    awaitStopped(goneConnectors);
    for (String name : names(gone, TOPIC)) {
      if (deleteTopic(name)) {
        changes.add(new ResourceChange(TOPIC, name, Change.DELETED));
      }
    }
    remember(applied);
    return new ApplyReport(changes, notes);
  }

  private static List<String> names(SortedSet<String> entries, String kind) {
    return entries.stream()
        .filter(entry -> entry.startsWith(kind + " "))
        .map(entry -> entry.substring(kind.length() + 1))
        .toList();
  }

  /** Waits until deleted connectors are gone from the worker, so their clients have stopped. */
  private void awaitStopped(List<String> deleted) {
    long end = System.nanoTime() + STOP_LIMIT.toNanos();
    while (deleted.stream().anyMatch(name -> connectors.status(name).isPresent())) {
      if (System.nanoTime() > end) {
        throw new SandboxException(
            "Timed out after "
                + STOP_LIMIT.toSeconds()
                + " s waiting for the deleted connectors "
                + deleted
                + " to stop");
      }
      pause();
    }
  }

  /**
   * Deletes a topic and makes sure it stays deleted: a client of a connector that is still stopping
   * can create it again by asking for its metadata (the broker creates topics on use).
   */
  private boolean deleteTopic(String name) {
    boolean deleted = topics.delete(name);
    long end = System.nanoTime() + STOP_LIMIT.toNanos();
    int quietPolls = 0;
    while (quietPolls < 5) {
      pause();
      if (topics.list().contains(name)) {
        quietPolls = 0;
        deleted |= topics.delete(name);
      } else {
        quietPolls++;
      }
      if (System.nanoTime() > end) {
        throw new SandboxException(
            "Cannot delete topic '" + name + "': something keeps creating it again");
      }
    }
    return deleted;
  }

  private static void pause() {
    try {
      Thread.sleep(200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SandboxException("Interrupted while applying", e);
    }
  }

  private static String key(String kind, String name) {
    return kind + " " + name;
  }

  private List<String> previous() {
    try {
      return Files.exists(stateFile) ? Files.readAllLines(stateFile) : List.of();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the sandbox's apply state " + stateFile, e);
    }
  }

  private void remember(SortedSet<String> applied) {
    try {
      Files.createDirectories(stateFile.toAbsolutePath().getParent());
      Files.write(stateFile, applied);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the sandbox's apply state " + stateFile, e);
    }
  }
}
