package dev.zdp.model.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.zdp.model.load.LoadProblem.Code;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each kind of mistake in a model file is one problem, at the line and column of the mistake. */
class LoadProblemsTest {

  private static final String TEAM_HEADER = "apiVersion: zdp/v1\nkind: Team\n";

  private static LoadProblem only(String yaml) {
    List<LoadProblem> problems = ModelLoaderTest.load(yaml).problems();
    assertThat(problems).hasSize(1);
    return problems.get(0);
  }

  @Test
  void malformedYamlIsReportedAtTheBrokenLine() {
    LoadProblem p = only(TEAM_HEADER + "metadata: {name: sales, zone: z\nspec: {}\n");
    assertThat(p.code()).isEqualTo(Code.YAML_SYNTAX);
    assertThat(p.location().line()).isEqualTo(4);
    assertThat(p.message()).startsWith("invalid YAML: ").doesNotContain("\n");
  }

  @Test
  void tabsAreASyntaxError() {
    LoadProblem p = only(TEAM_HEADER + "metadata:\n\tname: sales\n");
    assertThat(p.code()).isEqualTo(Code.YAML_SYNTAX);
    assertThat(p.location().line()).isEqualTo(4);
  }

  @Test
  void aComplexKeySaysKeysArePlainWordsWithoutNamingParserClasses() {
    LoadProblem p = only(TEAM_HEADER + "metadata:\n  ? [name, zone]\n  : sales\n");
    assertThat(p.code()).isEqualTo(Code.YAML_SYNTAX);
    assertThat(p.location().line()).isEqualTo(4);
    assertThat(p.message())
        .contains("a mapping key must be a plain value")
        .doesNotContain("snakeyaml")
        .doesNotContain("Event");
    assertThat(p.hint()).contains("write the key as a word");
  }

  @Test
  void aYamlTagIsAWarningAtItsValueAndTheValueIsStillRead() {
    LoadResult loaded =
        ModelLoaderTest.load(
            TEAM_HEADER + "metadata:\n  name: !!str sales\n  zone: !zone emea\nspec: {}\n");
    assertThat(loaded.problems())
        .extracting(LoadProblem::code, q -> q.location().line(), LoadProblem::message)
        .containsExactly(
            tuple(
                Code.YAML_TAG,
                4,
                "YAML tag '!!str' is ignored: zdp reads the value as if untagged"),
            tuple(
                Code.YAML_TAG,
                5,
                "YAML tag '!zone' is ignored: zdp reads the value as if untagged"));
    assertThat(Code.YAML_TAG.warning()).isTrue();
    assertThat(loaded.model().teams())
        .extracting(t -> t.name() + "@" + t.zone())
        .containsExactly("sales@emea");
  }

  @Test
  void duplicateKeyPointsAtTheSecondKey() {
    LoadProblem p = only(TEAM_HEADER + "metadata:\n  name: sales\n  zone: a\n  zone: b\n");
    assertThat(p.code()).isEqualTo(Code.DUPLICATE_KEY);
    assertThat(p.location().line()).isEqualTo(6);
    assertThat(p.message()).contains("'zone'").contains("line 5");
  }

