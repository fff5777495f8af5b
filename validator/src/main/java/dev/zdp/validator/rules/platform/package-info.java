/**
 * Rules about where dataset groups run: a group's platform, or the platform its requirements
 * resolve to, exists and can do what the group asks.
 */
package dev.zdp.validator.rules.platform;
