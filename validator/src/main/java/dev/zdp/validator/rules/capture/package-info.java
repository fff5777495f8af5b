/**
 * Rules about how a datastore is captured: the connection details and source tables are written the
 * way the change-data-capture connector needs them.
 */
package dev.zdp.validator.rules.capture;
