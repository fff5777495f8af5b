package dev.zdp.validator.change;

import java.util.Map;

/**
 * The live model the change tests start from. Team sales (acme/sales@main) produces datastore
 * {@code crm}; team analytics (acme/analytics@main) consumes {@code crm.customers} and {@code
 * crm.orders} in workspace {@code churn} on platform zero. Nobody sinks {@code crm.notes}.
 */
public final class Acme {

  public static final String ECOSYSTEM_FILE = "ecosystem.yaml";
  public static final String ZONE_FILE = "americas/zone.yaml";
  public static final String SALES_FILE = "americas/sales/team.yaml";
  public static final String CRM_FILE = "americas/sales/crm.yaml";
  public static final String ANALYTICS_FILE = "americas/analytics/team.yaml";
  public static final String CHURN_FILE = "americas/analytics/churn.yaml";

  public static final String ECOSYSTEM =
      """
      apiVersion: zdp/v1
      kind: Ecosystem
      metadata: {name: acme}
      spec:
        repository: acme/data-model@main
        zones:
          - {name: americas, repository: acme/americas@main}
        platforms:
          - name: zero
            type: zero
            kafka: {bootstrapServers: "kafka:9092"}
            connect: {url: "http://connect:8083"}
            iceberg:
              catalog: {type: rest, uri: "http://rest:8181"}
              warehouse: s3://lake/warehouse
      """;

  public static final String ZONE =
      """
      apiVersion: zdp/v1
      kind: Zone
      metadata: {name: americas}
      spec:
        teams:
          - {name: sales, repository: acme/sales@main}
          - {name: analytics, repository: acme/analytics@main}
        policies:
          classifications: {deny: [secret]}
      """;

  public static final String SALES =
      """
      apiVersion: zdp/v1
      kind: Team
      metadata: {name: sales, zone: americas}
      """;

  public static final String CRM =
      """
      apiVersion: zdp/v1
      kind: Datastore
      metadata: {name: crm, team: sales}
      spec:
        capture:
          type: postgres-cdc
          host: crm-db.internal
          database: crm
          credential: crm_db
        datasets:
          - name: customers
            classifications: [pii]
            columns:
              - {name: id, type: bigint, nullable: false, primaryKey: true}
              - {name: email, type: varchar(320)}
              - {name: visits, type: integer}
              - {name: balance, type: "decimal(12,2)"}
              - {name: score, type: real}
              - {name: country, type: char(2)}
          - name: orders
            classifications: [internal]
            columns:
              - {name: order_id, type: bigint, nullable: false, primaryKey: true}
              - {name: customer_id, type: bigint, nullable: false}
          - name: notes
            classifications: [internal]
            columns:
              - {name: note_id, type: bigint, nullable: false, primaryKey: true}
              - {name: body, type: varchar(100)}
      """;

  public static final String ANALYTICS =
      """
      apiVersion: zdp/v1
      kind: Team
      metadata: {name: analytics, zone: americas}
      """;

  public static final String CHURN =
      """
      apiVersion: zdp/v1
      kind: Workspace
      metadata: {name: churn, team: analytics}
      spec:
        datasetGroups:
          - name: feed
            platform: zero
            sinks:
              - {datastore: crm, dataset: customers}
              - {datastore: crm, dataset: orders}
      """;

  private Acme() {}

  public static Tree model() {
    return new Tree(
        Map.of(
            ECOSYSTEM_FILE, ECOSYSTEM,
            ZONE_FILE, ZONE,
            SALES_FILE, SALES,
            CRM_FILE, CRM,
            ANALYTICS_FILE, ANALYTICS,
            CHURN_FILE, CHURN));
  }
}
