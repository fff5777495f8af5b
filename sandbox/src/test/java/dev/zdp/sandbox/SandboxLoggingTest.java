package dev.zdp.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sandbox's logs stay bounded however long it runs, and at INFO unless verbose. */
class SandboxLoggingTest {

  @TempDir Path temp;

  @Test
  void theLogRollsOverAt10MbAndKeepsOneOlderFileWithoutDebugLines() throws Exception {
    Path log = temp.resolve("sandbox.log");
    SandboxLogging.toFile(log, false);
    Logger logger = LogManager.getLogger("org.eclipse.jetty.server.HttpChannel");
    String line = "x".repeat(200);
    for (int i = 0; i < 150_000; i++) { // 30 MB at INFO, as much again at DEBUG
      logger.info("request {} {}", i, line);
      logger.debug("detail {} {}", i, line);
    }

    List<Path> files;
    try (Stream<Path> listed = Files.list(temp)) {
      files = listed.sorted().toList();
    }
    assertThat(files).containsExactly(log, temp.resolve("sandbox.log.1"));
    for (Path file : files) {
      assertThat(Files.size(file)).isLessThan(10_600_000L);
    }
    assertThat(Files.readString(log)).contains(" INFO ").doesNotContain("detail");
  }

  @Test
  void theChildJvmsConfigurationsNameTheLogAndItsLevel() throws Exception {
    Path log = temp.resolve("logs & more").resolve("s3proxy.log");

    Path logback = SandboxLogging.logbackFor(temp.resolve("logback.xml"), log, false);
    Path log4j2 = SandboxLogging.log4j2For(temp.resolve("log4j2.properties"), log, true);

    var document =
        DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(logback.toFile());
    assertThat(document.getElementsByTagName("file").item(0).getTextContent())
        .isEqualTo(log.toAbsolutePath().toString());
    assertThat(document.getElementsByTagName("root").item(0).getAttributes().item(0).getNodeValue())
        .isEqualTo("INFO");
    java.util.Properties properties = new java.util.Properties();
    try (var in = Files.newInputStream(log4j2)) {
      properties.load(in);
    }
    assertThat(properties.getProperty("appender.file.fileName"))
        .isEqualTo(log.toAbsolutePath().toString());
    assertThat(properties.getProperty("rootLogger.level")).isEqualTo("debug");
  }
}
