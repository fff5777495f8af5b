/**
 * The built-in rules, one small class each, grouped by what they guard:
 *
 * <ul>
 *   <li>{@code references}: a name that points at another object (a sink's dataset, an owner team,
 *       a team's zone, a group's platform) resolves;
 *   <li>{@code naming}: names are well formed and unique where the model format says so;
 *   <li>{@code schema}: datasets are shaped so the platform can carry them (primary keys);
 *   <li>{@code declarations}: the documents that must exist do, and each zone and team is declared
 *       by its parent, which is what gives it an owner.
 * </ul>
 *
 * <p>Every rule is registered in {@link dev.zdp.validator.RuleRegistry#builtIn()} and documented
 * under its id in docs/rules.md.
 */
package dev.zdp.validator.rules;
