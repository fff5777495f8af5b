package dev.zdp.sandbox.spark;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SqlScriptTest {
  @Test
  void splitsAtStatementEndsOnly() {
    String script =
        """
        -- a comment; not a statement end
        CREATE TABLE t (a STRING); /* nor; this */
        INSERT INTO t VALUES ('x;y'), ("it''s;"), ('o''k;');
        SELECT `odd;name` FROM t
        """;
    assertThat(SqlScript.statements(script))
        .containsExactly(
            "CREATE TABLE t (a STRING)",
            "INSERT INTO t VALUES ('x;y'), (\"it''s;\"), ('o''k;')",
            "SELECT `odd;name` FROM t");
  }

  @Test
  void keepsACompoundStatementWhole() {
    String script =
        """
        BEGIN DECLARE EXIT HANDLER FOR FIELD_ALREADY_EXISTS BEGIN END;
          ALTER TABLE t ADD COLUMN `end` STRING;
          IF 1 = 1 THEN SELECT 1; END IF;
        END;
        ALTER TABLE t ALTER COLUMN v TYPE BIGINT;
        """;
    assertThat(SqlScript.statements(script))
        .containsExactly(
            "BEGIN DECLARE EXIT HANDLER FOR FIELD_ALREADY_EXISTS BEGIN END;\n"
                + "  ALTER TABLE t ADD COLUMN `end` STRING;\n"
                + "  IF 1 = 1 THEN SELECT 1; END IF;\nEND",
            "ALTER TABLE t ALTER COLUMN v TYPE BIGINT");
  }

  @Test
  void ignoresEmptyStatements() {
    assertThat(SqlScript.statements(" ;\n; -- only a comment\n")).isEmpty();
  }
}
