/**
 * The WFA trial's verdict (hasil uji coba WFA): did flexible work keep, or raise, ASN performance without hurting public
 * service? It compares the trial with a baseline period, or WFA days with office days within the trial, per OPD and in
 * total, over the same people, with the counts behind each figure, 95% intervals, and a plain-language summary for the
 * Sekda. {@link id.fleksi.modules.evaluation.trial.TrialVerdicts} computes it; the page and the API show it.
 */
@NullMarked
package id.fleksi.modules.evaluation.trial;

import org.jspecify.annotations.NullMarked;
