package id.fleksi.modules.evaluation.trial;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * What is compared with what. {@code PERIODS}: every working day of the trial against every working day of the baseline
 * (by default the same length just before the trial). {@code DAYS}: within the trial, the employees' WFA days against their
 * office days. {@code counted} is the last day of the trial counted: its end, or yesterday while it runs.
 */
@Schema(name = "TrialComparison")
public record TrialComparison(
        Mode mode,
        LocalDate trialFrom,
        LocalDate trialTo,
        LocalDate counted,
        @Nullable LocalDate baselineFrom,
        @Nullable LocalDate baselineTo) {

    public enum Mode {
        PERIODS,
        DAYS
    }

    /** The first day anyone must have been in the tenant by to be compared: the baseline's first, or the trial's. */
    public LocalDate earliest() {
        return mode == Mode.PERIODS && baselineFrom != null ? baselineFrom : trialFrom;
    }
}
