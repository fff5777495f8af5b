package dev.zdp.action.status;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * How fresh one dataset is on one platform, at each step a change takes to its corpus.
 *
 * @param platform the platform's name
 * @param dataset {@code <datastore>.<dataset>}
 * @param objective its freshness objective
 * @param latestStaging the time of its staging table's latest commit; empty when it has none or the
 *     catalog was not read
 * @param mergedThrough its MERGE watermark: every change staged up to then is in its corpus tables
 *     (the oldest, with a forensic table beside the live one); empty when a corpus table has none
 *     or the catalog was not read
 * @param sinkLag the records of its topic the Iceberg sink has not handed to a staging commit yet
 *     (its consumer group's lag); empty when the cluster was not read or the topic does not exist
 */
public record DatasetFreshness(
    String platform,
    String dataset,
    Duration objective,
    Optional<Instant> latestStaging,
    Optional<Instant> mergedThrough,
    OptionalLong sinkLag) {}
