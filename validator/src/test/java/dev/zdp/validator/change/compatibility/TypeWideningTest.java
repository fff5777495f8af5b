package dev.zdp.validator.change.compatibility;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zdp.model.ColumnType;
import dev.zdp.validator.change.compatibility.TypeWidening.Verdict;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TypeWideningTest {

  private static ColumnType type(String text) {
    return ColumnType.parse(text).type().orElseThrow();
  }

  @ParameterizedTest(name = "{0} → {1}: {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          # unchanged
          integer       | integer        | SAME
          decimal(12,2) | decimal(12,2)  | SAME
          varchar(10)   | varchar(10)    | SAME
          # integers widen upwards
          smallint      | integer        | WIDENED
          smallint      | bigint         | WIDENED
          integer       | bigint         | WIDENED
          integer       | smallint       | NARROWED
          bigint        | integer        | NARROWED
          bigint        | smallint       | NARROWED
          # an integer into a decimal with room for all its digits left of the point
          smallint      | decimal(5,0)   | WIDENED
          smallint      | decimal(4,0)   | CHANGED
          integer       | decimal(10,0)  | WIDENED
          integer       | decimal(9,0)   | CHANGED
          integer       | decimal(12,2)  | WIDENED
          integer       | decimal(11,2)  | CHANGED
          bigint        | decimal(19,0)  | WIDENED
          bigint        | decimal(18,0)  | CHANGED
          decimal(10,0) | integer        | NARROWED
          decimal(9,0)  | integer        | CHANGED
          # floating point
          real          | double         | WIDENED
          double        | real           | NARROWED
          integer       | double         | CHANGED
          real          | decimal(10,2)  | CHANGED
          # decimals: scale may grow, and so may the digits left of the point
          decimal(10,2) | decimal(12,2)  | WIDENED
          decimal(10,2) | decimal(11,3)  | WIDENED
          decimal(10,2) | decimal(10,3)  | CHANGED
          decimal(10,2) | decimal(12,4)  | WIDENED
          decimal(12,2) | decimal(10,2)  | NARROWED
          decimal(10,3) | decimal(10,2)  | CHANGED
          decimal(11,3) | decimal(10,2)  | NARROWED
          # character types
          char(2)       | char(3)        | WIDENED
          char(3)       | char(2)        | NARROWED
          char(2)       | varchar(2)     | WIDENED
          char(2)       | varchar(10)    | WIDENED
          char(3)       | varchar(2)     | CHANGED
          varchar(2)    | char(2)        | NARROWED
          varchar(10)   | varchar(20)    | WIDENED
          varchar(20)   | varchar(10)    | NARROWED
          char(2)       | text           | WIDENED
          varchar(320)  | text           | WIDENED
          text          | varchar(320)   | NARROWED
          text          | char(1)        | NARROWED
          # everything else is a change
          integer       | text           | CHANGED
          text          | integer        | CHANGED
          boolean       | smallint       | CHANGED
          date          | timestamp      | CHANGED
          timestamp     | timestamptz    | CHANGED
          timestamptz   | timestamp      | CHANGED
          time          | timestamp      | CHANGED
          uuid          | text           | CHANGED
          json          | text           | CHANGED
          text          | json           | CHANGED
          bytea         | text           | CHANGED
          varchar(36)   | uuid           | CHANGED
          """)
  void classifiesEveryChange(String from, String to, Verdict expected) {
    assertThat(TypeWidening.classify(type(from), type(to))).isEqualTo(expected);
  }
}
