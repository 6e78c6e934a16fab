/**
 * Feature modules that tenant admins switch on and off. A module is one Maven module under {@code modules/}
 * and one {@link id.fleksi.platform.modules.FeatureModule} bean that says who it is, what it needs, what it
 * migrates and what it adds. Every module's tables exist in every tenant schema; what a switch changes is
 * behaviour ({@link id.fleksi.platform.modules.ModuleSwitches}).
 */
@NullMarked
package id.fleksi.platform.modules;

import org.jspecify.annotations.NullMarked;
