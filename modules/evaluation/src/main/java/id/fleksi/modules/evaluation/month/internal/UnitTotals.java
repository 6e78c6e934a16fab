package id.fleksi.modules.evaluation.month.internal;

import id.fleksi.modules.evaluation.EmployeeMonth;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A unit's (an OPD's, the pemda's) month: its employees' figures summed, so that every total is the sum of the rows
 * under it.
 *
 * @param deductionPercentSum the employees' deductions (after each one's cap) summed; {@link #averageDeductionPercent}
 *     divides it by the employees
 */
@Schema(name = "EvaluationUnitTotals")
public record UnitTotals(
        String code,
        String name,
        int employees,
        int workingDays,
        int presentWfo,
        int presentWfa,
        int presentDinasLuar,
        int lateDays,
        int lateMinutes,
        int earlyLeaveDays,
        int earlyLeaveMinutes,
        int absenceDays,
        int unexcusedDays,
        int apelsHeld,
        int apelsAttended,
        int reportDaysDue,
        int reportDaysFiled,
        int reportDaysApproved,
        int activities,
        BigDecimal deductionPercentSum,
        int rated) {

    static UnitTotals empty(String code, String name) {
        return new UnitTotals(code, name, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, BigDecimal.ZERO, 0);
    }

    UnitTotals plus(EmployeeMonth m) {
        return new UnitTotals(
                code,
                name,
                employees + 1,
                workingDays + m.workingDays(),
                presentWfo + m.presentWfo(),
                presentWfa + m.presentWfa(),
                presentDinasLuar + m.presentDinasLuar(),
                lateDays + m.lateDays(),
                lateMinutes + m.lateMinutes(),
                earlyLeaveDays + m.earlyLeaveDays(),
                earlyLeaveMinutes + m.earlyLeaveMinutes(),
                absenceDays
                        + m.absencesByKind().values().stream()
                                .mapToInt(Integer::intValue)
                                .sum(),
                unexcusedDays + m.unexcusedDays(),
                apelsHeld + m.apelsHeld(),
                apelsAttended + m.apelsAttended(),
                reportDaysDue + m.reportDaysDue(),
                reportDaysFiled + m.reportDaysFiled(),
                reportDaysApproved + m.reportDaysApproved(),
                activities + m.activities(),
                deductionPercentSum.add(m.deductionPercent()),
                rated + (m.rating() == null ? 0 : 1));
    }

    UnitTotals plus(UnitTotals o) {
        return new UnitTotals(
                code,
                name,
                employees + o.employees,
                workingDays + o.workingDays,
                presentWfo + o.presentWfo,
                presentWfa + o.presentWfa,
                presentDinasLuar + o.presentDinasLuar,
                lateDays + o.lateDays,
                lateMinutes + o.lateMinutes,
                earlyLeaveDays + o.earlyLeaveDays,
                earlyLeaveMinutes + o.earlyLeaveMinutes,
                absenceDays + o.absenceDays,
                unexcusedDays + o.unexcusedDays,
                apelsHeld + o.apelsHeld,
                apelsAttended + o.apelsAttended,
                reportDaysDue + o.reportDaysDue,
                reportDaysFiled + o.reportDaysFiled,
                reportDaysApproved + o.reportDaysApproved,
                activities + o.activities,
                deductionPercentSum.add(o.deductionPercentSum),
                rated + o.rated);
    }

    /** The mean deduction of its employees, in percent, two decimals. */
    public BigDecimal averageDeductionPercent() {
        return employees == 0
                ? BigDecimal.ZERO
                : deductionPercentSum.divide(BigDecimal.valueOf(employees), 2, RoundingMode.HALF_UP);
    }

    /** Days present (any mode) as a share of working days, in whole percent. */
    public int presentPercent() {
        return workingDays == 0 ? 0 : Math.round(100f * (presentWfo + presentWfa + presentDinasLuar) / workingDays);
    }
}
