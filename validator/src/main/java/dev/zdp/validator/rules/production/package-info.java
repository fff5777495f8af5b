/** Rules about production status: production consumers depend only on production producers. */
package dev.zdp.validator.rules.production;
