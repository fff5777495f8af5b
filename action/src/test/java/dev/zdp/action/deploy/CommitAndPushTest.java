package dev.zdp.action.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.zdp.generator.ArtifactWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SortedMap;
import java.util.TreeMap;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code deploy: commit} against a real bare remote, with real clones racing it. */
class CommitAndPushTest {

  private static final PersonIdent BOT = new PersonIdent("zdp-test", "zdp@example.com");

  @TempDir Path temp;
  private Path remote;
  private Path work;
  private Git clone;
  private final StringWriter log = new StringWriter();

  @BeforeEach
  void remoteWithOneCommit() throws Exception {
    remote = temp.resolve("remote.git");
    Git.init().setBare(true).setDirectory(remote.toFile()).setInitialBranch("main").call().close();
    Path seed = temp.resolve("seed");
    try (Git git = Git.init().setDirectory(seed.toFile()).setInitialBranch("main").call()) {
      Files.writeString(seed.resolve("ecosystem.yaml"), "kind: Ecosystem\n");
      Files.createDirectories(seed.resolve("generated"));
      Files.writeString(seed.resolve("generated/README.md"), "kept by people\n");
      git.add().addFilepattern(".").call();
      git.commit().setMessage("model").setSign(false).setAuthor(BOT).setCommitter(BOT).call();
      git.remoteAdd()
          .setName("origin")
          .setUri(new org.eclipse.jgit.transport.URIish(remote.toUri().toString()))
          .call();
      git.push().setRemote("origin").add("main").call();
    }
    work = temp.resolve("work");
    clone =
        Git.cloneRepository().setURI(remote.toUri().toString()).setDirectory(work.toFile()).call();
  }

  private String head() throws Exception {
    return clone.getRepository().resolve("HEAD").name();
  }

  private void generate(String content) throws Exception {
    SortedMap<String, byte[]> artifacts = new TreeMap<>();
    artifacts.put("zero/main.tf", content.getBytes(StandardCharsets.UTF_8));
    artifacts.put("zero/jobs/crm.sql", "MERGE INTO t\n".getBytes(StandardCharsets.UTF_8));
    ArtifactWriter.write(work.resolve("generated"), artifacts);
  }

  private CommitAndPush publisher(CommitAndPush.BeforePush beforePush) {
    return new CommitAndPush(
        work,
        "generated",
        new UsernamePasswordCredentialsProvider("x-access-token", "t"),
        BOT,
        new PrintWriter(log, true),
        beforePush);
  }

  private RevCommit remoteHead(String branch) throws Exception {
    try (Git bare = Git.open(remote.toFile())) {
      ObjectId id = bare.getRepository().resolve("refs/heads/" + branch);
      return id == null ? null : bare.getRepository().parseCommit(id);
    }
  }

  private String fileAt(RevCommit commit, String path) throws Exception {
    try (Git bare = Git.open(remote.toFile());
        TreeWalk walk = TreeWalk.forPath(bare.getRepository(), path, commit.getTree())) {
      return walk == null
          ? null
          : new String(
              bare.getRepository().open(walk.getObjectId(0)).getBytes(), StandardCharsets.UTF_8);
    }
  }

  /** Another clone of the remote pushes a commit of its own to main. */
  private void anotherClonePushes(String file) throws Exception {
    Path other = Files.createTempDirectory(temp, "other");
    try (Git git =
        Git.cloneRepository()
            .setURI(remote.toUri().toString())
            .setDirectory(other.toFile())
            .call()) {
      Files.writeString(other.resolve(file), "someone else\n");
      git.add().addFilepattern(".").call();
      git.commit()
          .setMessage("other " + file)
          .setSign(false)
          .setAuthor(BOT)
          .setCommitter(BOT)
          .call();
      git.push().call();
    }
  }

