package dev.zdp.bench;

/**
 * How big a synthetic ecosystem is. Teams, zones and workspaces follow from the datastore count the
 * way a real organisation grows: about ten datastores per team, about twenty teams per zone, and by
 * default one workspace for every two datastores.
 *
 * @param datastores producers, each one Postgres database and one file
 * @param datasetsPerDatastore tables published by every datastore
 * @param workspaces consumers, each one file sinking 5 to 50 datasets
 * @param seed the same seed and sizes give the same files, byte for byte
 */
public record Shape(int datastores, int datasetsPerDatastore, int workspaces, long seed) {

  static final int DATASTORES_PER_TEAM = 10;
  static final int TEAMS_PER_ZONE = 20;

  public Shape {
    if (datastores < 2) {
      throw new IllegalArgumentException("a synthetic model needs at least 2 datastores");
    }
    if (datasetsPerDatastore < 2) {
      throw new IllegalArgumentException("a synthetic datastore needs at least 2 datasets");
    }
    if (workspaces < 1) {
      throw new IllegalArgumentException("a synthetic model needs at least 1 workspace");
    }
  }

  /** {@code datastores} datastores of {@code datasets} datasets and half as many workspaces. */
  public static Shape of(int datastores, int datasets, long seed) {
    return new Shape(datastores, datasets, Math.max(1, datastores / 2), seed);
  }

  public int teams() {
    return ceilDiv(datastores, DATASTORES_PER_TEAM);
  }

  public int zones() {
    return ceilDiv(teams(), TEAMS_PER_ZONE);
  }

  /** Documents in the model: the ecosystem, zones, teams, datastores and workspaces. */
  public int objects() {
    return 1 + zones() + teams() + datastores + workspaces;
  }

  private static int ceilDiv(int a, int b) {
    return (a + b - 1) / b;
  }
}
