package dev.zdp.action.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The container image's Java runtime, tested where Docker cannot run. After {@code package}, the
 * same scripts the Dockerfile runs build the same runtime: {@code packaging/jlink.sh} links the JDK
 * modules the jar needs into {@code action/target/runtime}, {@code packaging/appcds.sh} records the
 * class archive, and the image's launcher {@code packaging/zdp} runs the CLI on them (with {@code
 * ZDP_HOME=action/target}, the image's {@code /opt/zdp} layout).
 */
class PackagedRuntimeIT {

  private static final Duration LINK_TIMEOUT = Duration.ofMinutes(3);
  private static final Duration RUN_TIMEOUT = Duration.ofSeconds(60);

  private static Path root;
  private static Path home;
  private static final Map<String, Duration> timings = new LinkedHashMap<>();

  @BeforeAll
  static void linkTheRuntime() throws Exception {
    // failsafe runs in the module's directory, action/
    root = Path.of("").toAbsolutePath().getParent();
    home = root.resolve("action/target");
    assertThat(home.resolve("zdp.jar")).as("the packaged jar (built in package)").isRegularFile();
    Path jdk = Path.of(System.getProperty("java.home"));
    assumeThat(jdk.resolve("jmods"))
        .as("jlink needs the JDK's jmods; this JDK (%s) has none", jdk)
        .isDirectory();

    Run link =
        run(
            LINK_TIMEOUT,
            Map.of("JAVA_HOME", jdk.toString()),
            "bash",
            "packaging/jlink.sh",
            "action/target",
            "action/target/runtime");
    assertThat(link.exit()).as(link.describe()).isZero();
    Run archive =
        run(LINK_TIMEOUT, Map.of(), "sh", "packaging/appcds.sh", "action/target", "examples/acme");
    assertThat(archive.exit()).as(archive.describe()).isZero();
    timings.put("jlink.sh", link.took());
    timings.put("appcds.sh", archive.took());
  }

  @AfterAll
  static void reportSizeAndTimes() throws IOException {
    if (home == null || !Files.isDirectory(home.resolve("runtime"))) {
      return;
    }
    StringBuilder report = new StringBuilder();
    report.append(
        String.format(
            "runtime: %.1f MiB (%s)%n",
            size(home.resolve("runtime")) / 1024.0 / 1024.0, home.resolve("runtime")));
    timings.forEach(
        (what, took) -> report.append(String.format("%-40s %5d ms%n", what, took.toMillis())));
    Files.writeString(home.resolve("runtime-smoke.txt"), report);
    System.out.print(report);
  }

