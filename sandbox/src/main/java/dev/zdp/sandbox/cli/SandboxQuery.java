package dev.zdp.sandbox.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code zdp sandbox query [--work-dir DIR] "SQL"}: one Spark SQL query against the sandbox running
 * with that work directory, in its Spark session (the platform's catalog is the default one, so
 * {@code corpus.<table>} and {@code staging.<table>} resolve as in the model). Prints the result
 * tab-separated with a header row. Exit 0; 1 when the query failed (Spark's message, one line); 2
 * when no sandbox runs there.
 */
@Command(
    name = "zdp sandbox query",
    mixinStandardHelpOptions = true,
    versionProvider = SandboxVersion.class,
    description = {
      "Runs one Spark SQL query against the running sandbox of a work directory and prints the"
          + " result tab-separated with a header row (NULL for null). Exit 0; 1 when the query"
          + " failed; 2 when no sandbox runs there."
    })
final class SandboxQuery implements Callable<Integer> {
  @Option(
      names = "--work-dir",
      paramLabel = "DIR",
      defaultValue = "${sys:zdp.sandbox.home:-.}/target/zdp-sandbox",
      description = "The running sandbox's work directory. Default: ${DEFAULT-VALUE}")
  Path workDir;

  @Parameters(index = "0", paramLabel = "SQL", description = "The query.")
  String sql;

  private final PrintStream out;
  private final PrintStream err;

  SandboxQuery(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() throws InterruptedException {
    Path file = workDir.resolve(SandboxFiles.JSON);
    JsonNode query;
    try {
      query = new ObjectMapper().readTree(Files.readString(file)).path("query");
    } catch (NoSuchFileException e) {
      err.println(
          "zdp sandbox query: no sandbox is running with work directory "
              + workDir
              + " (no "
              + SandboxFiles.JSON
              + "); start one with bin/zdp sandbox --model DIR --work-dir "
              + workDir);
      return 2;
    } catch (IOException e) {
      err.println("zdp sandbox query: cannot read " + file + ": " + e.getMessage());
      return 2;
    }
    if (!query.path("url").isTextual() || !query.path("token").isTextual()) {
      err.println(
          "zdp sandbox query: "
              + file
              + " does not say how to reach the sandbox's Spark (no query.url and query.token);"
              + " restart the sandbox with this version of zdp");
      return 2;
    }
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(query.get("url").asText()))
            .header("Authorization", "Bearer " + query.get("token").asText())
            .POST(HttpRequest.BodyPublishers.ofString(sql, StandardCharsets.UTF_8))
            .build();
    HttpResponse<String> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (ConnectException e) {
      err.println(
          "zdp sandbox query: no sandbox is running with work directory "
              + workDir
              + " ("
              + SandboxFiles.JSON
              + " is left from one that stopped); start one with bin/zdp sandbox --model DIR"
              + " --work-dir "
              + workDir);
      return 2;
    } catch (IOException e) {
      err.println("zdp sandbox query: cannot reach the sandbox: " + e.getMessage());
      return 2;
    }
    String body = response.body();
    switch (response.statusCode()) {
      case 200 -> {
        out.print(body);
        out.flush();
        return 0;
      }
      case QueryServer.FAILED -> {
        err.println("zdp sandbox query: " + body.strip());
        return 1;
      }
      default -> {
        err.println("zdp sandbox query: the sandbox could not run the query: " + body.strip());
        return 2;
      }
    }
  }
}
