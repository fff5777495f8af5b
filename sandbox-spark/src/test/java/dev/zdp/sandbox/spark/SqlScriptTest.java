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
  void ignoresEmptyStatements() {
    assertThat(SqlScript.statements(" ;\n; -- only a comment\n")).isEmpty();
  }
}
