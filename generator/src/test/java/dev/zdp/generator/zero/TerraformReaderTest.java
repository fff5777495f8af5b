package dev.zdp.generator.zero;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.zdp.generator.plan.Block;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Large files are parsed in pieces (hcl4j slows down faster than files grow): same blocks. */
class TerraformReaderTest {

  @Test
  void aLargeFileReadsAsTheSameBlocksAsSmallFiles() {
    StringBuilder large = new StringBuilder();
    Map<String, byte[]> small = new TreeMap<>();
    for (int i = 0; i < 400; i++) {
      String block = variable(i) + "\n" + topic(i) + "\n";
      large.append(block);
      small.put("m/part" + i + ".tf", block.getBytes(StandardCharsets.UTF_8));
    }
    assertThat(large.length()).isGreaterThan(4 * TerraformReader.CHUNK_CHARS);

    SortedMap<String, Block> inPieces =
        TerraformReader.readModule(
            Map.of("m/all.tf", large.toString().getBytes(StandardCharsets.UTF_8)));
    SortedMap<String, Block> oneByOne = TerraformReader.readModule(small);

    assertThat(inPieces.keySet()).hasSize(800).isEqualTo(oneByOne.keySet());
    inPieces.forEach(
        (address, block) -> {
          Block other = oneByOne.get(address);
          assertThat(block.attributes()).as(address).isEqualTo(other.attributes());
          assertThat(block.sensitive()).as(address).isEqualTo(other.sensitive());
        });
    assertThat(inPieces.get("kafka_topic.t399").attributes())
        .containsEntry("name", "zero.s399.public.orders");
    assertThat(inPieces.get("var.v7_password").sensitive()).isNotEmpty();
  }

  @Test
  void aCutInsideAHeredocFallsBackToTheWholeFile() {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 400; i++) {
      text.append(topic(i)).append('\n');
      // a heredoc holding a closing brace line followed by what looks like a block
      text.append("locals {\n  doc")
          .append(i)
          .append(" = <<EOT\nbefore\n}\n\nresource \"in\" \"heredoc\" {\nEOT\n}\n\n");
    }
    assertThat(text.length()).isGreaterThan(2 * TerraformReader.CHUNK_CHARS);

    SortedMap<String, Block> blocks =
        TerraformReader.readModule(
            Map.of("m/all.tf", text.toString().getBytes(StandardCharsets.UTF_8)));

    assertThat(blocks).hasSize(400).containsKey("kafka_topic.t399").doesNotContainKey("in.heredoc");
  }

  @Test
  void aBrokenLargeFileIsStillReportedByName() {
    String text = variable(1).repeat(400) + "resource \"a\" \"b\" {\n  name = \"x\n}\n";

    assertThatThrownBy(
            () ->
                TerraformReader.readModule(
                    Map.of("m/broken.tf", text.getBytes(StandardCharsets.UTF_8))))
        .hasMessageContaining("m/broken.tf");
  }

  @Test
  void aFileLeftOutDeclaresWhatTheReadFilesReferenceAsWhenReadWhole() {
    StringBuilder declarations = new StringBuilder();
    for (int i = 0; i < 400; i++) {
      declarations.append(i % 3 == 0 ? variable(i) : plainVariable(i)).append('\n');
    }
    Map<String, byte[]> module = new TreeMap<>();
    module.put("m/variables.tf", declarations.toString().getBytes(StandardCharsets.UTF_8));
    for (int i = 0; i < 40; i++) {
      String source =
          "resource \"kafka-connect_connector\" \"c"
              + i
              + "\" {\n  name = \"c"
              + i
              + "\"\n  config = {\n    \"password\" = var.v"
              + (i * 7)
              + "_password\n    \"host\" = var.v"
              + (i * 7 + 1)
              + "_password\n  }\n}\n";
      module.put("m/c" + i + ".tf", source.getBytes(StandardCharsets.UTF_8));
    }
    SortedMap<String, Block> whole = TerraformReader.readModule(module);
    Random random = new Random(19);
    for (int round = 0; round < 20; round++) {
      Set<String> leftOut = new TreeSet<>();
      module.keySet().stream().filter(f -> random.nextInt(3) > 0).forEach(leftOut::add);
      leftOut.add("m/variables.tf");

      SortedMap<String, Block> read = TerraformReader.readModule(module, leftOut);

      SortedMap<String, Block> expected = new TreeMap<>(whole);
      expected.values().removeIf(block -> leftOut.contains(block.file()));
      assertThat(read).as("left out: %s", leftOut).isEqualTo(expected);
    }
    assertThat(whole.get("kafka-connect_connector.c3").sensitive())
        .containsExactly("config[\"password\"]");
  }

  private static String plainVariable(int i) {
    return "variable \"v" + i + "_password\" {\n  type = string\n  default = \"d" + i + "\"\n}\n";
  }

  private static String variable(int i) {
    return "variable \"v"
        + i
        + "_password\" {\n  description = \"Password of credential v"
        + i
        + " with some words to make the file longer than one piece.\"\n  type        = string\n"
        + "  sensitive   = true\n}\n";
  }

  private static String topic(int i) {
    return "resource \"kafka_topic\" \"t"
        + i
        + "\" {\n  name               = \"zero.s"
        + i
        + ".public.orders\"\n  replication_factor = 3\n  partitions         = 3\n"
        + "  config = {\n    \"cleanup.policy\" = \"delete\"\n  }\n}\n";
  }
}
