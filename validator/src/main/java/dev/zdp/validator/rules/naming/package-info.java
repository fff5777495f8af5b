/**
 * Rules about names: every name is one that Postgres, Kafka and Iceberg all accept unquoted, and
 * names are unique where the model format requires it.
 */
package dev.zdp.validator.rules.naming;
