/**
 * Rules about data classifications: every dataset says what kind of data it holds, so the zones'
 * classification policies have something to check.
 */
package dev.zdp.validator.rules.classification;