  @Test
  void commitsTheGeneratedFilesAndPushesThem() throws Exception {
    String start = head();
    generate("resource \"a\" \"b\" {}\n");

    CommitAndPush.Outcome outcome =
        publisher(a -> {}).publish("main", start, true, "zdp: generated");

    RevCommit pushed = remoteHead("main");
    assertThat(outcome.committed()).isTrue();
    assertThat(pushed.name()).isEqualTo(outcome.commit().orElseThrow());
    assertThat(pushed.getParent(0).name()).isEqualTo(start);
    assertThat(pushed.getFullMessage()).isEqualTo("zdp: generated");
    assertThat(fileAt(pushed, "generated/zero/main.tf")).isEqualTo("resource \"a\" \"b\" {}\n");
    assertThat(fileAt(pushed, "generated/.zdp-manifest")).contains("zero/jobs/crm.sql");
    assertThat(fileAt(pushed, "generated/README.md")).isEqualTo("kept by people\n");
  }

  @Test
  void nothingIsCommittedWhenTheFilesAreAlreadyThere() throws Exception {
    generate("x\n");
    CommitAndPush.Outcome first = publisher(a -> {}).publish("main", head(), true, "gen");
    clone.pull().call();

    CommitAndPush.Outcome second = publisher(a -> {}).publish("main", head(), true, "gen");

    assertThat(second.committed()).isFalse();
    assertThat(second.pushes()).isZero();
    assertThat(remoteHead("main").name()).isEqualTo(first.commit().orElseThrow());
    assertThat(log.toString()).contains("nothing to push");
  }

  @Test
  void aRejectedPushIsRetriedOnTheNewHeadWithOnlyTheGeneratedFiles() throws Exception {
    String start = head();
    anotherClonePushes("other.yaml");
    RevCommit theirs = remoteHead("main");
    generate("mine\n");

    CommitAndPush.Outcome outcome = publisher(a -> {}).publish("main", start, true, "gen");

    RevCommit pushed = remoteHead("main");
    assertThat(outcome.pushes()).isEqualTo(2);
    assertThat(pushed.getParent(0)).isEqualTo(theirs);
    assertThat(fileAt(pushed, "other.yaml")).isEqualTo("someone else\n");
    assertThat(fileAt(pushed, "generated/zero/main.tf")).isEqualTo("mine\n");
    assertThat(log.toString()).contains("rejected (the branch moved)");
  }

  @Test
  void aSecondRejectionFailsWithOneClearLine() throws Exception {
    String start = head();
    generate("mine\n");

    assertThatThrownBy(
            () ->
                publisher(attempt -> anotherClonePushes("race-" + attempt + ".yaml"))
                    .publish("main", start, true, "gen"))
        .isInstanceOf(CommitAndPush.PushFailed.class)
        .hasMessage(
            "the push of the generated files to main was rejected twice because the branch"
                + " keeps moving; run the deploy again");
    assertThat(fileAt(remoteHead("main"), "generated/zero/main.tf")).isNull();
  }

  @Test
  void anotherBranchGetsTheFilesOnTopOfItsOwnHistoryOrIsCreated() throws Exception {
    generate("v1\n");
    CommitAndPush.Outcome created = publisher(a -> {}).publish("deploy", head(), false, "gen 1");
    generate("v2\n");

    CommitAndPush.Outcome next = publisher(a -> {}).publish("deploy", head(), false, "gen 2");

    RevCommit deploy = remoteHead("deploy");
    assertThat(deploy.name()).isEqualTo(next.commit().orElseThrow());
    assertThat(deploy.getParent(0).name()).isEqualTo(created.commit().orElseThrow());
    assertThat(fileAt(deploy, "generated/zero/main.tf")).isEqualTo("v2\n");
    assertThat(remoteHead("main").name()).isEqualTo(head());
  }

  @Test
  void filesNoLongerGeneratedAreRemovedFromTheCommit() throws Exception {
    generate("v1\n");
    publisher(a -> {}).publish("main", head(), true, "gen 1");
    clone.pull().call();
    SortedMap<String, byte[]> fewer = new TreeMap<>();
    fewer.put("zero/main.tf", "v1\n".getBytes(StandardCharsets.UTF_8));
    ArtifactWriter.write(work.resolve("generated"), fewer);

    publisher(a -> {}).publish("main", head(), true, "gen 2");

    RevCommit pushed = remoteHead("main");
    assertThat(fileAt(pushed, "generated/zero/jobs/crm.sql")).isNull();
    assertThat(fileAt(pushed, "generated/zero/main.tf")).isEqualTo("v1\n");
    assertThat(fileAt(pushed, "generated/README.md")).isEqualTo("kept by people\n");
  }
}
