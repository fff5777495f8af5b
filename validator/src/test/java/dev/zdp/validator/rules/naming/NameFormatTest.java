package dev.zdp.validator.rules.naming;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zdp.validator.rules.RuleFixture;
import org.junit.jupiter.api.Test;

class NameFormatTest {

  @Test
  void reportsEveryKindOfInvalidName() {
    RuleFixture fixture = RuleFixture.run(new NameFormat(), "broken").assertMatchesMarkers();

    assertThat(fixture.messages())
        .contains(
            "Invalid ecosystem name 'ACME': it has upper-case letters",
            "Invalid datastore name 'CRM-Main': it has upper-case letters, it contains '-' (only"
                + " a-z, 0-9 and _ are allowed)",
            "Invalid dataset name 'Customers' in Datastore 'CRM-Main': it has upper-case letters",
            "Invalid column name '1st_name' in dataset 'CRM-Main.Customers': it starts with '1',"
                + " not a letter",
            "Invalid dataset group name 'crm feed' in Workspace 'Churn': it contains ' ' (only"
                + " a-z, 0-9 and _ are allowed)",
            "Invalid zone declaration name '_emea' in Ecosystem 'ACME': it starts with '_', not a"
                + " letter",
            "Invalid platform name 'zero.prod' in Ecosystem 'ACME': it contains '.' (only a-z,"
                + " 0-9 and _ are allowed)",
            "Invalid team declaration name 'Analytics' in Zone 'americas': it has upper-case"
                + " letters",
            "Invalid team name 'Analytics': it has upper-case letters",
            "Invalid namespace name 'Staging-1' in stagingNamespace of platform 'zero.prod': it"
                + " has upper-case letters, it contains '-' (only a-z, 0-9 and _ are allowed)",
            "Invalid namespace name 'corpus\n;drop table x;--' in corpusNamespace of platform"
                + " 'zero.prod': it contains U+000A ' ' '-' ';' (only a-z, 0-9 and _ are allowed)");
    assertThat(fixture.messages())
        .anySatisfy(m -> assertThat(m).contains("it has 64 characters, more than the 63 allowed"));
    assertThat(fixture.hints())
        .anySatisfy(h -> assertThat(h).startsWith("rename it to 'crm_main' ("))
        .anySatisfy(h -> assertThat(h).startsWith("rename it to 'column_1st_name' ("))
        .anySatisfy(h -> assertThat(h).startsWith("rename it to 'email_address' ("))
        .allSatisfy(h -> assertThat(h).contains("[a-z][a-z0-9_]*"));
  }

  @Test
  void validNamesIncludingTheLongestAllowedAreFine() {
    RuleFixture.run(new NameFormat(), "valid").assertNoFindings();
  }

  @Test
  void theQuickCheckAcceptsExactlyWhatHasNoProblems() {
    String[] names = {
      "a",
      "crm",
      "order_lines",
      "x1",
      "a".repeat(63),
      "a".repeat(64),
      "",
      "A",
      "Crm",
      "1st",
      "_id",
      "crm-main",
      "crm main",
      "ünïcode",
      "aÜ",
      "a.b",
      "z9_"
    };
    for (String name : names) {
      assertThat(NameFormat.isValid(name))
          .as("'%s'", name)
          .isEqualTo(NameFormat.problems(name).isEmpty());
    }
  }

  @Test
  void suggestedNamesAreThemselvesValid() {
    for (String bad : new String[] {"CRM-Main", "1st", "_id", "Ünïcode name", "x".repeat(70)}) {
      String fixed = NameFormat.fixed(bad, "column");
      assertThat(NameFormat.problems(fixed))
          .as("problems of '%s' fixed as '%s'", bad, fixed)
          .isEmpty();
    }
    assertThat(NameFormat.fixed("_id", "column")).isEqualTo("column_id");
    assertThat(NameFormat.fixed("Order Lines", "dataset")).isEqualTo("order_lines");
  }
}
