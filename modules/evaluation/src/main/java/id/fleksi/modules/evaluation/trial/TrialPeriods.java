package id.fleksi.modules.evaluation.trial;

import id.fleksi.modules.fwa.FwaPolicies;
import id.fleksi.modules.fwa.PolicyVersion;
import id.fleksi.platform.problem.Problem;
import id.fleksi.platform.tenancy.Tenant;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The periods compared. The trial is the FWA policy's (the latest version that sets one) unless dates are given; the
 * baseline is by default as long as the trial and ends the day before it. A trial still running is counted up to
 * yesterday. Each side spans at most 186 days, and the baseline ends before the trial begins.
 */
@Component
class TrialPeriods {

    static final int MAX_DAYS = 186;

    private final FwaPolicies policies;
    private final Clock clock;

    TrialPeriods(FwaPolicies policies, Clock clock) {
        this.policies = policies;
        this.clock = clock;
    }

    TrialComparison comparison(
            Tenant tenant,
            @Nullable String mode,
            @Nullable LocalDate trialFrom,
            @Nullable LocalDate trialTo,
            @Nullable LocalDate baselineFrom,
            @Nullable LocalDate baselineTo) {
        TrialComparison.Mode chosen = mode(mode);
        LocalDate from = trialFrom;
        LocalDate to = trialTo;
        if (from == null || to == null) {
            PolicyVersion policy = policies.versions().stream()
                    .filter(v -> v.trialFrom() != null && v.trialTo() != null)
                    .max(Comparator.comparing(PolicyVersion::effectiveFrom))
                    .orElseThrow(() -> Problem.unprocessable(
                            "trial-unknown",
                            "No trial",
                            "The FWA policy sets no trial period; give the trial's dates (trialFrom and trialTo)."));
            from = from == null ? policy.trialFrom() : from;
            to = to == null ? policy.trialTo() : to;
        }
        span("trial", from, to);
        LocalDate yesterday =
                clock.instant().atZone(tenant.timeZone().zone()).toLocalDate().minusDays(1);
        if (from.isAfter(yesterday)) {
            throw Problem.unprocessable(
                            "trial-not-begun",
                            "The trial has not begun",
                            "The trial begins on " + from
                                    + "; there is nothing to compare before a day of it has passed.")
                    .values(from);
        }
        LocalDate counted = to.isAfter(yesterday) ? yesterday : to;
        if (chosen == TrialComparison.Mode.DAYS) {
            return new TrialComparison(chosen, from, to, counted, null, null);
        }
        long length = ChronoUnit.DAYS.between(from, to) + 1;
        LocalDate bTo = baselineTo == null ? from.minusDays(1) : baselineTo;
        LocalDate bFrom = baselineFrom == null ? bTo.minusDays(length - 1) : baselineFrom;
        span("baseline", bFrom, bTo);
        if (!bTo.isBefore(from)) {
            throw Problem.unprocessable(
                            "trial-baseline-overlaps",
                            "Baseline overlaps the trial",
                            "The baseline must end before the trial begins on " + from + "; it ends on " + bTo + ".")
                    .values(from, bTo);
        }
        return new TrialComparison(chosen, from, to, counted, bFrom, bTo);
    }

    private static TrialComparison.Mode mode(@Nullable String mode) {
        if (mode == null || mode.isBlank()) {
            return TrialComparison.Mode.PERIODS;
        }
        try {
            return TrialComparison.Mode.valueOf(mode.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Problem.badRequest(
                            "trial-mode",
                            "Unknown comparison",
                            "Compare PERIODS (the trial against a baseline) or DAYS"
                                    + " (WFA days against office days within the trial); " + mode.strip()
                                    + " is neither.")
                    .values(mode.strip());
        }
    }

    private static void span(String which, LocalDate from, LocalDate to) {
        if (from.isAfter(to) || ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
            throw Problem.unprocessable(
                            "trial-span",
                            "Period not allowed",
                            "The " + which + " runs from " + from + " to " + to
                                    + "; a period runs forwards and spans at most " + MAX_DAYS + " days.")
                    .variant(which, from, to);
        }
    }
}
