package id.fleksi.modules.evaluation;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One employee's month as the evaluation judges it: the facts, and the TPP deduction with every line that makes it up,
 * so that an ASN can check her own. The record the evaluation pages, the closing of a month (kept as it was paid) and
 * the exports all read. Fields may be added; none is renamed or dropped without changing every reader.
 *
 * @param workingDays days the employee was expected at work (working calendar, her schedule, holidays excluded)
 * @param presentWfo days checked in on an office day
 * @param presentWfa days checked in on a WFA day
 * @param presentDinasLuar days on approved official travel (dinas luar)
 * @param lateDays days checked in late beyond the tolerance; {@code lateMinutes} their minutes summed
 * @param earlyLeaveDays days checked out early (pulang sebelum waktu, PSW); {@code earlyLeaveMinutes} summed
 * @param absencesByKind approved absences in days by kind (e.g. SAKIT, CUTI, IZIN), working days only
 * @param unexcusedDays working days with neither a check-in nor an approved absence (tanpa keterangan)
 * @param apelsHeld apels scheduled for her in the month that counted in the evaluation; {@code apelsAttended} confirmed
 * @param reportDaysDue working days present for which a daily report was due; {@code reportDaysFiled} filed by the
 *     deadline; {@code reportDaysApproved} approved by the supervisor
 * @param activities activities reported in the month
 * @param outputs quantities reported against each work-result plan (RHK) active in the month
 * @param lines every deduction, one per day and rule, in date order, before the cap
 * @param deductionPercent the month's deduction after the cap, in percent of the month's TPP
 * @param capped whether the cap cut the sum of the lines
 * @param ruleSetVersions the rule set versions applied (more than one when the rules changed in mid-month)
 * @param rating the supervisor's rating of the month (1 to 5), null until given; {@code ratingNote} with it
 */
@Schema(name = "EvaluationEmployeeMonth")
public record EmployeeMonth(
        UUID employeeId,
        String nip,
        String name,
        UUID unitId,
        String unitName,
        UUID opdId,
        String opdName,
        YearMonth month,
        int workingDays,
        int presentWfo,
        int presentWfa,
        int presentDinasLuar,
        int lateDays,
        int lateMinutes,
        int earlyLeaveDays,
        int earlyLeaveMinutes,
        Map<String, Integer> absencesByKind,
        int unexcusedDays,
        int apelsHeld,
        int apelsAttended,
        int reportDaysDue,
        int reportDaysFiled,
        int reportDaysApproved,
        int activities,
        List<Output> outputs,
        List<DeductionLine> lines,
        BigDecimal deductionPercent,
        boolean capped,
        List<Integer> ruleSetVersions,
        @Nullable Integer rating,
        @Nullable String ratingNote) {

    /** Quantities reported in the month towards one work-result plan (RHK), beside its target for its period. */
    @Schema(name = "EvaluationOutput")
    public record Output(UUID targetId, String title, String unit, BigDecimal targetQuantity, BigDecimal achieved) {}

    /**
     * One deduction: a day, the rule that applies (LATE, EARLY_LEAVE, UNEXCUSED, NO_APEL, NO_REPORT), the band it
     * fell in (e.g. {@code TL2}), the minutes where minutes count, the percent, and a sentence in Indonesian that says
     * why ("Terlambat 45 menit (31–60 menit): 1%").
     */
    @Schema(name = "EvaluationDeductionLine")
    public record DeductionLine(
            LocalDate date,
            String rule,
            String band,
            int minutes,
            BigDecimal percent,
            int ruleSetVersion,
            String explanation) {}
}
