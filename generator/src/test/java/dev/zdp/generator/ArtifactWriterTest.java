package dev.zdp.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class ArtifactWriterTest {

  @TempDir Path out;

  private static SortedMap<String, byte[]> artifacts(String... pathsAndTexts) {
    SortedMap<String, byte[]> map = new TreeMap<>();
    for (int i = 0; i < pathsAndTexts.length; i += 2) {
      map.put(pathsAndTexts[i], pathsAndTexts[i + 1].getBytes(StandardCharsets.UTF_8));
    }
    return map;
  }

  @Test
  void writesArtifactsAndAManifest() throws IOException {
    ArtifactWriter.Result result =
        ArtifactWriter.write(out, artifacts("zero/crm.tf", "a\n", "zero/merge/crm/c.sql", "b\n"));

    assertThat(result.written()).containsExactly("zero/crm.tf", "zero/merge/crm/c.sql");
    assertThat(Files.readString(out.resolve("zero/crm.tf"))).isEqualTo("a\n");
    assertThat(ArtifactWriter.readManifest(out))
        .containsExactly("zero/crm.tf", "zero/merge/crm/c.sql");
  }

  @Test
  @DisabledOnOs(OS.WINDOWS)
  void writtenFilesGetThePermissionsAnyNewFileGetsNotOwnerOnly() throws IOException {
    String expected =
        PosixFilePermissions.toString(
            Files.getPosixFilePermissions(Files.createFile(out.resolve("plain"))));

    ArtifactWriter.write(out, artifacts("zero/crm.tf", "a\n"));
    ArtifactWriter.write(out, artifacts("zero/crm.tf", "changed\n", "zero/new.tf", "b\n"));

    for (String path : new String[] {"zero/crm.tf", "zero/new.tf", ".zdp-manifest"}) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve(path))))
          .as(path)
          .isEqualTo(expected);
    }
  }

  @Test
  void removesStaleFilesItOwnsAndTheirEmptyDirectories() throws IOException {
    ArtifactWriter.write(
        out,
        artifacts(
            "zero/crm.tf", "a\n", "zero/billing.tf", "b\n", "zero/merge/billing/i.sql", "c\n"));

    ArtifactWriter.Result result = ArtifactWriter.write(out, artifacts("zero/crm.tf", "a\n"));

    assertThat(result.removed()).containsExactly("zero/billing.tf", "zero/merge/billing/i.sql");
    assertThat(out.resolve("zero/billing.tf")).doesNotExist();
    assertThat(out.resolve("zero/merge")).doesNotExist();
    assertThat(out.resolve("zero/crm.tf")).exists();
  }

  @Test
  void neverTouchesFilesItDidNotWrite() throws IOException {
    Files.createDirectories(out.resolve("zero/.terraform"));
    Files.writeString(out.resolve("zero/prod.tfvars"), "x = 1\n");
    Files.writeString(out.resolve("zero/.terraform/state"), "s");
    ArtifactWriter.write(out, artifacts("zero/crm.tf", "a\n"));

    ArtifactWriter.write(out, artifacts());

    assertThat(out.resolve("zero/prod.tfvars")).hasContent("x = 1");
    assertThat(out.resolve("zero/.terraform/state")).exists();
    assertThat(out.resolve("zero/crm.tf")).doesNotExist();
  }

  @Test
  void leavesUnchangedFilesUntouched() throws IOException {
    ArtifactWriter.write(out, artifacts("zero/crm.tf", "a\n", "zero/b.tf", "b\n"));
    FileTime old = FileTime.fromMillis(1_000_000_000L);
    Files.setLastModifiedTime(out.resolve("zero/crm.tf"), old);

    ArtifactWriter.Result result =
        ArtifactWriter.write(out, artifacts("zero/crm.tf", "a\n", "zero/b.tf", "B\n"));

    assertThat(result.unchanged()).containsExactly("zero/crm.tf");
    assertThat(result.written()).containsExactly("zero/b.tf");
    assertThat(Files.getLastModifiedTime(out.resolve("zero/crm.tf"))).isEqualTo(old);
  }

  @Test
  void aManifestEntryOutsideTheDirectoryIsIgnored() throws IOException {
    Path outside = out.resolveSibling(out.getFileName() + "-outside.txt");
    Files.writeString(outside, "keep");
    try {
      Files.writeString(
          out.resolve(ArtifactWriter.MANIFEST), "../" + outside.getFileName() + "\n/etc/passwd\n");

      ArtifactWriter.write(out, artifacts("zero/crm.tf", "a\n"));

      assertThat(outside).hasContent("keep");
    } finally {
      Files.deleteIfExists(outside);
    }
  }

  @Test
  void refusesArtifactPathsThatLeaveTheDirectory() {
    assertThatThrownBy(() -> ArtifactWriter.write(out, artifacts("../x.tf", "a")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ArtifactWriter.write(out, artifacts("/abs.tf", "a")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void generatingTwiceGivesIdenticalTrees() throws IOException {
    Generator generator = new Generator();
    ArtifactWriter.write(out, generator.render(TestModels.acme(), java.util.Optional.empty()));
    ArtifactWriter.Result again =
        ArtifactWriter.write(out, generator.render(TestModels.acme(), java.util.Optional.empty()));

    assertThat(again.written()).isEmpty();
    assertThat(again.removed()).isEmpty();
    assertThat(again.unchanged()).hasSize(12);
  }

  @Test
  void aSecondWriteIntoTheSameDirectoryFailsInOneLineAndTheLockGoesWithTheFirst()
      throws IOException {
    Path dir = out.resolve("gen");
    try (ArtifactWriter.Staging first = ArtifactWriter.stage(dir)) {
      assertThatThrownBy(() -> ArtifactWriter.stage(dir))
          .isInstanceOf(IOException.class)
          .hasMessageStartingWith("another zdp generate or reconcile is writing into '" + dir + "'")
          .hasMessageNotContaining("\n");
      first.accept("zero/a.tf", "-", "a\n".getBytes(StandardCharsets.UTF_8));
      first.commit(new TreeSet<>(java.util.Set.of("zero/a.tf")));
    }
    assertThat(dir.resolve(".zdp-lock")).doesNotExist();
    // the next write takes the directory, and so does one after a run killed with its lock file
    Files.writeString(dir.resolve(".zdp-lock"), "");
    ArtifactWriter.write(dir, artifacts("zero/a.tf", "b\n"));
    assertThat(dir.resolve(".zdp-lock")).doesNotExist();
    assertThat(Files.readString(dir.resolve("zero/a.tf"))).isEqualTo("b\n");
  }

  @Test
  void aWriteUnderALockHeldForLongerLeavesItHeldAndAWaiterGetsItWhenReleased() throws Exception {
    Path dir = out.resolve("gen");
    OutputLock held = OutputLock.acquire(dir);
    try (ArtifactWriter.Staging staging = ArtifactWriter.stage(held)) {
      staging.accept("zero/a.tf", "-", "a\n".getBytes(StandardCharsets.UTF_8));
      staging.commit(new TreeSet<>(java.util.Set.of("zero/a.tf")));
    }
    assertThat(Files.readString(dir.resolve("zero/a.tf"))).isEqualTo("a\n");
    assertThat(dir.resolve(".zdp-lock")).exists();
    assertThatThrownBy(() -> ArtifactWriter.stage(dir)).isInstanceOf(OutputLock.Locked.class);
    java.util.List<String> told = new java.util.concurrent.CopyOnWriteArrayList<>();
    assertThatThrownBy(
            () ->
                OutputLock.await(dir, java.time.Duration.ofMillis(300), () -> told.add("waiting")))
        .isInstanceOf(OutputLock.Locked.class);
    assertThat(told).containsExactly("waiting");

    java.util.concurrent.CompletableFuture<OutputLock> waiter =
        java.util.concurrent.CompletableFuture.supplyAsync(
            () -> {
              try {
                return OutputLock.await(dir, java.time.Duration.ofSeconds(30), () -> {});
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });
    Thread.sleep(300);
    assertThat(waiter).isNotDone();
    held.close();
    try (OutputLock taken = waiter.get(10, java.util.concurrent.TimeUnit.SECONDS)) {
      assertThat(taken.root()).isEqualTo(dir.toAbsolutePath().normalize());
    }
    assertThat(dir.resolve(".zdp-lock")).doesNotExist();
  }

  @Test
  void aWriteThatFailsHalfWayLeavesEveryFileOwnedByTheManifest() throws IOException {
    ArtifactWriter.write(out, artifacts("zero/a.tf", "a\n", "zero/b.tf", "b\n"));
    // the last file in order cannot be moved into place: a directory with a file holds its path
    Files.createDirectories(out.resolve("zero/zz.tf"));
    Files.writeString(out.resolve("zero/zz.tf/keep"), "x");

    assertThatThrownBy(
            () ->
                ArtifactWriter.write(
                    out, artifacts("zero/a.tf", "a2\n", "zero/c.tf", "c\n", "zero/zz.tf", "z\n")))
        .isInstanceOf(IOException.class);

    assertThat(Files.readString(out.resolve("zero/c.tf"))).isEqualTo("c\n");
    assertThat(ArtifactWriter.readManifest(out)).contains("zero/a.tf", "zero/b.tf", "zero/c.tf");

    // the next write (of another model) removes what it no longer generates, c.tf included
    Files.delete(out.resolve("zero/zz.tf/keep"));
    Files.delete(out.resolve("zero/zz.tf"));
    ArtifactWriter.Result result = ArtifactWriter.write(out, artifacts("zero/a.tf", "a\n"));
    assertThat(result.removed()).containsExactly("zero/b.tf", "zero/c.tf");
    assertThat(ArtifactWriter.readManifest(out)).containsExactly("zero/a.tf");
  }
}
