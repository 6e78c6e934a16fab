package id.fleksi.modules.evaluation.closing;

import id.fleksi.modules.evaluation.EmployeeMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** The figures a BKD pays from, paid beside current, one row each, for the employee's page. */
public record FigureRows(String key, String paid, String current, boolean differs) {

    private record Figure(String key, Function<EmployeeMonth, Object> value) {}

    private static final List<Figure> FIGURES = List.of(
            new Figure("workingDays", EmployeeMonth::workingDays),
            new Figure("presentWfo", EmployeeMonth::presentWfo),
            new Figure("presentWfa", EmployeeMonth::presentWfa),
            new Figure("presentDinasLuar", EmployeeMonth::presentDinasLuar),
            new Figure("late", m -> m.lateDays() + " / " + m.lateMinutes()),
            new Figure("earlyLeave", m -> m.earlyLeaveDays() + " / " + m.earlyLeaveMinutes()),
            new Figure(
                    "absences",
                    m -> m.absencesByKind().isEmpty() ? "0" : m.absencesByKind().toString()),
            new Figure("unexcusedDays", EmployeeMonth::unexcusedDays),
            new Figure("apels", m -> m.apelsAttended() + " / " + m.apelsHeld()),
            new Figure("reports", m -> m.reportDaysFiled() + " / " + m.reportDaysDue()),
            new Figure("activities", EmployeeMonth::activities),
            new Figure("deductionPercent", m -> m.deductionPercent() + "%"));

    public static List<FigureRows> of(@Nullable EmployeeMonth paid, EmployeeMonth current) {
        List<FigureRows> rows = new ArrayList<>();
        for (Figure figure : FIGURES) {
            String now = String.valueOf(figure.value().apply(current));
            String was = paid == null ? "" : String.valueOf(figure.value().apply(paid));
            rows.add(new FigureRows(figure.key(), was, now, paid != null && !was.equals(now)));
        }
        return rows;
    }
}