  @Test
  void printsTheVersionFromTheJarManifest() throws Exception {
    Run version = zdp("--version");

    assertThat(version.exit()).as(version.describe()).isZero();
    assertThat(version.stdout().strip()).matches("zdp \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
    assertThat(version.stderr()).isEmpty();
  }

  /**
   * The launcher's compiler choice (measured in docs/performance.md): C1 alone for every run but
   * the first {@code generate} of a large model, as bin/zdp does.
   */
  @Test
  void runsTheC1CompilerAloneExceptForTheFirstRenderOfALargeModel(@TempDir Path dir)
      throws Exception {
    Path model = Files.createDirectories(dir.resolve("model"));
    for (int i = 0; i < 2000; i++) {
      Files.writeString(model.resolve("store_" + i + ".yaml"), "");
    }
    Path out = dir.resolve("out");
    String c1 = "-XX:TieredStopAtLevel=1";

    assertThat(jvmFlags("action", "--help")).contains(c1);
    assertThat(jvmFlags("generate", "--model", model.toString(), "--out", out.toString(), "--help"))
        .doesNotContain(c1);
    Files.createDirectories(out);
    Files.writeString(out.resolve(".zdp-manifest"), "");
    assertThat(jvmFlags("generate", "--model", model.toString(), "--out=" + out, "--help"))
        .as("a render with a previous output renders what changed")
        .contains(c1);
    Files.delete(model.resolve("store_0.yaml"));
    assertThat(
            jvmFlags(
                "generate",
                "--model",
                model.toString(),
                "--out",
                dir.resolve("new").toString(),
                "--help"))
        .as("a model under 2,000 files")
        .contains(c1);
  }

  @Test
  void theFirstRenderAfterAnUpgradeOfZdpRunsTheFullCompilerAgain(@TempDir Path dir)
      throws Exception {
    Path out = dir.resolve("out");
    Run generate = zdp("generate", "--model", "examples/acme", "--out", out.toString());
    assertThat(generate.exit()).as(generate.describe()).isZero();
    Path manifest = out.resolve(".zdp-manifest");
    List<String> built =
        Files.readAllLines(manifest).stream().filter(l -> l.startsWith("# zdp build ")).toList();
    assertThat(built).as("the build recorded in the manifest").hasSize(1);
    assertThat(built.get(0)).matches("# zdp build [0-9]+-[0-9]+");

    Path model = Files.createDirectories(dir.resolve("model"));
    for (int i = 0; i < 2000; i++) {
      Files.writeString(model.resolve("store_" + i + ".yaml"), "");
    }
    String c1 = "-XX:TieredStopAtLevel=1";
    assertThat(jvmFlags("generate", "--model", model.toString(), "--out", out.toString(), "--help"))
        .as("an output this build wrote: what changed is rendered")
        .contains(c1);
    Files.writeString(
        manifest, Files.readString(manifest).replace(built.get(0), "# zdp build 1-2"));
    assertThat(jvmFlags("generate", "--model", model.toString(), "--out", out.toString(), "--help"))
        .as("an output another build of zdp wrote: everything may be rendered again")
        .doesNotContain(c1);
    Files.writeString(manifest, Files.readString(manifest).replace("# zdp build 1-2\n", ""));
    assertThat(jvmFlags("generate", "--model", model.toString(), "--out", out.toString(), "--help"))
        .as("an output of a zdp that recorded no build")
        .contains(c1);
  }

  /** The flags the launcher started the JVM with (the first line the JVM prints when asked). */
  private static String jvmFlags(String... args) throws IOException, InterruptedException {
    Run run = run(RUN_TIMEOUT, Map.of("JAVA_OPTS", "-XX:+PrintCommandLineFlags"), launcher(args));
    assertThat(run.exit()).as(run.describe()).isZero();
    return run.stdout().lines().findFirst().orElse("");
  }

  @Test
  void validatesTheExampleModel() throws Exception {
    Run validate = zdp("validate", "--model", "examples/acme");

    assertThat(validate.exit()).as(validate.describe()).isZero();
    assertThat(validate.stdout()).startsWith("no problems found in ");
    // nothing from the JVM either: a class archive it could not use would warn here
    assertThat(validate.stderr()).isEmpty();
  }

  @Test
  void reportsTheBrokenExampleAsJsonExactlyAsTheFullJdkDoes() throws Exception {
    Run packaged = zdp("validate", "--model", "examples/broken", "--format", "json");

    assertThat(packaged.exit()).as(packaged.describe()).isEqualTo(1);
    assertThat(packaged.stderr()).isEmpty();
    JsonNode report = new ObjectMapper().readTree(packaged.stdout());
    assertThat(report.get("errors").asInt()).isPositive();
    assertThat(report.get("diagnostics"))
        .hasSize(report.get("errors").asInt() + report.get("warnings").asInt());
    assertThat(report.get("diagnostics").get(0).get("file").asText())
        .startsWith("examples/broken/");

    // a module the runtime lacks would show as a different report (or a stack trace)
    Path fullJdkJava = Path.of(System.getProperty("java.home"), "bin", "java");
    Run fullJdk =
        run(
            RUN_TIMEOUT,
            Map.of(),
            fullJdkJava.toString(),
            "-jar",
            "action/target/zdp.jar",
            "validate",
            "--model",
            "examples/broken",
            "--format",
            "json");
    assertThat(packaged.stdout()).isEqualTo(fullJdk.stdout());
  }

  @Test
  void generatesTheSameFilesAsTheFullJdk() throws Exception {
    // templates, HCL and reflection-heavy libraries: what a missing module would break first
    Path packagedOut = home.resolve("smoke/packaged");
    Path fullJdkOut = home.resolve("smoke/full-jdk");
    deleteRecursively(packagedOut);
    deleteRecursively(fullJdkOut);

    Run packaged =
        zdp("generate", "--model", "examples/acme", "--out", "action/target/smoke/packaged");
    Run fullJdk =
        run(
            RUN_TIMEOUT,
            Map.of(),
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-jar",
            "action/target/zdp.jar",
            "generate",
            "--model",
            "examples/acme",
            "--out",
            "action/target/smoke/full-jdk");

    assertThat(packaged.exit()).as(packaged.describe()).isZero();
    assertThat(fullJdk.exit()).as(fullJdk.describe()).isZero();
    Map<Path, String> packagedFiles = contents(packagedOut);
    assertThat(packagedFiles.keySet())
        .anyMatch(file -> file.getFileName().toString().equals("versions.tf"))
        .anyMatch(file -> file.toString().endsWith(".sql"));
    // the launcher names its build in the manifest; `java -jar` has no build to name
    Path manifest = Path.of(".zdp-manifest");
    assertThat(packagedFiles.get(manifest)).containsPattern("(?m)^# zdp build \\S+$");
    packagedFiles.put(
        manifest, packagedFiles.get(manifest).replaceAll("(?m)^# zdp build .*\n", ""));
    assertThat(packagedFiles).isEqualTo(contents(fullJdkOut));
  }

  @Test
  void aModelThatIsNotThereIsOneLineAndExitCodeTwo() throws Exception {
    Run missing = zdp("validate", "--model", "examples/no-such-model");

    assertThat(missing.exit()).as(missing.describe()).isEqualTo(2);
    assertThat(missing.stderr().lines()).singleElement().asString().startsWith("zdp: ");
  }

  @Test
  void theActionOutsideCiIsOneLineAndExitCodeTwo() throws Exception {
    Run action = zdp("action");

    assertThat(action.exit()).as(action.describe()).isEqualTo(2);
    assertThat(action.stderr().lines()).singleElement().asString().startsWith("zdp: ");
  }

  @Test
  void mapsTheRecordedClassArchive() throws Exception {
    // -Xshare:on makes a class archive the JVM cannot use fatal instead of ignored
    Run strict = run(RUN_TIMEOUT, Map.of("JAVA_OPTS", "-Xshare:on"), launcher("--version"));

    assertThat(home.resolve("zdp.jsa")).isRegularFile();
    assertThat(strict.exit()).as(strict.describe()).isZero();
  }

  @Test
  void linksTheModulesJdepsCannotSeeAndLeavesOutTheRest() throws Exception {
    Run modules =
        run(RUN_TIMEOUT, Map.of(), home.resolve("runtime/bin/java").toString(), "--list-modules");

    List<String> names =
        modules.stdout().lines().map(line -> line.replaceFirst("@.*", "")).toList();
    assertThat(names)
        .contains("java.base", "jdk.crypto.ec", "java.net.http", "jdk.unsupported")
        // the JDK's tools stay out: jdeps reasons per jar, so a library's optional use of an
        // API module (javassist's of jdk.jdi) may bring that module in, but never a tool
        .doesNotContain("jdk.compiler", "jdk.jshell", "jdk.javadoc", "jdk.jlink", "jdk.jpackage");
    assertThat(size(home.resolve("runtime")))
        .as("the runtime's size in bytes")
        .isLessThan(80L * 1024 * 1024);
  }

  private static Run zdp(String... args) throws IOException, InterruptedException {
    Run run = run(RUN_TIMEOUT, Map.of(), launcher(args));
    timings.put("zdp " + String.join(" ", args), run.took());
    return run;
  }

  private static String[] launcher(String... args) {
    return Stream.concat(Stream.of("sh", "packaging/zdp"), Stream.of(args)).toArray(String[]::new);
  }

  private static Run run(Duration timeout, Map<String, String> env, String... command)
      throws IOException, InterruptedException {
    Path out = Files.createTempFile("zdp-smoke", ".out");
    Path err = Files.createTempFile("zdp-smoke", ".err");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(root.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
    builder.environment().put("ZDP_HOME", home.toString());
    builder.environment().remove("JAVA_OPTS");
    // the smoke runs are outside any CI event, whatever CI runs this test
    builder.environment().keySet().removeIf(k -> k.startsWith("GITHUB_") || k.startsWith("CI_"));
    builder.environment().putAll(env);
    long start = System.nanoTime();
    Process process = builder.start();
    boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    if (!finished) {
      process.destroyForcibly().waitFor();
    }
    Run run =
        new Run(
            List.of(command),
            finished ? process.exitValue() : -1,
            Files.readString(out, StandardCharsets.UTF_8),
            Files.readString(err, StandardCharsets.UTF_8),
            took);
    Files.delete(out);
    Files.delete(err);
    assertThat(finished).as("finished within %s: %s", timeout, run.describe()).isTrue();
    return run;
  }

  private static Map<Path, String> contents(Path dir) throws IOException {
    Map<Path, String> contents = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        contents.put(dir.relativize(file), Files.readString(file, StandardCharsets.UTF_8));
      }
    }
    return contents;
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  private static long size(Path dir) throws IOException {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.filter(Files::isRegularFile).forEach(files::add);
    }
    long total = 0;
    for (Path file : files) {
      total += Files.size(file);
    }
    return total;
  }

  /** One finished command: what ran, its exit code, its output and how long it took. */
  private record Run(List<String> command, int exit, String stdout, String stderr, Duration took) {
    String describe() {
      return String.join(" ", command)
          + " exited "
          + exit
          + "\n--- stdout\n"
          + stdout
          + "--- stderr\n"
          + stderr;
    }
  }
}
