package dev.zdp.generator.template;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HclFormatterTest {

  @Test
  void indentsAndAlignsRunsOfSingleLineAttributesLikeTerraformFmt() {
    String messy =
        "resource \"kafka_topic\" \"t\" {\n"
            + "name = \"x\"\n"
            + "      partitions = 3\n"
            + "replication_factor=1\n"
            + "\n\n\n"
            + "config = {\n"
            + "\"cleanup.policy\" = \"delete\"\n"
            + "\"a\" = \"b = c\"\n"
            + "}\n"
            + "depends_on = [\n"
            + "kafka_topic.a,\n"
            + "]\n"
            + "}\n\n\n";

    assertThat(HclFormatter.format(messy))
        .isEqualTo(
            "resource \"kafka_topic\" \"t\" {\n"
                + "  name               = \"x\"\n"
                + "  partitions         = 3\n"
                + "  replication_factor = 1\n"
                + "\n"
                + "  config = {\n"
                + "    \"cleanup.policy\" = \"delete\"\n"
                + "    \"a\"              = \"b = c\"\n"
                + "  }\n"
                + "  depends_on = [\n"
                + "    kafka_topic.a,\n"
                + "  ]\n"
                + "}\n");
  }

  @Test
  void aBlankLineOrANestedBlockBreaksTheAlignmentRun() {
    String text = "a = 1\nlonger_name = 2\n\nb = 3\nblock {\nc = 4\n}\nlong_key_here = 5\n";

    assertThat(HclFormatter.format(text))
        .isEqualTo(
            "a           = 1\nlonger_name = 2\n\nb = 3\nblock {\n  c = 4\n}\nlong_key_here = 5\n");
  }

  @Test
  void bracesInsideStringsAndCommentsDoNotCount() {
    String text = "x {\n# a { comment\ny = \"${var.a}:{\"\n}\n";

    assertThat(HclFormatter.format(text))
        .isEqualTo("x {\n  # a { comment\n  y = \"${var.a}:{\"\n}\n");
  }
}
