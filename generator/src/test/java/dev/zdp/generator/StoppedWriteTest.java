package dev.zdp.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * A write stopped by a signal (Ctrl-C, a cancelled CI job) before it commits leaves the output
 * directory as it was: the previous files untouched and no temporary file behind.
 */
@DisabledOnOs(OS.WINDOWS)
class StoppedWriteTest {

  /** Stages changed files into the directory it is given, says so, then waits to be stopped. */
  public static void main(String[] args) throws Exception {
    Path out = Path.of(args[0]);
    ArtifactWriter.Staging staging = ArtifactWriter.stage(out);
    for (int i = 0; i < 20; i++) {
      staging.accept("zero/merge/crm/t" + i + ".sql", ("changed " + i).getBytes());
    }
    System.out.println("staged");
    System.out.flush();
    Thread.sleep(60_000);
  }

  @Test
  void aWriteStoppedBeforeItsCommitLeavesNoTemporaryFiles(@TempDir Path out) throws Exception {
    for (int i = 0; i < 20; i++) {
      Path file = out.resolve("zero/merge/crm/t" + i + ".sql");
      Files.createDirectories(file.getParent());
      Files.writeString(file, "before " + i);
    }
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process process =
        new ProcessBuilder(
                java.toString(),
                "-cp",
                System.getProperty("java.class.path"),
                StoppedWriteTest.class.getName(),
                out.toString())
            .redirectErrorStream(true)
            .start();
    try (BufferedReader lines =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      assertThat(lines.readLine()).isEqualTo("staged");
      assertThat(temporaryFiles(out)).as("staged, not yet stopped").hasSize(20);

      process.destroy(); // SIGTERM, as a cancelled job gets
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    } finally {
      process.destroyForcibly();
    }

    assertThat(temporaryFiles(out)).isEmpty();
    for (int i = 0; i < 20; i++) {
      assertThat(out.resolve("zero/merge/crm/t" + i + ".sql")).hasContent("before " + i);
    }
  }

  private static List<Path> temporaryFiles(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
    }
  }
}
