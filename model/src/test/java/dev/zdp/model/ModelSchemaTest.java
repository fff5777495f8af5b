package dev.zdp.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.zdp.model.load.LoadProblem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The JSON Schema users hook into their editors: it accepts the example model, rejects the mistakes
 * an editor can see, and the copy in docs/ is the one shipped in the jar.
 */
class ModelSchemaTest {

  private static final String RESOURCE = "/dev/zdp/model/zdp-v1.schema.json";
  private static final Path ROOT = projectRoot();
  private static final YAMLMapper YAML = new YAMLMapper();
  private static final SchemaRegistry REGISTRY =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
  private static final Schema SCHEMA = REGISTRY.getSchema(shippedSchema(), InputFormat.JSON);

  @Test
  void theSchemaInDocsIsTheOneShippedInTheJar() throws IOException {
    byte[] shipped;
    try (InputStream in = ModelSchemaTest.class.getResourceAsStream(RESOURCE)) {
      shipped = in.readAllBytes();
    }
    byte[] documented = Files.readAllBytes(ROOT.resolve("docs/schema/zdp-v1.schema.json"));

    assertThat(documented)
        .as("docs/schema/zdp-v1.schema.json must be a copy of model/src/main/resources" + RESOURCE)
        .isEqualTo(shipped);
  }

