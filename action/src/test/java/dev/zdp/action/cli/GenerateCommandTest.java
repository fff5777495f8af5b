package dev.zdp.action.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.bertramlabs.plugins.hcl4j.HCLParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateCommandTest {

  @TempDir Path temp;

  private Path model() {
    return temp.resolve("model");
  }

  private static long count(SortedMap<String, byte[]> tree, String prefix) {
    return tree.keySet().stream().filter(p -> p.startsWith(prefix)).count();
  }

  @Test
  void acmeTwiceGivesTheSameBytesAndEveryTerraformFileParses() throws Exception {
    Path out = temp.resolve("out");

    Zdp first = Zdp.run("generate", "--model", Acme.EXAMPLE.toString(), "--out", out.toString());

    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(first.err()).isEmpty();
    SortedMap<String, byte[]> tree = Acme.tree(out);
    assertThat(tree).containsKeys("zero/crm.tf", "zero/shop.tf", "zero/fleet.tf", ".zdp-manifest");
    long files = count(tree, "zero/");
    assertThat(first.out())
        .isEqualTo(
            "zero: %d files (%d written, 0 unchanged, 0 removed; %d rendered) in %s%n"
                .formatted(files, files, files, out.resolve("zero")));

    Zdp again = Zdp.run("generate", "--model", Acme.EXAMPLE.toString(), "--out", out.toString());
    Path elsewhere = temp.resolve("elsewhere");
    Zdp other =
        Zdp.run("generate", "--model", Acme.EXAMPLE.toString(), "--out", elsewhere.toString());

    assertThat(again.exitCode()).isZero();
    assertThat(again.out()).contains("(0 written, " + files + " unchanged, 0 removed; 0 rendered)");
    assertThat(Acme.sameBytes(Acme.tree(out), tree)).isTrue();
    assertThat(other.exitCode()).isZero();
    assertThat(Acme.sameBytes(Acme.tree(elsewhere), tree)).isTrue();

    for (Map.Entry<String, byte[]> file : tree.entrySet()) {
      if (file.getKey().endsWith(".tf")) {
        Map<String, Object> parsed =
            new HCLParser().parse(new String(file.getValue(), StandardCharsets.UTF_8));
        assertThat(parsed).as(file.getKey()).isNotEmpty();
      }
    }
    Map<String, Object> crm =
        new HCLParser().parse(new String(tree.get("zero/crm.tf"), StandardCharsets.UTF_8));
    assertThat(crm).containsKey("resource");
  }

  @Test
  void filesOfADatastoreNoLongerSunkAreRemovedAndOthersKept() throws Exception {
    Acme.copyTo(model());
    Path out = model().resolve("generated");
    assertThat(Zdp.run("generate", "--model", model().toString()).exitCode()).isZero();
    SortedMap<String, byte[]> before = Acme.tree(out);
    assertThat(before).containsKeys("zero/fleet.tf", "zero/merge/fleet/vehicles.sql");
    Path tfvars = Files.writeString(out.resolve("zero/terraform.tfvars"), "connect_url = \"x\"\n");

    // delivery_ops is the only workspace that sinks fleet's datasets
    Files.delete(model().resolve("workspaces/delivery_ops.yaml"));
    Zdp zdp = Zdp.run("generate", "--model", model().toString());

    assertThat(zdp.exitCode()).as(zdp.err()).isZero();
    SortedMap<String, byte[]> after = Acme.tree(out);
    assertThat(after.keySet())
        .noneMatch(
            p ->
                p.startsWith("zero/fleet")
                    || p.startsWith("zero/merge/fleet")
                    || p.equals("zero/staging/fleet.sql"))
        .contains("zero/crm.tf", "zero/shop.tf", "zero/terraform.tfvars");
    assertThat(Files.exists(out.resolve("zero/merge/fleet"))).isFalse();
    assertThat(Files.readString(tfvars)).isEqualTo("connect_url = \"x\"\n");
    long removed =
        count(before, "zero/fleet.tf")
            + count(before, "zero/merge/fleet/")
            + count(before, "zero/staging/fleet.sql");
    assertThat(zdp.out())
        .contains(", " + removed + " removed; ")
        .contains(" in " + out.resolve("zero"));
    assertThat(new String(after.get("zero/variables.tf"), StandardCharsets.UTF_8))
        .doesNotContain("fleet_db");
  }

  @Test
  void anInvalidModelWritesNothingAndExitsOne() throws Exception {
    Acme.copyTo(model());
    Path out = temp.resolve("out");
    Zdp.run("generate", "--model", model().toString(), "--out", out.toString());
    SortedMap<String, byte[]> before = Acme.tree(out);
    Acme.edit(
        model().resolve("workspaces/churn.yaml"),
        "{datastore: crm, dataset: customers}",
        "{datastore: crm, dataset: customer}");
    Files.delete(model().resolve("workspaces/delivery_ops.yaml"));
    Path fresh = temp.resolve("fresh");

    Zdp zdp = Zdp.run("generate", "--model", model().toString(), "--out", out.toString());
    Zdp intoNew = Zdp.run("generate", "--model", model().toString(), "--out", fresh.toString());

    assertThat(zdp.exitCode()).isEqualTo(1);
    assertThat(zdp.out()).isEmpty();
    assertThat(zdp.err())
        .contains("workspaces/churn.yaml:")
        .contains("error [")
        .contains("'customer'")
        .contains("did you mean 'customers'?");
    assertThat(zdp.errLines().get(zdp.errLines().size() - 1))
        .startsWith("zdp: nothing was generated: the model in " + model() + " has 1 error");
    assertThat(Acme.sameBytes(Acme.tree(out), before)).as("fleet.tf kept").isTrue();
    assertThat(intoNew.exitCode()).isEqualTo(1);
    assertThat(fresh).doesNotExist();
  }

  @Test
  void aColumnThePlatformCannotCarryExitsOneAndWritesNothing() {
    Acme.copyTo(model());
    // depots has time-of-day columns, which the Zero platform's Spark SQL cannot hold
    Acme.edit(
        model().resolve("workspaces/delivery_ops.yaml"),
        "- {datastore: fleet, dataset: vehicles}",
        "- {datastore: fleet, dataset: vehicles}\n        - {datastore: fleet, dataset: depots}");
    Path out = temp.resolve("out");

    Zdp zdp = Zdp.run("generate", "--model", model().toString(), "--out", out.toString());

    assertThat(zdp.exitCode()).isEqualTo(1);
    assertThat(zdp.err()).contains("depots").contains("time").doesNotContain("\tat ");
    assertThat(zdp.out()).isEmpty();
    assertThat(out).doesNotExist();
  }

  @Test
  void aBrokenTemplateOfTheModelIsNamedWithItsLine() {
    Acme.copyTo(model());
    TestModels.write(
        model(),
        "templates/zero/versions.tf.j2",
        "terraform {\n  required_version = \"{{ terraform_versoin }}\"\n}\n");
    Path out = temp.resolve("out");

    Zdp zdp = Zdp.run("generate", "--model", model().toString(), "--out", out.toString());

    assertThat(zdp.exitCode()).isEqualTo(2);
    assertThat(zdp.errLines()).hasSize(1);
    assertThat(zdp.errLines().get(0))
        .startsWith("zdp: ")
        .contains("template zero/versions.tf.j2 line 2")
        .contains("'terraform_versoin'")
        .contains("fix zero/versions.tf.j2 in " + model().resolve("templates"));
    assertThat(out).doesNotExist();
  }

  @Test
  void aTemplateFileThatOverridesNothingIsAWarning() {
    Acme.copyTo(model());
    TestModels.write(model(), "templates/zero/datastor.tf.j2", "anything\n");

    Zdp zdp = Zdp.run("generate", "--model", model().toString());

    assertThat(zdp.exitCode()).isZero();
    assertThat(zdp.errLines())
        .containsExactly(
            "zdp: warning: zero/datastor.tf.j2 in "
                + model().resolve("templates")
                + " overrides no template; did you mean 'zero/datastore.tf.j2'?");
  }

  @Test
  void shardSizeSplitsThePlatformIntoRootModules() {
    Path out = temp.resolve("out");

    Zdp zdp =
        Zdp.run(
            "generate",
            "--model",
            Acme.EXAMPLE.toString(),
            "--out",
            out.toString(),
            "--shard-size",
            "2");

    assertThat(zdp.exitCode()).as(zdp.err()).isZero();
    assertThat(Acme.tree(out))
        .containsKeys(
            "zero/shard-001/versions.tf",
            "zero/shard-001/crm.tf",
            "zero/shard-001/fleet.tf",
            "zero/shard-002/shop.tf")
        .doesNotContainKey("zero/crm.tf");
    assertThat(zdp.out().lines()).hasSize(1);
  }

  @Test
  void shardSizeBelowOneCannotRun() {
    Zdp zdp = Zdp.run("generate", "--model", Acme.EXAMPLE.toString(), "--shard-size", "0");

    assertThat(zdp.exitCode()).isEqualTo(2);
    assertThat(zdp.errLines())
        .containsExactly(
            "zdp: --shard-size must be at least 1, got 0; leave it out for one Terraform root module"
                + " per platform");
  }

  @Test
  void defaultOutputIsTheModelsGeneratedDirectoryWhichValidateDoesNotRead() {
    Acme.copyTo(model());

    Zdp generate = Zdp.run("generate", "--model", model().toString());
    Zdp validate = Zdp.run("validate", "--model", model().toString());

    assertThat(generate.exitCode()).isZero();
    assertThat(model().resolve("generated/zero/crm.tf")).isRegularFile();
    assertThat(generate.out()).contains(" in " + model().resolve("generated").resolve("zero"));
    assertThat(validate.exitCode()).as(validate.out()).isZero();
  }

  @Test
  void aMissingModelDirectoryCannotRun() {
    Zdp zdp = Zdp.run("generate", "--model", temp.resolve("nope").toString());

    assertThat(zdp.exitCode()).isEqualTo(2);
    assertThat(zdp.errLines()).hasSize(1);
    assertThat(zdp.errLines().get(0)).startsWith("zdp: ").contains("nope").contains("--model");
  }

  @Test
  void aSecondGenerateRendersOnlyWhatTheChangeTouchedAndForceRendersAll() throws Exception {
    Acme.copyTo(model());
    Path out = temp.resolve("out");
    String[] generate = {"generate", "--model", model().toString(), "--out", out.toString()};
    Zdp first = Zdp.run(concat(generate, "--verbose"));
    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(first.err()).contains("rendering every file: there is no");
    SortedMap<String, byte[]> before = Acme.tree(out);
    long files = count(before, "zero/");

    Zdp unchanged = Zdp.run(concat(generate, "--verbose"));

    assertThat(unchanged.out())
        .contains("(0 written, " + files + " unchanged, 0 removed; 0 rendered)");
    assertThat(unchanged.err()).doesNotContain("rendering every file");
    assertThat(Acme.sameBytes(Acme.tree(out), before)).isTrue();

    Acme.edit(
        model().resolve("teams/customer_team/crm.yaml"),
        "        - {name: updated_at, type: timestamptz}",
        "        - {name: updated_at, type: timestamptz}\n        - {name: region, type: text}");
    Files.delete(out.resolve("zero/shop.tf"));
    Zdp changed = Zdp.run(generate);

    assertThat(changed.exitCode()).as(changed.err()).isZero();
    // crm.customers' MERGE job and crm's staging DDL, and the deleted shop.tf
    assertThat(changed.out())
        .contains("(3 written, " + (files - 3) + " unchanged, 0 removed; 3 rendered)");
    assertThat(Files.readString(out.resolve("zero/staging/crm.sql"))).contains("region");
    SortedMap<String, byte[]> incremental = Acme.tree(out);

    Zdp forced = Zdp.run(concat(generate, "--force", "--verbose"));

    assertThat(forced.out())
        .contains("(0 written, " + files + " unchanged, 0 removed; " + files + " rendered)");
    assertThat(forced.err()).contains("rendering every file, as asked");
    assertThat(Acme.sameBytes(Acme.tree(out), incremental)).isTrue();
  }

  private static String[] concat(String[] args, String... more) {
    String[] all = java.util.Arrays.copyOf(args, args.length + more.length);
    System.arraycopy(more, 0, all, args.length, more.length);
    return all;
  }
}
