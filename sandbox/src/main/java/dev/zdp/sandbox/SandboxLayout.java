package dev.zdp.sandbox;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the build put what the sandbox runs besides its own class path.
 *
 * @param pluginPath Kafka Connect's {@code plugin.path}: one directory per plugin ({@code
 *     debezium-postgres}, {@code iceberg-sink})
 * @param s3proxyClasspath a directory of jars: the class path of the S3 store's child process
 * @param sparkClasspath the class path (as {@code java -cp} takes it) of the MERGE runner's child
 *     process: the {@code sandbox-spark} module and Spark
 */
public record SandboxLayout(Path pluginPath, Path s3proxyClasspath, String sparkClasspath) {

  /** System property naming {@link #pluginPath()}. */
  public static final String PLUGINS_PROPERTY = "zdp.sandbox.plugins";

  /** System property naming {@link #s3proxyClasspath()}. */
  public static final String S3PROXY_PROPERTY = "zdp.sandbox.s3proxy";

  /** System property naming {@link #sparkClasspath()}. */
  public static final String SPARK_PROPERTY = "zdp.sandbox.spark.classpath";

  public SandboxLayout {
    Objects.requireNonNull(pluginPath, "pluginPath");
    Objects.requireNonNull(s3proxyClasspath, "s3proxyClasspath");
    Objects.requireNonNull(sparkClasspath, "sparkClasspath");
  }

  /**
   * The layout named by the system properties {@value #PLUGINS_PROPERTY} and {@value
   * #S3PROXY_PROPERTY}, falling back to the sandbox module's build output ({@code
   * sandbox/target/plugins}, {@code sandbox/target/s3proxy}) under the current directory, and
   * {@value #SPARK_PROPERTY}, falling back to {@code sandbox-spark}'s build output.
   */
  public static SandboxLayout fromSystemProperties() {
    String spark = System.getProperty(SPARK_PROPERTY);
    if (spark == null || spark.isBlank()) {
      Path module =
          Files.isDirectory(Path.of("sandbox-spark"))
              ? Path.of("sandbox-spark")
              : Path.of("..", "sandbox-spark");
      Path target = module.resolve("target").toAbsolutePath().normalize();
      spark = target.resolve("lib") + "/*" + java.io.File.pathSeparator + target.resolve("classes");
    }
    return new SandboxLayout(
        locate(PLUGINS_PROPERTY, "plugins"), locate(S3PROXY_PROPERTY, "s3proxy"), spark);
  }

  /** Fails with a message saying what is missing and how to build it. */
  void check() {
    for (String plugin : new String[] {"debezium-postgres", "iceberg-sink"}) {
      requireJars(pluginPath.resolve(plugin), "Kafka Connect plugin '" + plugin + "'");
    }
    requireJars(s3proxyClasspath, "the S3 store (s3proxy)");
  }

  private static void requireJars(Path dir, String what) {
    boolean present;
    try (var files = Files.list(dir)) {
      present = files.anyMatch(file -> file.getFileName().toString().endsWith(".jar"));
    } catch (java.io.IOException e) {
      present = false;
    }
    if (!present) {
      throw new SandboxException(
          "Cannot start the sandbox: no jars for "
              + what
              + " in "
              + dir.toAbsolutePath()
              + " (build them with 'mvn -pl sandbox -am package -DskipTests', or set -D"
              + PLUGINS_PROPERTY
              + " / -D"
              + S3PROXY_PROPERTY
              + ")");
    }
  }

  private static Path locate(String property, String buildDirectory) {
    String configured = System.getProperty(property);
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    Path inModule = Path.of("target", buildDirectory);
    return Files.isDirectory(inModule) ? inModule : Path.of("sandbox", "target", buildDirectory);
  }
}
