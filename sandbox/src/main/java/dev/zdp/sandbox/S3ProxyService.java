package dev.zdp.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An S3-compatible store (s3proxy, filesystem backend) in a child JVM: its Jetty 11 cannot share a
 * class path with the Connect worker's Jetty 12.
 */
final class S3ProxyService implements AutoCloseable {
  static final String ACCESS_KEY = "sandbox";
  static final String SECRET_KEY = "sandbox-secret";
  static final String REGION = "us-east-1";
  static final String BUCKET = "warehouse";
  private static final Duration READY_LIMIT = Duration.ofSeconds(60);

  private final Process process;
  private final S3Endpoint endpoint;

  private S3ProxyService(Process process, S3Endpoint endpoint) {
    this.process = process;
    this.endpoint = endpoint;
  }

  /**
   * Starts s3proxy on a free port, serving {@code dataDirectory}; it logs to {@code logFile} as
   * {@code logbackConfig} says (its console, nearly empty, goes beside it).
   */
  static S3ProxyService start(
      Path classpath, Path dataDirectory, Path logFile, Path logbackConfig) {
    int port = FreePorts.pick();
    URI uri = URI.create("http://127.0.0.1:" + port);
    Path properties = dataDirectory.resolveSibling("s3proxy.properties");
    Process process;
    try {
      Path blobs = Files.createDirectories(dataDirectory);
      // the filesystem backend keeps one directory per bucket
      Files.createDirectories(blobs.resolve(BUCKET));
      Files.writeString(
          properties,
          String.join(
              "\n",
              "s3proxy.endpoint=" + uri,
              "s3proxy.authorization=aws-v2-or-v4",
              "s3proxy.identity=" + ACCESS_KEY,
              "s3proxy.credential=" + SECRET_KEY,
              "s3proxy.ignore-unknown-headers=true",
              "jclouds.provider=filesystem",
              "jclouds.filesystem.basedir=" + blobs.toAbsolutePath(),
              ""));
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      process =
          new ProcessBuilder(
                  List.of(
                      java,
                      "-Xmx192m",
                      "-XX:+UseSerialGC",
                      "-Dlogback.configurationFile=" + logbackConfig.toAbsolutePath(),
                      "-cp",
                      classpath.toAbsolutePath() + "/*",
                      "org.gaul.s3proxy.Main",
                      "--properties",
                      properties.toAbsolutePath().toString()))
              .redirectErrorStream(true)
              .redirectOutput(
                  ProcessBuilder.Redirect.appendTo(
                      logFile.resolveSibling("s3proxy-console.log").toFile()))
              .start();
      Files.writeString(Leftovers.s3proxyPidFile(dataDirectory.getParent()), process.pid() + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start the S3 store (s3proxy)", e);
    }
    S3ProxyService service =
        new S3ProxyService(process, new S3Endpoint(uri, ACCESS_KEY, SECRET_KEY, REGION, BUCKET));
    try {
      service.awaitListening(logFile);
    } catch (RuntimeException e) {
      service.close();
      throw e;
    }
    return service;
  }

  S3Endpoint endpoint() {
    return endpoint;
  }

  private void awaitListening(Path logFile) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest request =
        HttpRequest.newBuilder(endpoint.endpoint()).timeout(Duration.ofSeconds(5)).GET().build();
    AtomicReference<String> last = new AtomicReference<>("no answer yet");
    Deadline.await(
        "the S3 store at " + endpoint.endpoint() + " (log: " + logFile + ")",
        READY_LIMIT,
        () -> {
          if (!process.isAlive()) {
            throw new SandboxException(
                "The S3 store (s3proxy) exited with code "
                    + process.exitValue()
                    + " while starting; see "
                    + logFile);
          }
          try {
            // any HTTP answer (an anonymous request is refused with 403) means it listens
            HttpResponse<Void> response =
                http.send(request, HttpResponse.BodyHandlers.discarding());
            last.set("HTTP " + response.statusCode());
            return Optional.of(true);
          } catch (IOException e) {
            last.set(e.toString());
            return Optional.empty();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SandboxException("Interrupted while waiting for the S3 store", e);
          }
        },
        last::get);
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
