/**
 * Exports of the month: per OPD as an XLSX workbook BKD pays TPP from and as a PDF recap the head of the OPD signs, and a
 * machine-readable CSV and JSON (docs/evaluation-export.schema.json) for e-Kinerja, SIASN and payroll systems, which another
 * system fetches with a token of its own (a Keycloak client with the client-credentials grant and the realm role
 * {@code evaluation-export}, confined to these operations). Everything is read through {@code MonthlyEvaluations}, one
 * employee at a time.
 */
@NullMarked
package id.fleksi.modules.evaluation.exports;

import org.jspecify.annotations.NullMarked;
