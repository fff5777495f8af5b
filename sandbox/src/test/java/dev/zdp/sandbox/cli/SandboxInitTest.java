package dev.zdp.sandbox.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zdp.action.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The first hour: {@code zdp init DIR} followed by {@code bin/zdp sandbox --model DIR --once} exits
 * 0, with the model exactly as {@code init} wrote it (one stack).
 */
class SandboxInitTest {

  @TempDir Path temp;

  @Test
  void aModelFromInitRunsInTheSandboxAsWritten() {
    Path model = temp.resolve("my-model");
    ByteArrayOutputStream initErr = new ByteArrayOutputStream();
    int init =
        Main.run(
            System.out,
            new PrintStream(initErr, true, StandardCharsets.UTF_8),
            "init",
            model.toString());
    assertThat(init).as(initErr.toString(StandardCharsets.UTF_8)).isZero();

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream stream = new PrintStream(out, true, StandardCharsets.UTF_8);
    Path work = Path.of(System.getProperty("zdp.sandbox.workdir", "target/sandbox-test") + "-init");
    int sandbox =
        SandboxMain.run(
            stream,
            System.err,
            "--model",
            model.toString(),
            "--once",
            "--work-dir",
            work.toString());

    String console = out.toString(StandardCharsets.UTF_8);
    System.out.print(console);
    assertThat(sandbox).as(console).isZero();
    assertThat(console)
        .containsPattern("corpus\\.app__customers +3 rows")
        .containsPattern("corpus\\.app__orders +3 rows")
        .containsPattern(
            "Sandbox stopped; work directory .*: [0-9.]+ MB of data and logs \\(the next start"
                + " wipes it, or delete it\\)");
  }
}
