/**
 * The tenant's deduction rules (aturan potongan TPP) in versions that take effect today or later ({@link
 * id.fleksi.modules.evaluation.rules.RuleSets}), checked before they are stored, with presets from real pemda's Perbup
 * to start from.
 */
@NullMarked
package id.fleksi.modules.evaluation.rules;

import org.jspecify.annotations.NullMarked;
