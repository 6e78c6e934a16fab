package id.fleksi.modules.evaluation.exports;

import id.fleksi.modules.evaluation.EmployeeMonth;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The columns of the exports, in their order, with the names machines read (stable: a name is never changed or reused;
 * new columns are added at the end; docs/evaluation-export.schema.json describes each). The workbook and the PDF show a
 * subset under headings in the reader's language; the CSV and the JSON carry them all under these names.
 */
public enum ExportColumn {
    NIP("nip", Kind.TEXT, true, EmployeeMonth::nip),
    NAME("name", Kind.TEXT, true, EmployeeMonth::name),
    EMPLOYEE_ID("employee_id", Kind.TEXT, false, m -> m.employeeId().toString()),
    OPD_NAME("opd_name", Kind.TEXT, false, EmployeeMonth::opdName),
    UNIT_NAME("unit_name", Kind.TEXT, true, EmployeeMonth::unitName),
    WORKING_DAYS("working_days", Kind.COUNT, true, EmployeeMonth::workingDays),
    PRESENT_WFO("present_wfo", Kind.COUNT, true, EmployeeMonth::presentWfo),
    PRESENT_WFA("present_wfa", Kind.COUNT, true, EmployeeMonth::presentWfa),
    PRESENT_DINAS_LUAR("present_dinas_luar", Kind.COUNT, true, EmployeeMonth::presentDinasLuar),
    LATE_DAYS("late_days", Kind.COUNT, true, EmployeeMonth::lateDays),
    LATE_MINUTES("late_minutes", Kind.COUNT, true, EmployeeMonth::lateMinutes),
    EARLY_LEAVE_DAYS("early_leave_days", Kind.COUNT, true, EmployeeMonth::earlyLeaveDays),
    EARLY_LEAVE_MINUTES("early_leave_minutes", Kind.COUNT, true, EmployeeMonth::earlyLeaveMinutes),
    ABSENT_SAKIT("absent_sakit", Kind.COUNT, true, m -> absent(m, "SAKIT")),
    ABSENT_CUTI("absent_cuti", Kind.COUNT, true, m -> absent(m, "CUTI")),
    ABSENT_IZIN("absent_izin", Kind.COUNT, true, m -> absent(m, "IZIN")),
    ABSENT_OTHER("absent_other", Kind.COUNT, true, ExportColumn::absentOther),
    UNEXCUSED_DAYS("unexcused_days", Kind.COUNT, true, EmployeeMonth::unexcusedDays),
    APELS_HELD("apels_held", Kind.COUNT, true, EmployeeMonth::apelsHeld),
    APELS_ATTENDED("apels_attended", Kind.COUNT, true, EmployeeMonth::apelsAttended),
    REPORT_DAYS_DUE("report_days_due", Kind.COUNT, false, EmployeeMonth::reportDaysDue),
    REPORT_DAYS_FILED("report_days_filed", Kind.COUNT, false, EmployeeMonth::reportDaysFiled),
    REPORT_DAYS_APPROVED("report_days_approved", Kind.COUNT, false, EmployeeMonth::reportDaysApproved),
    REPORT_COMPLIANCE_PERCENT(
            "report_compliance_percent", Kind.PERCENT, true, m -> compliance(m.reportDaysFiled(), m.reportDaysDue())),
    ACTIVITIES("activities", Kind.COUNT, false, EmployeeMonth::activities),
    DEDUCTION_PERCENT("deduction_percent", Kind.PERCENT, true, EmployeeMonth::deductionPercent),
    DEDUCTION_CAPPED("deduction_capped", Kind.BOOLEAN, false, EmployeeMonth::capped),
    RULE_SET_VERSIONS(
            "rule_set_versions",
            Kind.TEXT,
            false,
            m -> m.ruleSetVersions().stream().map(String::valueOf).collect(Collectors.joining(";"))),
    RATING("rating", Kind.COUNT, false, EmployeeMonth::rating);

    /** How a column's values are written: text, a whole number, a percent with two decimals, true or false. */
    public enum Kind {
        TEXT,
        COUNT,
        PERCENT,
        BOOLEAN
    }

    /** Kinds of absence with a column of their own; dinas luar is counted as present ({@link #PRESENT_DINAS_LUAR}). */
    static final Set<String> OWN_COLUMNS = Set.of("SAKIT", "CUTI", "IZIN", "DINAS_LUAR");

    private final String key;
    private final Kind kind;
    private final boolean inWorkbook;
    private final Function<EmployeeMonth, @Nullable Object> value;

    ExportColumn(String key, Kind kind, boolean inWorkbook, Function<EmployeeMonth, @Nullable Object> value) {
        this.key = key;
        this.kind = kind;
        this.inWorkbook = inWorkbook;
        this.value = value;
    }

    /** The name machines read, e.g. {@code late_minutes}. */
    public String key() {
        return key;
    }

    public Kind kind() {
        return kind;
    }

    /** Whether the workbook BKD pays from shows it (the PDF shows a narrower set still). */
    public boolean inWorkbook() {
        return inWorkbook;
    }

    /** The employee's value: a String, an Integer, a BigDecimal (two decimals), a Boolean, or null (no rating yet). */
    public @Nullable Object of(EmployeeMonth month) {
        Object v = value.apply(month);
        return v instanceof BigDecimal d ? d.setScale(2, RoundingMode.HALF_UP) : v;
    }

    public static List<ExportColumn> workbook() {
        return java.util.Arrays.stream(values())
                .filter(ExportColumn::inWorkbook)
                .toList();
    }

    /** Filed reports as a percent of those due, two decimals; null when none was due (nothing to comply with). */
    public static @Nullable BigDecimal compliance(long filed, long due) {
        return due == 0
                ? null
                : BigDecimal.valueOf(filed * 100L).divide(BigDecimal.valueOf(due), 2, RoundingMode.HALF_UP);
    }

    private static int absent(EmployeeMonth m, String kind) {
        return m.absencesByKind().getOrDefault(kind, 0);
    }

    private static int absentOther(EmployeeMonth m) {
        int other = 0;
        for (Map.Entry<String, Integer> e : m.absencesByKind().entrySet()) {
            if (!OWN_COLUMNS.contains(e.getKey())) {
                other += e.getValue();
            }
        }
        return other;
    }
}
