package id.fleksi.modules.evaluation.trial;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The WFA trial's verdict: the comparison, who was compared and who was left out (and why), each measure in total and
 * per OPD with the counts behind it and its 95% interval, and the summary a Sekda reads.
 *
 * @param arms what the two sides are called, the one compared against first ("Periode pembanding", "Uji coba")
 * @param summary the one-page summary, a sentence per line, in the reader's language; its last line is the conclusion
 */
@Schema(name = "TrialVerdict")
public record TrialVerdict(
        String tenant,
        String tenantName,
        TrialComparison comparison,
        List<String> arms,
        Cohort cohort,
        Minimums minimums,
        List<Measure> total,
        List<Opd> opds,
        List<String> summary,
        Conclusion conclusion,
        Instant asOf) {

    /** The overall verdict: better, worse (in any measure), the same, or too few data to say. */
    public enum Conclusion {
        BETTER,
        WORSE,
        MIXED,
        NO_DIFFERENCE,
        TOO_FEW
    }

    /**
     * @param compared employees present in the tenant through both sides of the comparison
     * @param leftOut those left out, counted by reason
     */
    @Schema(name = "TrialCohort")
    public record Cohort(int compared, List<LeftOut> leftOut) {}

    /** @param reason JOINED_LATE, RETIRED, NO_WORKING_DAYS or NO_WFA_DAYS, with the sentence a person reads */
    @Schema(name = "TrialLeftOut")
    public record LeftOut(String reason, String text, int employees) {}

    /** Below these, a measure says "too few to conclude" rather than a difference. */
    @Schema(name = "TrialMinimums")
    public record Minimums(int employees, int days, int ratings) {}

    @Schema(name = "TrialOpd")
    public record Opd(UUID id, String code, String name, int employees, List<Measure> measures) {}

    /**
     * One measure on both sides.
     *
     * @param key attendance, punctuality, reportCompliance, activitiesPerDay, outputPerDay, approvalRate, returnRate,
     *     flaggedCheckIns or publicRating
     * @param kind PROPORTION (a share, 0 to 1, Wilson's interval) or MEAN (per employee-day or per rating, Welch's)
     * @param higherIsBetter false for returned reports and flagged check-ins
     * @param difference the trial's side minus the baseline's, with its 95% interval; null without data on both sides
     */
    @Schema(name = "TrialMeasure")
    public record Measure(
            String key,
            String name,
            Kind kind,
            boolean higherIsBetter,
            Side baseline,
            Side trial,
            @Nullable Side difference,
            Finding finding,
            String findingText,
            int employees) {}

    public enum Kind {
        PROPORTION,
        MEAN
    }

    /** HIGHER or LOWER: a real difference (its interval excludes zero); NO_DIFFERENCE; TOO_FEW; NO_DATA. */
    public enum Finding {
        HIGHER,
        LOWER,
        NO_DIFFERENCE,
        TOO_FEW,
        NO_DATA
    }

    /**
     * One side's figure (or the difference) with the counts behind it.
     *
     * @param count what the figure is counted over: days (expected, present or reported) or ratings
     * @param numerator for a share, the days that count; for a mean, the sum of the values
     * @param value the share or the mean; null when count is zero
     * @param low with high, the 95% interval; null when it cannot be computed
     */
    @Schema(name = "TrialSide")
    public record Side(
            long count,
            double numerator,
            @Nullable Double value,
            @Nullable Double low,
            @Nullable Double high) {}
}