  @Test
  void theSchemaIsAValidDraft202012Schema() {
    Schema metaSchema =
        REGISTRY.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));

    assertThat(metaSchema.validate(shippedSchema(), InputFormat.JSON)).isEmpty();
  }

  @Test
  void everyFieldHasADescriptionForEditorsToShow() throws IOException {
    JsonNode schema = new ObjectMapper().readTree(shippedSchema());
    JsonNode definitions = schema.path("$defs");
    List<String> undescribed = new ArrayList<>();
    List<Map.Entry<String, JsonNode>> objects = new ArrayList<>();
    objects.add(Map.entry("(document)", schema));
    definitions.properties().forEach(objects::add);
    for (Map.Entry<String, JsonNode> object : objects) {
      object
          .getValue()
          .path("properties")
          .properties()
          .forEach(
              field -> {
                JsonNode target =
                    definitions.path(
                        field.getValue().path("$ref").asText().replace("#/$defs/", ""));
                if (!field.getValue().has("description") && !target.has("description")) {
                  undescribed.add(object.getKey() + "." + field.getKey());
                }
              });
    }

    assertThat(objects).hasSizeGreaterThan(20);
    assertThat(undescribed).isEmpty();
  }

  static Stream<Arguments> acmeDocuments() {
    return documentsUnder(ROOT.resolve("examples/acme"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("acmeDocuments")
  void everyDocumentOfTheExampleModelIsValid(String where, String json) {
    assertThat(SCHEMA.validate(json, InputFormat.JSON)).as(where).isEmpty();
  }

  @Test
  void theExampleModelHasEveryKind() {
    List<String> kinds =
        acmeDocuments().map(a -> (String) a.get()[1]).map(ModelSchemaTest::kindOf).toList();

    assertThat(kinds).containsAll(Kind.labels()).filteredOn(k -> k.equals("Ecosystem")).hasSize(1);
  }

  @Test
  void everyCompleteExampleInTheModelDocsIsValid() throws IOException {
    String docs = Files.readString(ROOT.resolve("docs/model.md"));
    Matcher block = Pattern.compile("```yaml\n(apiVersion:.*?)```", Pattern.DOTALL).matcher(docs);
    int examples = 0;
    while (block.find()) {
      examples++;
      MappingIterator<JsonNode> documents =
          YAML.readerFor(JsonNode.class).readValues(block.group(1));
      for (JsonNode document : documents.readAll()) {
        assertThat(SCHEMA.validate(document.toString(), InputFormat.JSON))
            .as("example %d of docs/model.md:%n%s", examples, block.group(1))
            .isEmpty();
      }
    }
    assertThat(examples).as("examples found in docs/model.md").isGreaterThanOrEqualTo(6);
  }

  /**
   * Rules that are not load problems but whose mistakes one document already shows, so the schema
   * rejects their files as well: a name's pattern, a dataset group without platform or
   * requirements, a capture's host, credential or type.
   */
  private static final Set<String> RULES_THE_SCHEMA_ALSO_CHECKS =
      Set.of(
          "name-format",
          "platform-requirements",
          "capture-format",
          "credential-name",
          "zero-capture-type");

  private static final Pattern EXPECT =
      Pattern.compile("# expect (?:error|warning) \\[([a-z0-9-]+)]");

  /**
   * The files of examples/broken whose mistakes only the validator sees: every {@code # expect}
   * marker in them names a rule that is neither a load problem nor one the schema also checks
   * (references, uniqueness, keys, policies, platforms, deprecation...). The sound {@code
   * ecosystem.yaml} has no marker and is among them.
   */
  static Stream<String> semanticallyBrokenFiles() throws IOException {
    Set<String> structural = new HashSet<>(RULES_THE_SCHEMA_ALSO_CHECKS);
    for (LoadProblem.Code code : LoadProblem.Code.values()) {
      structural.add(code.id());
    }
    return brokenFilesWhere(rules -> rules.stream().noneMatch(structural::contains));
  }

  /** The files of examples/broken whose marked rule ids satisfy {@code wanted}, sorted. */
  private static Stream<String> brokenFilesWhere(Predicate<List<String>> wanted)
      throws IOException {
    List<String> files = new ArrayList<>();
    try (Stream<Path> all = Files.list(ROOT.resolve("examples/broken"))) {
      for (Path file : all.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
        Matcher marker = EXPECT.matcher(Files.readString(file));
        List<String> rules = new ArrayList<>();
        while (marker.find()) {
          rules.add(marker.group(1));
        }
        if (wanted.test(rules)) {
          files.add(file.getFileName().toString());
        }
      }
    }
    return files.stream();
  }

  @Test
  void everyFileWithOnlyCrossDocumentMistakesIsCheckedAgainstTheSchema() throws IOException {
    assertThat(semanticallyBrokenFiles())
        .contains(
            "sink-reference.yaml",
            "team-reference.yaml",
            "platform-reference.yaml",
            "undeclared-team.yaml",
            "name-unique.yaml",
            "declared-not-defined.yaml",
            "primary-key.yaml",
            "zone-reference.yaml",
            "undeclared-zone.yaml",
            "second-ecosystem.yaml",
            "ecosystem.yaml",
            "deprecation.yaml",
            "zero-topic-name.yaml")
        .doesNotContain("unknown-key.yaml", "yaml-syntax.yaml", "name-format.yaml");
  }

  @Test
  void theRulesTheSchemaAlsoChecksAreOnesItRejects() throws IOException {
    List<String> files =
        brokenFilesWhere(rules -> rules.stream().anyMatch(RULES_THE_SCHEMA_ALSO_CHECKS::contains))
            .toList();

    assertThat(files).hasSize(RULES_THE_SCHEMA_ALSO_CHECKS.size());
    files.forEach(ModelSchemaTest::errorsIn);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("semanticallyBrokenFiles")
  void documentsThatAreOnlySemanticallyWrongAreStillWellFormed(String file) {
    // A schema sees one document at a time: references, uniqueness and keys are the validator's.
    List<Document> documents = documentsIn(ROOT.resolve("examples/broken").resolve(file));

    assertThat(documents).isNotEmpty();
    documents.forEach(
        d -> assertThat(SCHEMA.validate(d.json(), InputFormat.JSON)).as(d.where()).isEmpty());
  }

  @Test
  void aMistypedKeyIsRejected() {
    List<Error> errors = errorsIn("unknown-key.yaml");

    assertThat(errors)
        .anySatisfy(
            e -> {
              assertThat(e.getKeyword()).isEqualTo("additionalProperties");
              assertThat(e.getMessage()).contains("nulable");
            });
  }

  @Test
  void aNameThatIsNotLowerSnakeCaseIsRejected() {
    List<Error> errors = errorsIn("name-format.yaml");

    assertThat(errors)
        .anySatisfy(
            e -> {
              assertThat(e.getKeyword()).isEqualTo("pattern");
              assertThat(e.getInstanceNode().asString()).isEqualTo("Customers");
            });
  }

  @Test
  void aValueOfTheWrongTypeIsRejected() {
    List<Error> errors = errorsIn("wrong-type.yaml");

    assertThat(errors)
        .anySatisfy(
            e -> {
              assertThat(e.getKeyword()).isEqualTo("type");
              assertThat(e.getInstanceLocation().toString()).isEqualTo("/spec/capture/port");
            });
  }

  @Test
  void aMissingRequiredFieldIsRejected() {
    assertThat(errorsIn("missing-field.yaml"))
        .anySatisfy(
            e -> {
              assertThat(e.getKeyword()).isEqualTo("required");
              assertThat(e.getMessage()).contains("type");
            });
  }

  @Test
  void badValuesOfEnumsAndColumnTypesAreRejected() {
    List<Error> errors = errorsIn("invalid-value.yaml");

    assertThat(errors)
        .extracting(e -> e.getInstanceNode().asString())
        .contains("varchr(10)", "live");
  }

  @Test
  void anUnknownKindOrAMissingHeaderIsRejected() {
    assertThat(errorsIn("unknown-kind.yaml")).extracting(Error::getKeyword).contains("enum");
    assertThat(errorsIn("missing-header.yaml")).extracting(Error::getKeyword).contains("required");
  }

  @ParameterizedTest
  @MethodSource("columnTypes")
  void everyColumnTypeTheModelKnowsIsAccepted(String type) {
    String document = datastoreWithKeyOfType(type);

    assertThat(SCHEMA.validate(document, InputFormat.JSON)).as(type).isEmpty();
    assertThat(ColumnType.parse(type).type()).as("the loader agrees").isPresent();
  }

  static Stream<String> columnTypes() {
    return Stream.of(
        "boolean",
        "smallint",
        "integer",
        "bigint",
        "real",
        "double",
        "decimal(10,2)",
        "decimal(38)",
        "decimal( 5 , 0 )",
        "char(2)",
        "varchar(320)",
        "text",
        "date",
        "time",
        "timestamp",
        "timestamptz",
        "bytea",
        "uuid",
        "json");
  }

  @ParameterizedTest
  @MethodSource("notColumnTypes")
  void textThatIsNotAColumnTypeIsRejected(String type) {
    String document = datastoreWithKeyOfType(type);

    assertThat(SCHEMA.validate(document, InputFormat.JSON)).as(type).isNotEmpty();
    assertThat(ColumnType.parse(type).type()).as("the loader agrees").isEmpty();
  }

  static Stream<String> notColumnTypes() {
    return Stream.of(
        "varchr(10)",
        "varchar",
        "char",
        "decimal",
        "int",
        "string",
        "jsonb",
        "text(10)",
        "decimal(10,2,1)",
        "timestamp with time zone");
  }

  @Test
  void aDatasetGroupNeedsAPlatformOrRequirements() {
    String group =
        """
        {"apiVersion": "zdp/v1", "kind": "Workspace", "metadata": {"name": "w", "team": "t"},
         "spec": {"datasetGroups": [{"name": "g", "sinks": []}]}}
        """;

    assertThat(SCHEMA.validate(group, InputFormat.JSON)).isNotEmpty();
  }

  @Test
  void ruleLevelsAreOffWarningOrError() throws IOException {
    String levels =
        """
        apiVersion: zdp/v1
        kind: Ecosystem
        metadata: {name: acme}
        spec:
          repository: acme/data-model@main
          rules: {dataset-classification: off, name-format: warning, sink-reference: error}
        """;
    String wrongLevel = levels.replace("warning", "sometimes");

    assertThat(SCHEMA.validate(yamlToJson(levels), InputFormat.JSON)).isEmpty();
    assertThat(SCHEMA.validate(yamlToJson(wrongLevel), InputFormat.JSON))
        .extracting(e -> e.getInstanceLocation().toString())
        .containsExactly("/spec/rules/name-format");
  }

  @Test
  void repositoriesAreOwnerNameAtBranch() {
    assertThat(repositoryErrors("acme/data-model@main")).isEmpty();
    assertThat(repositoryErrors("gitlab:acme/analytics/data-team@release/v1")).isEmpty();
    assertThat(repositoryErrors("acme/data-model")).as("no branch").isNotEmpty();
    assertThat(repositoryErrors("acme/data/model@main")).as("GitHub has no subgroups").isNotEmpty();
    assertThat(repositoryErrors("https://github.com/acme/data-model@main")).isNotEmpty();
    assertThat(repositoryErrors("https://token@github.com/acme/data-model@main")).isNotEmpty();
  }

  private static List<Error> repositoryErrors(String repository) {
    String document =
        """
        {"apiVersion": "zdp/v1", "kind": "Ecosystem", "metadata": {"name": "acme"},
         "spec": {"repository": "%s"}}
        """
            .formatted(repository);
    boolean loaderAccepts = RepositoryRef.parse(repository).isPresent();
    List<Error> errors = SCHEMA.validate(document, InputFormat.JSON);
    assertThat(errors.isEmpty())
        .as("schema and loader agree on " + repository)
        .isEqualTo(loaderAccepts);
    return errors;
  }

  private static String datastoreWithKeyOfType(String type) {
    return """
        {"apiVersion": "zdp/v1", "kind": "Datastore", "metadata": {"name": "crm", "team": "t"},
         "spec": {"capture": {"type": "postgres-cdc", "host": "db", "database": "crm",
                              "credential": "crm_db"},
                  "datasets": [{"name": "d", "classifications": ["pii"],
                                "columns": [{"name": "k", "type": "%s", "nullable": false,
                                             "primaryKey": true}]}]}}
        """
        .formatted(type);
  }

  private static List<Error> errorsIn(String brokenFile) {
    List<Error> errors = new ArrayList<>();
    documentsIn(ROOT.resolve("examples/broken").resolve(brokenFile))
        .forEach(d -> errors.addAll(SCHEMA.validate(d.json(), InputFormat.JSON)));
    assertThat(errors).as(brokenFile + " breaks the schema").isNotEmpty();
    return errors;
  }

  /** One YAML document of a file, as JSON text; {@code where} is {@code path#n}, 1-based. */
  private record Document(String where, String json) {}

  private static Stream<Arguments> documentsUnder(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      return files
          .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
          .sorted()
          .flatMap(p -> documentsIn(p).stream())
          .map(d -> Arguments.of(d.where(), d.json()))
          .toList()
          .stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Document> documentsIn(Path file) {
    List<Document> documents = new ArrayList<>();
    try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
      int index = 0;
      while (it.hasNextValue()) {
        JsonNode node = it.nextValue();
        index++;
        if (node != null && !node.isMissingNode() && !node.isNull()) {
          documents.add(new Document(ROOT.relativize(file) + "#" + index, node.toString()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    return documents;
  }

  private static String yamlToJson(String yaml) throws IOException {
    return YAML.readTree(yaml).toString();
  }

  private static String kindOf(String json) {
    try {
      return YAML.readTree(json).path("kind").asText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String shippedSchema() {
    try (InputStream in = ModelSchemaTest.class.getResourceAsStream(RESOURCE)) {
      assertThat(in).as(RESOURCE + " on the classpath").isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path projectRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isDirectory(dir.resolve("examples"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException(
          "no examples/ directory above " + Path.of("").toAbsolutePath());
    }
    return dir;
  }
}
