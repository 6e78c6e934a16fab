package id.fleksi.modules.evaluation.exports;

import id.fleksi.modules.evaluation.EmployeeMonth;
import org.jspecify.annotations.Nullable;

/**
 * The totals row: every count summed over the employees, report compliance as the OPD's filed reports over its reports
 * due (not a mean of percents). Deduction percents and ratings have no total: a percent of each one's own TPP does not add
 * up, and the workbook leaves those cells empty.
 */
public final class MonthTotals {

    private final long[] sums = new long[ExportColumn.values().length];
    private int employees;

    public void add(EmployeeMonth month) {
        employees++;
        for (ExportColumn column : ExportColumn.values()) {
            if (summed(column)) {
                sums[column.ordinal()] += ((Number) column.of(month)).longValue();
            }
        }
    }

    public int employees() {
        return employees;
    }

    /** The column's total (a Long, or a BigDecimal for compliance), or null where a total means nothing. */
    public @Nullable Object of(ExportColumn column) {
        if (column == ExportColumn.REPORT_COMPLIANCE_PERCENT) {
            return ExportColumn.compliance(
                    sums[ExportColumn.REPORT_DAYS_FILED.ordinal()], sums[ExportColumn.REPORT_DAYS_DUE.ordinal()]);
        }
        return summed(column) ? sums[column.ordinal()] : null;
    }

    private static boolean summed(ExportColumn column) {
        return column.kind() == ExportColumn.Kind.COUNT && column != ExportColumn.RATING;
    }
}
