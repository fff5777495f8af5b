package dev.zdp.bench;

import dev.zdp.bench.SyntheticEcosystem.Column;
import dev.zdp.bench.SyntheticEcosystem.Dataset;
import dev.zdp.bench.SyntheticEcosystem.Datastore;
import dev.zdp.bench.SyntheticEcosystem.Group;
import dev.zdp.bench.SyntheticEcosystem.Sink;
import dev.zdp.bench.SyntheticEcosystem.Workspace;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Writes a synthetic ecosystem as a model repository lays itself out: {@code ecosystem.yaml},
 * {@code zones/<zone>.yaml}, {@code teams/<team>/team.yaml} and one file per datastore beside it,
 * {@code workspaces/<workspace>.yaml}. Block style for objects, flow style for columns and sinks,
 * as people write them.
 */
final class YamlFiles {

  private final Shape shape;

  YamlFiles(Shape shape) {
    this.shape = shape;
  }

  SortedMap<String, String> render(List<Datastore> datastores, List<Workspace> workspaces) {
    SortedMap<String, String> files = new TreeMap<>();
    files.put("ecosystem.yaml", ecosystem());
    for (int zone = 0; zone < shape.zones(); zone++) {
      files.put("zones/" + SyntheticEcosystem.zoneName(zone) + ".yaml", zone(zone));
    }
    for (int team = 0; team < shape.teams(); team++) {
      String name = SyntheticEcosystem.teamName(team);
      files.put("teams/" + name + "/team.yaml", team(name, team / Shape.TEAMS_PER_ZONE));
    }
    for (Datastore datastore : datastores) {
      files.put(
          "teams/" + datastore.team() + "/" + datastore.name() + ".yaml", datastore(datastore));
    }
    for (Workspace workspace : workspaces) {
      files.put("workspaces/" + workspace.name() + ".yaml", workspace(workspace));
    }
    return files;
  }

  private String ecosystem() {
    StringBuilder yaml = header("Ecosystem", SyntheticEcosystem.ECOSYSTEM);
    yaml.append("  description: A synthetic ecosystem of ")
        .append(shape.datastores())
        .append(" datastores\n");
    yaml.append("spec:\n");
    yaml.append("  repository: ").append(SyntheticEcosystem.ECOSYSTEM).append("/data-model@main\n");
    yaml.append("  liveBranch: main\n");
    yaml.append("  zones:\n");
    for (int zone = 0; zone < shape.zones(); zone++) {
      String name = SyntheticEcosystem.zoneName(zone);
      yaml.append("    - name: ").append(name).append('\n');
      yaml.append("      repository: ")
          .append(SyntheticEcosystem.zoneRepository(name))
          .append('\n');
    }
    yaml.append(
        """
          platforms:
            - name: zero
              type: zero
              description: The lakehouse pipeline
              kafka:
                bootstrapServers: "kafka-1.bench.internal:9093,kafka-2.bench.internal:9093"
                partitions: 3
                replicationFactor: 3
                tls: true
                credential: kafka_zdp
              connect:
                url: "https://connect.bench.internal:8083"
                credential: connect_zdp
              iceberg:
                catalog:
                  type: rest
                  uri: "https://iceberg.bench.internal/catalog"
                  credential: iceberg_catalog
                warehouse: "s3://bench-lake/warehouse"
                s3:
                  region: eu-west-1
                  credential: lake_s3
                stagingNamespace: staging
                corpusNamespace: corpus
        """);
    return yaml.toString();
  }

  private String zone(int zone) {
    String name = SyntheticEcosystem.zoneName(zone);
    StringBuilder yaml = header("Zone", name);
    yaml.append("  description: Teams of region ").append(zone).append('\n');
    yaml.append("spec:\n");
    yaml.append("  teams:\n");
    int first = zone * Shape.TEAMS_PER_ZONE;
    int last = Math.min(shape.teams(), first + Shape.TEAMS_PER_ZONE);
    for (int team = first; team < last; team++) {
      String teamName = SyntheticEcosystem.teamName(team);
      yaml.append("    - name: ").append(teamName).append('\n');
      yaml.append("      repository: ")
          .append(SyntheticEcosystem.teamRepository(teamName))
          .append('\n');
    }
    yaml.append("  policies:\n");
    yaml.append("    classifications:\n");
    if (zone % 2 == 0) {
      yaml.append("      allow: [")
          .append(String.join(", ", SyntheticEcosystem.CLASSIFICATIONS))
          .append("]\n");
    } else {
      yaml.append("      deny: [restricted]\n");
    }
    yaml.append("    platforms:\n");
    yaml.append("      allow: [").append(SyntheticEcosystem.PLATFORM).append("]\n");
    return yaml.toString();
  }

