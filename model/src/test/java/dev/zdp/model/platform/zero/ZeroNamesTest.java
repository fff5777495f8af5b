package dev.zdp.model.platform.zero;

import static dev.zdp.model.platform.zero.ZeroFixtures.dataset;
import static dev.zdp.model.platform.zero.ZeroFixtures.datastore;
import static dev.zdp.model.platform.zero.ZeroFixtures.key;
import static dev.zdp.model.platform.zero.ZeroFixtures.zero;
import static org.assertj.core.api.Assertions.assertThat;

import dev.zdp.model.Capture;
import dev.zdp.model.ColumnType;
import dev.zdp.model.Dataset;
import dev.zdp.model.Datastore;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ZeroNamesTest {

  private final Datastore crm = datastore("crm", dataset("customers", key("id")));

  @Test
  void topicsAreNamedAsDebeziumNamesThem() {
    Dataset orders =
        new Dataset("orders", "sales.order_headers", "", List.of(), false, List.of(key("id")));

    assertThat(ZeroNames.topicPrefix(zero(), crm)).isEqualTo("zero.crm");
    assertThat(ZeroNames.topic(zero(), crm, crm.datasets().get(0)))
        .isEqualTo("zero.crm.public.customers");
    assertThat(ZeroNames.topic(zero(), crm, orders)).isEqualTo("zero.crm.sales.order_headers");
  }

  @Test
  void topicProblemsFollowKafkasRules() {
    assertThat(ZeroNames.topicProblem("zero.crm.public.customers")).isEmpty();
    assertThat(ZeroNames.topicProblem("zero.crm.public.cust omers")).isPresent();
    assertThat(ZeroNames.topicProblem("a".repeat(250))).get().asString().contains("249");
  }

  @Test
  void slotAndPublicationDefaultFromNames() {
    assertThat(ZeroNames.slotName(zero(), crm)).isEqualTo("zdp_zero_crm");
    assertThat(ZeroNames.publicationName(zero(), crm)).isEqualTo("zdp_zero_crm_pub");
  }

  @Test
  void explicitSlotAndPublicationWin() {
    Capture capture =
        new Capture(
            "postgres-cdc",
            "h",
            5432,
            "crm",
            "crm_db",
            Optional.of("my_slot"),
            Optional.of("my_pub"));
    Datastore explicit =
        new Datastore(
            crm.name(), crm.team(), "", crm.productionStatus(), false, capture, crm.datasets());

    assertThat(ZeroNames.slotName(zero(), explicit)).isEqualTo("my_slot");
    assertThat(ZeroNames.publicationName(zero(), explicit)).isEqualTo("my_pub");
  }

  @Test
  void longPostgresNamesAreCutWithAStableHashThatKeepsThemApart() {
    String a =
        ZeroNames.postgresName("zdp_zero_" + "a_very_long_datastore_name_".repeat(3) + "one");
    String b =
        ZeroNames.postgresName("zdp_zero_" + "a_very_long_datastore_name_".repeat(3) + "two");

    assertThat(a).hasSize(63).matches("[a-z0-9_]+");
    assertThat(b).hasSize(63);
    assertThat(a).isNotEqualTo(b);
    assertThat(
            ZeroNames.postgresName("zdp_zero_" + "a_very_long_datastore_name_".repeat(3) + "one"))
        .isEqualTo(a);
    assertThat(ZeroNames.postgresNameProblem(a)).isEmpty();
    assertThat(ZeroNames.postgresName("Zdp-Zero.CRM")).isEqualTo("zdp_zero_crm");
    assertThat(ZeroNames.postgresNameProblem("Bad-Name")).isPresent();
  }

  @Test
  void tablesLiveInTheConfiguredNamespaces() {
    Dataset customers = crm.datasets().get(0);
    assertThat(ZeroNames.stagingTable(zero(), crm, customers).qualified())
        .isEqualTo("staging.crm__customers");
    assertThat(ZeroNames.liveTable(zero(), crm, customers).qualified())
        .isEqualTo("corpus.crm__customers");
    assertThat(ZeroNames.forensicTable(zero(), crm, customers).qualified())
        .isEqualTo("corpus.crm__customers__history");
  }

  @Test
  void credentialsBecomeAUserAndAPasswordVariable() {
    assertThat(ZeroNames.credentialVariables("crm_db"))
        .isEqualTo(new ZeroNames.CredentialVariables("crm_db_user", "crm_db_password"));
    assertThat(ZeroNames.credentialVariables("lake-s3").user()).isEqualTo("lake_s3_user");
  }

  @Test
  void typesMapToIcebergAndSpark() {
    assertThat(ZeroNames.mapType(type("bigint")))
        .isEqualTo(new ZeroNames.MappedType("long", "BIGINT", Optional.empty()));
    assertThat(ZeroNames.mapType(type("decimal(12,2)")).spark()).isEqualTo("DECIMAL(12,2)");
    assertThat(ZeroNames.mapType(type("timestamptz")).spark()).isEqualTo("TIMESTAMP");
    assertThat(ZeroNames.mapType(type("timestamp")).spark()).isEqualTo("TIMESTAMP_NTZ");
    assertThat(ZeroNames.mapType(type("varchar(20)")).iceberg()).isEqualTo("string");
    for (ColumnType.Base base : ColumnType.Base.values()) {
      ColumnType sample =
          switch (base) {
            case DECIMAL -> ColumnType.decimal(10, 2);
            case CHAR -> ColumnType.character(2);
            case VARCHAR -> ColumnType.varchar(2);
            default -> ColumnType.of(base);
          };
      ZeroNames.MappedType mapped = ZeroNames.mapType(sample);
      assertThat(mapped.mappable() ? mapped.spark() : mapped.problem().orElseThrow())
          .as(base.spelling())
          .isNotBlank();
    }
  }

  @Test
  void unmappableTypesSayWhy() {
    assertThat(ZeroNames.mapType(type("time")).problem()).get().asString().contains("Spark SQL");
    assertThat(ZeroNames.mapType(type("decimal(40,2)")).problem()).get().asString().contains("38");
    assertThat(ZeroNames.mapType(type("decimal(38,2)")).mappable()).isTrue();
  }

  @ParameterizedTest(name = "{0} is stored as {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          boolean       | boolean
          smallint      | int
          integer       | int
          bigint        | long
          real          | float
          double        | double
          decimal(12,2) | decimal(12,2)
          char(2)       | string
          varchar(10)   | string
          text          | string
          uuid          | string
          json          | string
          date          | date
          time          | time
          timestamp     | timestamp
          timestamptz   | timestamptz
          bytea         | binary
          """)
  void mapsEveryLogicalTypeToAnIcebergType(String logical, String iceberg) {
    assertThat(ZeroNames.mapType(type(logical)).iceberg()).isEqualTo(iceberg);
  }

  @Test
  void aDecimalTooWideForIcebergHasNoIcebergType() {
    assertThat(ZeroNames.mapType(type("decimal(40,2)")).iceberg()).isEmpty();
  }

  @ParameterizedTest(name = "{0} → {1}: {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          # same Iceberg type: nothing to evolve
          smallint      | integer        | true
          char(2)       | varchar(10)    | true
          varchar(10)   | text           | true
          char(2)       | text           | true
          # Iceberg's promotions
          integer       | bigint         | true
          smallint      | bigint         | true
          real          | double         | true
          decimal(10,2) | decimal(12,2)  | true
          # logical widenings Iceberg cannot apply in place
          integer       | decimal(10,0)  | false
          bigint        | decimal(19,0)  | false
          decimal(10,2) | decimal(11,3)  | false
          decimal(10,2) | decimal(12,4)  | false
          # beyond what Iceberg stores: only no change at all
          decimal(40,2) | decimal(41,3)  | false
          decimal(40,2) | decimal(40,2)  | true
          """)
  void icebergAppliesOnlyItsPromotions(String from, String to, boolean expected) {
    assertThat(ZeroNames.icebergPromotes(type(from), type(to))).isEqualTo(expected);
  }

  private static ColumnType type(String text) {
    return ColumnType.parse(text).type().orElseThrow();
  }
}
