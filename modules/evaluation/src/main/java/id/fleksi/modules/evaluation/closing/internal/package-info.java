/**
 * The closing's own workings: which days are closed (the platform's {@code ClosedPeriods}, which attendance, activity
 * reports and FWA ask through {@code OpenPeriods}), and the paid figures as stored JSON.
 */
package id.fleksi.modules.evaluation.closing.internal;
