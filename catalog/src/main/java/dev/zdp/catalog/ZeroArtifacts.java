package dev.zdp.catalog;

import dev.zdp.model.Dataset;
import dev.zdp.model.Datastore;
import dev.zdp.model.Milestoning;
import dev.zdp.model.Platform;
import dev.zdp.model.platform.zero.ZeroNames;

/** The names of what Zero generates for a datastore or dataset, as the catalog shows them. */
final class ZeroArtifacts {

  private ZeroArtifacts() {}

  static String topic(Platform platform, Datastore d, Dataset ds) {
    return ZeroNames.topic(platform, d, ds);
  }

  static String staging(Platform platform, Datastore d, Dataset ds) {
    return ZeroNames.stagingTable(platform, d, ds).qualified();
  }

  static String corpus(Platform platform, Datastore d, Dataset ds, Milestoning m) {
    return (m == Milestoning.FORENSIC
            ? ZeroNames.forensicTable(platform, d, ds)
            : ZeroNames.liveTable(platform, d, ds))
        .qualified();
  }

  static String mergeJob(Platform platform, Datastore d, Dataset ds, Milestoning m) {
    return ZeroNames.mergeJob(platform, d, ds, m.yaml());
  }

  static String sourceConnector(Platform platform, Datastore d) {
    return ZeroNames.sourceConnector(platform, d);
  }

  static String sinkConnector(Platform platform, Datastore d) {
    return ZeroNames.sinkConnector(platform, d);
  }

  static String slot(Platform platform, Datastore d) {
    return ZeroNames.slotName(platform, d);
  }

  static String publication(Platform platform, Datastore d) {
    return ZeroNames.publicationName(platform, d);
  }
}
