/**
 * Rules that check a name pointing at another object resolves: a sink's datastore and dataset, the
 * team owning a datastore or workspace, a team's zone, a dataset group's platform. Each reports at
 * the referencing field and suggests the nearest existing name.
 */
package dev.zdp.validator.rules.references;
