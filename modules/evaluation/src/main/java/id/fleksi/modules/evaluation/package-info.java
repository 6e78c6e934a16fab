/**
 * Evaluasi kinerja dan TPP. Sub-packages hold the parts (deduction rules and the monthly evaluation, closing the month,
 * exports, the WFA trial's verdict, the public's feedback); each part's {@code internal} package is for it alone, as
 * {@code ModularityTest} enforces.
 */
@NullMarked
package id.fleksi.modules.evaluation;

import org.jspecify.annotations.NullMarked;
