package dev.zdp.generator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a generated Airflow DAG in python3 through {@code dag/run_dag.py}, which stubs the Airflow
 * names the DAG imports, imports it and runs every task's command with {@code bash -c}; a command
 * the harness calls {@code fake spark-sql.py} in {@code work} records its arguments.
 */
final class DagHarness {

  private DagHarness() {}

  /** The {@code ZDP_*} command a DAG runs, as the recording fake of {@code work}. */
  static String fakeCommand(Path work) {
    return "python3 '" + work.resolve("fake spark-sql.py") + "'";
  }

  /** Writes {@code dag} to {@code work/dags/<fileName>}, runs it, returns the harness's report. */
  static JsonNode run(
      Path work, byte[] dag, String fileName, String airflow, Map<String, String> environment)
      throws IOException, InterruptedException {
    Path dags = Files.createDirectories(work.resolve("dags"));
    Path file = dags.resolve(fileName);
    Files.write(file, dag);
    Path harness = work.resolve("run_dag.py");
    try (InputStream in = DagHarness.class.getResourceAsStream("/dag/run_dag.py")) {
      Files.copy(in, harness, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
    ProcessBuilder builder =
        new ProcessBuilder("python3", harness.toString(), file.toString(), work.toString(), airflow)
            .redirectError(work.resolve("python-stderr.txt").toFile());
    builder.environment().putAll(environment);
    Process python;
    try {
      python = builder.start();
    } catch (IOException e) {
      throw new AssertionError("this test needs python3 on the PATH to run the generated DAG", e);
    }
    byte[] out = python.getInputStream().readAllBytes();
    assertThat(python.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(python.exitValue())
        .as("python3 run_dag.py: %s", Files.readString(work.resolve("python-stderr.txt")))
        .isZero();
    return new ObjectMapper().readTree(new String(out, StandardCharsets.UTF_8));
  }

  /** The arguments the task's command was run with. */
  static List<String> argv(JsonNode task) {
    List<String> argv = new ArrayList<>();
    assertThat(task.get("argv").isArray())
        .as("the command ran for %s: %s", task.get("task_id"), task.get("stderr"))
        .isTrue();
    task.get("argv").forEach(arg -> argv.add(arg.asText()));
    return argv;
  }
}
