/**
 * Rules that enforce a zone's policies on what its teams' workspaces consume: which classifications
 * of data they may sink, and which platforms may carry it. The zone of a workspace is the zone of
 * the team that owns it.
 */
package dev.zdp.validator.rules.policy;
