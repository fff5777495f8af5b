package dev.zdp.action.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zdp.model.Kind;
import dev.zdp.model.ObjectPath;
import dev.zdp.model.SourceLocation;
import dev.zdp.validator.Diagnostic;
import dev.zdp.validator.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the check cache keeps comes back exactly, under its own key only, and never half. */
class CheckCacheTest {

  @TempDir Path directory;

  private static final List<Diagnostic> FOUND =
      List.of(
          new Diagnostic(
              "sink-reference",
              Severity.ERROR,
              "workspace 'churn' sinks dataset 'crm.gone', which does not exist — ünïcode",
              Optional.of(new SourceLocation("workspaces/churn.yaml", 12, 9)),
              Optional.of(
                  ObjectPath.of(Kind.WORKSPACE, "churn")
                      .item("datasetGroups", "g")
                      .index("sinks", 0)),
              "did you mean 'crm.customers'?"),
          new Diagnostic(
              "ecosystem",
              Severity.WARNING,
              "no Ecosystem document",
              Optional.empty(),
              Optional.empty(),
              ""));

  @Test
  void keptFindingsComeBackEqualAndAreNotComputedAgain() {
    CheckCache cache = CheckCache.in(Optional.of(directory));
    AtomicInteger computed = new AtomicInteger();
    assertThat(cache.findings("models:abc", () -> count(computed))).isEqualTo(FOUND);
    assertThat(cache.findings("models:abc", () -> count(computed))).isEqualTo(FOUND);
    assertThat(CheckCache.in(Optional.of(directory)).findings("models:abc", () -> count(computed)))
        .isEqualTo(FOUND);
    assertThat(computed).hasValue(1);
    // another tree is another key
    assertThat(cache.findings("models:abd", () -> List.of())).isEmpty();
    assertThat(computed).hasValue(1);
  }

  @Test
  void anEntryUnderAnotherKeyIsNotTrusted() throws IOException {
    Path entry = directory.resolve("x.findings");
    CheckCache.write(entry, "key one", FOUND);
    assertThat(CheckCache.read(entry, "key one")).contains(FOUND);
    assertThat(CheckCache.read(entry, "key two")).isEmpty();
    byte[] bytes = Files.readAllBytes(entry);
    for (int cut = 0; cut < bytes.length; cut += 7) {
      Files.write(entry, Arrays.copyOf(bytes, cut));
      assertThat(CheckCache.read(entry, "key one")).as("cut at %d", cut).isEmpty();
    }
  }

  @Test
  void keepsTheMostRecentlyUsedEntriesAndNoTemporaryFiles() throws IOException {
    CheckCache cache = CheckCache.in(Optional.of(directory));
    for (int i = 0; i < CheckCache.KEPT + 5; i++) {
      cache.findings("models:" + i, List::of);
    }
    try (Stream<Path> files = Files.list(directory)) {
      assertThat(files.toList())
          .hasSize(CheckCache.KEPT)
          .allMatch(p -> p.getFileName().toString().endsWith(".findings"));
    }
  }

  private static List<Diagnostic> count(AtomicInteger computed) {
    computed.incrementAndGet();
    return FOUND;
  }
}
