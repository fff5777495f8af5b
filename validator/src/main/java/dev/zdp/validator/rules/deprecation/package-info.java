/** Rules about deprecation: consumers of deprecated data know they are. */
package dev.zdp.validator.rules.deprecation;
