package id.fleksi.modules.evaluation.rules;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One version of a tenant's TPP deduction rules, in force from its date until the next version's. Percentages are of
 * the month's TPP. An approved absence (izin, sakit, cuti, dinas luar) always excuses its days: nothing is deducted for
 * them.
 *
 * @param version 1, 2, 3 ... in the order they were made
 * @param preset the preset it started from, if any; {@code source} says where its numbers come from
 * @param lateBands lateness (terlambat, TL) by minutes; the last band is open-ended
 * @param earlyLeaveBands early leave (pulang sebelum waktu, PSW) by minutes; the last band is open-ended and also
 *     counts a day present without a check-out (no record)
 * @param unexcusedPercent a working day with neither a check-in nor an approved absence (tanpa keterangan)
 * @param noApelPercent an apel that counts in the evaluation, missed on a day present
 * @param noReportPercent a day present without a daily report filed in time (0: not deducted)
 * @param capPercent the month's deductions together never exceed this
 * @param dinasLuarExcuses a day checked in as dinas luar carries no lateness, early leave or apel deduction
 * @param makeUpMinutes lateness up to this many minutes is made good by leaving later by as many minutes (0: never)
 */
@Schema(name = "EvaluationRuleSet")
public record RuleSet(
        @Nullable UUID id,
        int version,
        LocalDate effectiveFrom,
        String name,
        @Nullable String preset,
        String source,
        List<Band> lateBands,
        List<Band> earlyLeaveBands,
        BigDecimal unexcusedPercent,
        BigDecimal noApelPercent,
        BigDecimal noReportPercent,
        BigDecimal capPercent,
        boolean dinasLuarExcuses,
        int makeUpMinutes,
        @Nullable String createdBy,
        @Nullable Instant createdAt) {

    /**
     * A band of minutes, both ends included ({@code toMinutes} null: and beyond).
     *
     * @param code as the Perbup names it, e.g. TL1 or PSW3
     */
    @Schema(name = "EvaluationBand")
    public record Band(
            String code, int fromMinutes, @Nullable Integer toMinutes, BigDecimal percent) {

        public boolean holds(int minutes) {
            return minutes >= fromMinutes && (toMinutes == null || minutes <= toMinutes);
        }

        /** "31–60 menit", "lebih dari 90 menit". */
        public String range() {
            return toMinutes == null
                    ? "lebih dari " + (fromMinutes - 1) + " menit"
                    : fromMinutes + "–" + toMinutes + " menit";
        }
    }

    /** The band these minutes fall in; null when none does (under the first band's start). */
    public static @Nullable Band bandOf(List<Band> bands, int minutes) {
        return bands.stream().filter(b -> b.holds(minutes)).findFirst().orElse(null);
    }

    /** The open-ended band that also counts a day without a record. */
    public static @Nullable Band lastOf(List<Band> bands) {
        return bands.isEmpty() ? null : bands.get(bands.size() - 1);
    }

    /** The version in force on a date among versions ordered oldest first, or null before the first. */
    public static @Nullable RuleSet inForce(List<RuleSet> versions, LocalDate date) {
        RuleSet found = null;
        for (RuleSet version : versions) {
            if (!version.effectiveFrom().isAfter(date)) {
                found = version;
            }
        }
        return found;
    }

    /** The same rules, to take effect from another date as a new version. */
    public RuleSet from(LocalDate date) {
        return new RuleSet(
                null,
                0,
                date,
                name,
                preset,
                source,
                lateBands,
                earlyLeaveBands,
                unexcusedPercent,
                noApelPercent,
                noReportPercent,
                capPercent,
                dinasLuarExcuses,
                makeUpMinutes,
                null,
                null);
    }
}