  @Test
  void aFlowMappingSplitAtTheCommaOfATypeSaysWhatHappenedAndHowToWriteIt() {
    List<LoadProblem> problems =
        ModelLoaderTest.load(
                """
                apiVersion: zdp/v1
                kind: Datastore
                metadata: {name: crm, team: sales}
                spec:
                  capture: {type: postgres-cdc, host: h, database: d, credential: c}
                  datasets:
                    - name: customers
                      columns:
                        - {name: id, type: bigint, nullable: false, primaryKey: true}
                        - {name: total, type: decimal(12,2)}
                """)
            .problems();

    assertThat(problems)
        .filteredOn(p -> p.code() == Code.UNKNOWN_KEY)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.location().line()).isEqualTo(10);
              assertThat(p.message())
                  .contains("unknown key '2)'")
                  .contains("YAML split 'type: decimal(12,2)' at the comma");
              assertThat(p.hint()).startsWith("quote the value (type: \"decimal(12,2)\")");
            });
  }

  @Test
  void unknownKeySuggestsTheNearestKnownOne() {
    LoadProblem p =
        only(
            """
            apiVersion: zdp/v1
            kind: Datastore
            metadata: {name: crm, team: sales}
            spec:
              capture: {type: postgres-cdc, host: h, database: d, credential: c}
              datasets:
                - name: customers
                  columns:
                    - {name: id, type: bigint, nulable: false, primaryKey: true}
            """);
    assertThat(p.code()).isEqualTo(Code.UNKNOWN_KEY);
    assertThat(p.location().line()).isEqualTo(9);
    assertThat(p.location().column()).isEqualTo(36);
    assertThat(p.hint()).isEqualTo("did you mean 'nullable'?");
    assertThat(p.path())
        .map(Object::toString)
        .contains("Datastore/crm/datasets[customers]/columns[id]");
  }

  @Test
  void aSpecKeyUnderMetadataSaysWhereItBelongs() {
    LoadProblem p =
        only(
            """
            apiVersion: zdp/v1
            kind: Workspace
            metadata: {name: w, team: t, datasetGroups: []}
            """);
    assertThat(p.code()).isEqualTo(Code.UNKNOWN_KEY);
    assertThat(p.hint()).contains("belongs under spec");
  }

  @Test
  void wrongTypeNamesTheExpectedType() {
    LoadProblem p =
        only(
            """
            apiVersion: zdp/v1
            kind: Datastore
            metadata: {name: crm, team: sales}
            spec:
              capture: {type: postgres-cdc, host: h, port: "5432", database: d, credential: c}
            """);
    assertThat(p.code()).isEqualTo(Code.WRONG_TYPE);
    assertThat(p.location().line()).isEqualTo(5);
    assertThat(p.message()).contains("'port'").contains("whole number");
    assertThat(p.hint()).isEqualTo("write 5432 without quotes");
  }

  @Test
  void missingRequiredFieldIsReportedAtItsParent() {
    LoadProblem p =
        only(
            """
            apiVersion: zdp/v1
            kind: Datastore
            metadata: {name: crm, team: sales}
            spec:
              capture:
                type: postgres-cdc
                host: h
                credential: c
            """);
    assertThat(p.code()).isEqualTo(Code.MISSING_FIELD);
    assertThat(p.location().line()).isEqualTo(6);
    assertThat(p.message()).contains("'database'");
  }

  @Test
  void documentWithoutHeader() {
    LoadProblem p = only("metadata: {name: x}\n");
    assertThat(p.code()).isEqualTo(Code.DOCUMENT_HEADER);
    assertThat(p.message()).contains("apiVersion and kind");
  }

  @Test
  void unknownKindSuggestsTheNearest() {
    LoadProblem p = only("apiVersion: zdp/v1\nkind: Datastor\nmetadata: {name: x}\n");
    assertThat(p.code()).isEqualTo(Code.UNKNOWN_KIND);
    assertThat(p.location().line()).isEqualTo(2);
    assertThat(p.hint()).isEqualTo("did you mean 'Datastore'?");
  }

  @Test
  void unsupportedApiVersion() {
    LoadProblem p = only("apiVersion: zdp/v2\nkind: Team\nmetadata: {name: x, zone: z}\n");
    assertThat(p.code()).isEqualTo(Code.DOCUMENT_HEADER);
    assertThat(p.location().line()).isEqualTo(1);
  }

  @Test
  void badColumnTypeSuggestsTheRightSpelling() {
    LoadProblem p =
        only(
            """
            apiVersion: zdp/v1
            kind: Datastore
            metadata: {name: crm, team: sales}
            spec:
              capture: {type: postgres-cdc, host: h, database: d, credential: c}
              datasets:
                - name: customers
                  columns:
                    - name: email
                      type: varchr(10)
            """);
    assertThat(p.code()).isEqualTo(Code.INVALID_VALUE);
    assertThat(p.location().line()).isEqualTo(10);
    assertThat(p.message()).contains("did you mean varchar(n)?");
  }

  @Test
  void badEnumValueSuggestsTheNearest() {
    LoadProblem p =
        only(
            """
            apiVersion: zdp/v1
            kind: Workspace
            metadata: {name: w, team: t}
            spec:
              productionStatus: prodution
            """);
    assertThat(p.code()).isEqualTo(Code.INVALID_VALUE);
    assertThat(p.hint()).isEqualTo("did you mean 'production'?");
  }

  @Test
  void badRepositoryExplainsTheFormat() {
    LoadProblem p =
        only(
            """
            apiVersion: zdp/v1
            kind: Zone
            metadata: {name: z}
            spec:
              teams:
                - {name: sales, repository: "https://user:token@github.com/acme/sales"}
            """);
    assertThat(p.code()).isEqualTo(Code.INVALID_VALUE);
    assertThat(p.location().line()).isEqualTo(6);
    assertThat(p.message()).contains("credentials never belong in the model");
  }

  @Test
  void notUtf8() {
    List<LoadProblem> problems =
        ModelLoader.load(
                List.of(new SourceFile("x.yaml", new byte[] {(byte) 0xff, (byte) 0xfe, 0})))
            .problems();
    assertThat(problems).extracting(LoadProblem::code).containsExactly(Code.UNREADABLE_FILE);
  }

  @Test
  void aBrokenDocumentDoesNotHideItsSiblings() {
    LoadResult result =
        ModelLoaderTest.load(
            """
            apiVersion: zdp/v1
            kind: Team
            metadata: {zone: z}
            ---
            apiVersion: zdp/v1
            kind: Team
            metadata: {name: good, zone: z}
            """);
    assertThat(result.problems()).extracting(LoadProblem::code).containsExactly(Code.MISSING_FIELD);
    assertThat(result.model().team("good")).isPresent();
  }

  @Test
  void aSecretKeyIsAnInlineSecretThatSaysWhereSecretsGoWithoutRepeatingTheValue() {
    LoadProblem p =
        only(
            """
            apiVersion: zdp/v1
            kind: Datastore
            metadata: {name: crm, team: sales}
            spec:
              capture:
                type: postgres-cdc
                host: h
                database: d
                credential: crm_db
                password: hunter2-not-real
            """);
    assertThat(p.code()).isEqualTo(Code.INLINE_SECRET);
    assertThat(p.location().line()).isEqualTo(10);
    assertThat(p.message())
        .isEqualTo(
            "'password' in capture of Datastore 'crm' holds a secret; the model never holds"
                + " secrets")
        .doesNotContain("hunter2");
    assertThat(p.hint())
        .startsWith("delete it and write credential: <name> here instead")
        .contains("CI's secret store")
        .contains("sensitive variable")
        .doesNotContain("hunter2");
  }

  @Test
  void secretKeysAreRecognisedInAnySpellingAndUnderUnknownKeys() {
    List<LoadProblem> problems =
        ModelLoaderTest.load(
                """
                apiVersion: zdp/v1
                kind: Team
                metadata: {name: sales, zone: z, apiKey: k1}
                spec:
                  db_password: p1
                  auth:
                    - {user: u, access-token: t1}
                  tokenizer: plain
                """)
            .problems();
    assertThat(problems)
        .extracting(LoadProblem::code, pr -> pr.location().line())
        .containsExactlyInAnyOrder(
            tuple(Code.INLINE_SECRET, 3),
            tuple(Code.INLINE_SECRET, 5),
            tuple(Code.UNKNOWN_KEY, 6),
            tuple(Code.INLINE_SECRET, 7),
            tuple(Code.UNKNOWN_KEY, 8));
    assertThat(problems)
        .filteredOn(pr -> pr.code() == Code.INLINE_SECRET)
        .allSatisfy(
            pr ->
                assertThat(pr.hint())
                    .startsWith("delete it and name the credential where the model asks for one"));
  }
}
