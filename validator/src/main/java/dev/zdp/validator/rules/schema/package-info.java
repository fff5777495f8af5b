/** Rules about the shape of datasets: what the platform needs to carry and merge their rows. */
package dev.zdp.validator.rules.schema;
