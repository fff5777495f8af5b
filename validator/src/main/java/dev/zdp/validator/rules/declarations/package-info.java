/**
 * Rules about which documents must exist and who owns them. The Ecosystem is the one root; it
 * declares zones, and each Zone declares its teams. A declaration names the repository that owns
 * the declared object, so an object nobody declared has no owner (an error), while a declaration
 * nobody has written a document for yet is only a warning.
 */
package dev.zdp.validator.rules.declarations;
