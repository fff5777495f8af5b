/**
 * What zdp knows about platforms, written once and read by the validator's rules, its change rules
 * and the generator's renderers alike, so what a pull request is checked against is what gets
 * generated.
 *
 * <ul>
 *   <li>{@link dev.zdp.model.platform.IntentionGraph}: which platform serves each dataset group,
 *       what each platform ingests (used datastores and datasets, with their consumers), and who
 *       consumes each dataset; built once per model.
 *   <li>{@link dev.zdp.model.platform.PlatformCapabilities}: what a platform type keeps for a group
 *       that states requirements instead of a platform.
 *   <li>{@code zero.ZeroNames}: the Zero platform's names, its type mapping and Iceberg's in-place
 *       type promotions.
 * </ul>
 *
 * <p>A new platform type adds its knowledge here (a {@code <type>} subpackage beside {@code zero}),
 * never in a rule or a renderer.
 */
package dev.zdp.model.platform;