  private static String team(String name, int zone) {
    StringBuilder yaml = new StringBuilder();
    yaml.append("apiVersion: zdp/v1\n");
    yaml.append("kind: Team\n");
    yaml.append("metadata:\n");
    yaml.append("  name: ").append(name).append('\n');
    yaml.append("  zone: ").append(SyntheticEcosystem.zoneName(zone)).append('\n');
    yaml.append("spec:\n");
    yaml.append("  documentation: https://wiki.bench.internal/teams/").append(name).append('\n');
    return yaml.toString();
  }

  private static String datastore(Datastore datastore) {
    StringBuilder yaml = new StringBuilder(4096);
    yaml.append("apiVersion: zdp/v1\n");
    yaml.append("kind: Datastore\n");
    yaml.append("metadata:\n");
    yaml.append("  name: ").append(datastore.name()).append('\n');
    yaml.append("  team: ").append(datastore.team()).append('\n');
    yaml.append("  description: ").append(datastore.description()).append('\n');
    yaml.append("spec:\n");
    yaml.append("  productionStatus: ")
        .append(datastore.production() ? "production" : "not_production")
        .append('\n');
    yaml.append("  capture:\n");
    yaml.append("    type: postgres-cdc\n");
    yaml.append("    host: ").append(datastore.name().replace('_', '-')).append(".db.internal\n");
    yaml.append("    port: 5432\n");
    yaml.append("    database: ").append(datastore.service()).append('\n');
    yaml.append("    credential: ").append(datastore.name()).append("_db\n");
    yaml.append("  datasets:\n");
    for (Dataset dataset : datastore.datasets()) {
      yaml.append("    - name: ").append(dataset.name()).append('\n');
      if (dataset.description() != null) {
        yaml.append("      description: ").append(dataset.description()).append('\n');
      }
      if (dataset.table() != null) {
        yaml.append("      table: ").append(dataset.table()).append('\n');
      }
      yaml.append("      classifications: [")
          .append(String.join(", ", dataset.classifications()))
          .append("]\n");
      if (dataset.deprecated()) {
        yaml.append("      deprecated: true\n");
      }
      yaml.append("      columns:\n");
      for (Column column : dataset.columns()) {
        yaml.append("        - {name: ").append(column.name()).append(", type: ");
        if (column.type().contains(",")) {
          yaml.append('"').append(column.type()).append('"');
        } else {
          yaml.append(column.type());
        }
        if (!column.nullable()) {
          yaml.append(", nullable: false");
        }
        if (column.primaryKey()) {
          yaml.append(", primaryKey: true");
        }
        yaml.append("}\n");
      }
    }
    return yaml.toString();
  }

  private static String workspace(Workspace workspace) {
    StringBuilder yaml = new StringBuilder(2048);
    yaml.append("apiVersion: zdp/v1\n");
    yaml.append("kind: Workspace\n");
    yaml.append("metadata:\n");
    yaml.append("  name: ").append(workspace.name()).append('\n');
    yaml.append("  team: ").append(workspace.team()).append('\n');
    yaml.append("  description: ").append(workspace.description()).append('\n');
    yaml.append("spec:\n");
    yaml.append("  productionStatus: ")
        .append(workspace.production() ? "production" : "not_production")
        .append('\n');
    yaml.append("  datasetGroups:\n");
    for (Group group : workspace.groups()) {
      yaml.append("    - name: ").append(group.name()).append('\n');
      yaml.append("      platform: ").append(SyntheticEcosystem.PLATFORM).append('\n');
      if (group.forensic()) {
        yaml.append("      requirements:\n");
        yaml.append("        milestoning: forensic\n");
      }
      yaml.append("      sinks:\n");
      for (Sink sink : group.sinks()) {
        yaml.append("        - {datastore: ")
            .append(sink.datastore())
            .append(", dataset: ")
            .append(sink.dataset())
            .append("}\n");
      }
    }
    return yaml.toString();
  }

  private static StringBuilder header(String kind, String name) {
    StringBuilder yaml = new StringBuilder();
    yaml.append("apiVersion: zdp/v1\n");
    yaml.append("kind: ").append(kind).append('\n');
    yaml.append("metadata:\n");
    yaml.append("  name: ").append(name).append('\n');
    return yaml;
  }
}
