package dev.zdp.action.ci;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zdp.action.engine.ModelAtCommit;
import dev.zdp.generator.ArtifactWriter;
import dev.zdp.generator.plan.Plan;
import dev.zdp.generator.plan.Planner;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.ResetCommand;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A live run renders only what is not up to date in the output directory: the workspace is a clone
 * of a bare remote holding examples/acme, and {@code deploy: commit} writes into it.
 */
class LiveRunIncrementalTest {

  private static final PersonIdent DEV = new PersonIdent("dev", "dev@example.com");
  private static final Pattern RENDERED = Pattern.compile("zdp: rendered (\\d+) of (\\d+) ");

  @TempDir Path temp;
  private Path workspace;

  @BeforeEach
  void remoteAndClone() throws Exception {
    Path remote = temp.resolve("remote.git");
    workspace = temp.resolve("workspace");
    ActionRun.acmeRemoteAndClone(remote, workspace, DEV);
  }

  /** What one live run found, and what it printed. */
  private record Run(LiveRun.Outcome outcome, String log) {
    int rendered() {
      return count(1);
    }

    int artifacts() {
      return count(2);
    }

    private int count(int group) {
      Matcher m = RENDERED.matcher(log);
      assertThat(m.find()).as(log).isTrue();
      return Integer.parseInt(m.group(group));
    }

    Plan plan() {
      return outcome.result().plan().orElseThrow();
    }
  }

  private Run liveRun(String deploy) throws Exception {
    String sha;
    try (Git git = Git.open(workspace.toFile())) {
      sha = git.getRepository().resolve("HEAD").name();
    }
    Map<String, String> variables = ActionRun.pushEnvironment(workspace, temp, sha, deploy);
    ActionEnvironment env = ActionEnvironment.read(variables, temp);
    StringWriter log = new StringWriter();
    LiveRun.Outcome outcome;
    try (PrintWriter out = new PrintWriter(log)) {
      outcome = new LiveRun(env, out).run((Trigger.LiveUpdate) env.trigger());
    }
    assertThat(outcome.succeeded()).as(log.toString()).isTrue();
    if (deploy.equals("commit")) {
      try (Git git = Git.open(workspace.toFile())) {
        git.fetch().call();
        git.reset().setMode(ResetCommand.ResetType.HARD).setRef("origin/main").call();
      }
    }
    return new Run(outcome, log.toString());
  }

  private void commitChange(String file, String from, String to) throws Exception {
    ActionRun.edit(workspace.resolve(file), from, to);
    try (Git git = Git.open(workspace.toFile())) {
      git.commit()
          .setAll(true)
          .setMessage("change " + file)
          .setSign(false)
          .setAuthor(DEV)
          .setCommitter(DEV)
          .call();
    }
  }

  /** Every file the output directory's manifest lists, with its bytes. */
  private SortedMap<String, byte[]> generated() throws Exception {
    Path dir = workspace.resolve("generated");
    SortedMap<String, byte[]> files = new TreeMap<>();
    for (String path : ArtifactWriter.readManifest(dir)) {
      files.put(path, Files.readAllBytes(dir.resolve(path)));
    }
    return files;
  }

  /** Every artifact of the model at HEAD, rendered in full in memory. */
  private SortedMap<String, byte[]> fullRender() throws Exception {
    try (Git git = Git.open(workspace.toFile())) {
      String sha = git.getRepository().resolve("HEAD").name();
      return ModelAtCommit.read(workspace, sha).render(Optional.empty(), sha);
    }
  }

  @Test
  void aSecondRunOfAnUnchangedModelRendersNothingAndPlansNothing() throws Exception {
    Run first = liveRun("commit");
    assertThat(first.rendered()).isEqualTo(first.artifacts()).isPositive();
    assertThat(first.plan().isEmpty()).isFalse();
    byte[] manifest = Files.readAllBytes(workspace.resolve("generated/.zdp-manifest"));

    Run second = liveRun("commit");

    assertThat(second.rendered()).as(second.log()).isZero();
    assertThat(second.artifacts()).isEqualTo(first.artifacts());
    assertThat(second.plan().changes()).isEmpty();
    assertThat(second.outcome().artifactsChanged()).isFalse();
    assertThat(Files.readAllBytes(workspace.resolve("generated/.zdp-manifest")))
        .isEqualTo(manifest);
  }

  @Test
  void aChangedDatastoreIsAllThatIsRenderedAndPlannedAndTheOutputEqualsAFullRender()
      throws Exception {
    liveRun("commit");
    SortedMap<String, byte[]> before = generated();
    commitChange(
        "teams/customer_team/crm.yaml", "host: crm-db.acme.internal", "host: crm.acme.internal");

    Run changed = liveRun("commit");

    SortedMap<String, byte[]> after = fullRender();
    // the host is only in the datastore's connector, in its own Terraform file
    assertThat(after.keySet().stream().filter(p -> !Arrays.equals(after.get(p), before.get(p))))
        .containsExactly("zero/crm.tf");
    assertThat(changed.rendered()).as(changed.log()).isEqualTo(1);
    assertThat(changed.artifacts()).isEqualTo(after.size());
    Plan inFull =
        Planner.diff(
            before,
            after,
            ModelAtCommit.read(workspace, head()).graph(),
            ModelAtCommit.read(workspace, head()).graph());
    assertThat(changed.plan()).isEqualTo(inFull);
    assertThat(changed.plan().changes())
        .isNotEmpty()
        .allSatisfy(c -> assertThat(c.toString()).contains("crm"));
    SortedMap<String, byte[]> written = generated();
    assertThat(written).containsOnlyKeys(after.keySet());
    after.forEach((path, bytes) -> assertThat(written.get(path)).as(path).isEqualTo(bytes));
  }

  @Test
  void deployNoneRendersOnlyWhatChangedAndWritesNothing() throws Exception {
    liveRun("commit");
    SortedMap<String, byte[]> before = generated();
    byte[] manifest = Files.readAllBytes(workspace.resolve("generated/.zdp-manifest"));
    commitChange(
        "teams/customer_team/crm.yaml", "host: crm-db.acme.internal", "host: crm.acme.internal");

    Run preview = liveRun("none");

    assertThat(preview.rendered()).as(preview.log()).isEqualTo(1);
    assertThat(preview.plan().changes()).isNotEmpty();
    assertThat(preview.outcome().artifactsChanged()).isTrue();
    SortedMap<String, byte[]> left = generated();
    assertThat(left).containsOnlyKeys(before.keySet());
    before.forEach((path, bytes) -> assertThat(left.get(path)).as(path).isEqualTo(bytes));
    assertThat(Files.readAllBytes(workspace.resolve("generated/.zdp-manifest")))
        .isEqualTo(manifest);
    try (var files = Files.walk(workspace.resolve("generated"))) {
      assertThat(files.map(Path::toString)).noneMatch(p -> p.endsWith(".tmp"));
    }
  }

  private String head() throws Exception {
    try (Git git = Git.open(workspace.toFile())) {
      return git.getRepository().resolve("HEAD").name();
    }
  }
}
