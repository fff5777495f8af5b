package dev.zdp.validator.change.compatibility;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zdp.model.ColumnType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which logical widenings Iceberg can apply to an existing Zero table. */
class ZeroSchemaEvolutionTest {

  private static ColumnType type(String text) {
    return ColumnType.parse(text).type().orElseThrow();
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
          """)
  void icebergAppliesOnlyItsPromotions(String from, String to, boolean expected) {
    assertThat(ZeroSchemaEvolution.icebergCanApply(type(from), type(to))).isEqualTo(expected);
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
    assertThat(ZeroSchemaEvolution.icebergType(type(logical))).isEqualTo(iceberg);
  }
}
