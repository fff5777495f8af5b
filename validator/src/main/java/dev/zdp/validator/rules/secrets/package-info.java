/**
 * Rules that keep secrets out of the model: a credential is a name; the value lives in the CI's
 * secret store and reaches Terraform as a sensitive variable.
 */
package dev.zdp.validator.rules.secrets;
