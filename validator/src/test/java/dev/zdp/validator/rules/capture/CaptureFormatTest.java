package dev.zdp.validator.rules.capture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zdp.validator.rules.RuleFixture;
import org.junit.jupiter.api.Test;

class CaptureFormatTest {

  @Test
  void reportsMalformedHostsDatabasesTablesAndReplicationNames() {
    RuleFixture fixture = RuleFixture.run(new CaptureFormat(), "broken").assertMatchesMarkers();

    assertThat(fixture.messages())
        .contains(
            "Datastore 'crm': capture host 'postgres://crm-db.internal:5432' has a scheme"
                + " ('postgres://')",
            "Datastore 'billing': capture host 'billing-db.internal:5432' has a port",
            "Datastore 'billing': capture database 'jdbc:postgresql://billing-db/billing' looks"
                + " like a connection URL, not a database name",
            "Datastore 'ledger': capture host '10.0.0.300' is not an IPv4 address",
            "Datastore 'ledger': capture replication slot name 'Ledger-Slot' may only hold"
                + " lower-case letters, digits and underscores",
            "Datastore 'archive': capture host '[fd00::17]' has brackets around an IPv6 address",
            "Dataset 'crm.customers': table 'customers' is not schema.table",
            "Dataset 'crm.order_lines': table 'sales.order-lines' has a table name 'order-lines'"
                + " that is not a plain identifier (a letter or _, then letters, digits and _)");
    assertThat(fixture.messages())
        .anySatisfy(
            m ->
                assertThat(m)
                    .startsWith("Datastore 'ledger': capture database 'ledger_with_")
                    .endsWith("is 72 bytes long; PostgreSQL keeps only the first 63"));
    assertThat(fixture.hints())
        .contains(
            "write host: crm-db.internal; the port goes in port:, and credentials in the"
                + " credential's secret",
            "write host: billing-db.internal; the port goes in port:, and credentials in the"
                + " credential's secret",
            "write host: fd00::17; the port goes in port:, and credentials in the credential's"
                + " secret",
            "write the source table as schema.table, e.g. public.customers");
  }

  @Test
  void namesAddressesAndPlainIdentifiersAreFine() {
    RuleFixture.run(new CaptureFormat(), "valid").assertNoFindings();
  }
}
