/**
 * Rules of the Zero platform (Postgres, Debezium, Kafka, Iceberg) for the datastores a {@code type:
 * zero} platform ingests, as {@link dev.zdp.model.platform.IntentionGraph} (the generator's graph
 * too) says: the capture type it runs, the column types it can carry, and the names it derives.
 * Names and types come from {@link dev.zdp.model.platform.zero.ZeroNames}, the code the generator
 * renders with, so a name checked in a pull request is the name that gets generated.
 */
package dev.zdp.validator.rules.platform.zero;
