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

  @Test
  void aMergeScriptWithoutItsEvolutionKeepsTheTablesAndTheFold() {
    String script =
        """
        -- MERGE job crm.customers
        BEGIN
        DECLARE `_zdp_staged_ms` BIGINT;
        CREATE TABLE IF NOT EXISTS w (job STRING) USING iceberg;
        BEGIN DECLARE EXIT HANDLER FOR FIELD_ALREADY_EXISTS BEGIN END;
          ALTER TABLE s ADD COLUMN `note` STRING;
        END;
        ALTER TABLE s ALTER COLUMN qty TYPE BIGINT;
        BEGIN DECLARE EXIT HANDLER FOR FIELD_ALREADY_EXISTS BEGIN END;
          ALTER TABLE t ADD COLUMN `note` STRING;
          MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN UPDATE SET t.note = s.note;
        END;
        alter table t alter column qty drop not null;
        MERGE INTO t USING (SELECT * FROM s WHERE note <> 'a;b') AS c ON t.id = c.id
        WHEN NOT MATCHED THEN INSERT *;
        IF `_zdp_staged_ms` IS NOT NULL THEN
          SET `w` = 'ALTER TABLE t SET TBLPROPERTIES (' || '\\'p\\'' || ' = ''' || 1 || ''')';
          EXECUTE IMMEDIATE `w`;
        END IF;
        END;
        """;

    assertThat(SqlScript.withoutEvolution(script))
        .contains(
            "BEGIN\n"
                + "DECLARE `_zdp_staged_ms` BIGINT;\n"
                + "CREATE TABLE IF NOT EXISTS w (job STRING) USING iceberg;\n"
                + "MERGE INTO t USING (SELECT * FROM s WHERE note <> 'a;b') AS c ON t.id = c.id\n"
                + "WHEN NOT MATCHED THEN INSERT *;\n"
                // the watermark's IF block stays as written, its quotes and semicolons too
                + "IF `_zdp_staged_ms` IS NOT NULL THEN\n"
                + "  SET `w` = 'ALTER TABLE t SET TBLPROPERTIES (' || '\\'p\\'' || ' = ''' || 1"
                + " || ''')';\n"
                + "EXECUTE IMMEDIATE `w`;\n"
                + "END IF;\n"
                + "END");
  }

  @Test
  void aFileOfSeveralStatementsHasNoEvolutionToLeaveOut() {
    assertThat(SqlScript.withoutEvolution("CREATE TABLE a (x INT); ALTER TABLE a ADD COLUMN y INT"))
        .isEmpty();
  }
}
