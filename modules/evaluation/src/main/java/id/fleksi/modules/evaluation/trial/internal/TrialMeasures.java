package id.fleksi.modules.evaluation.trial.internal;

import id.fleksi.modules.evaluation.ServiceRatings;
import id.fleksi.modules.evaluation.trial.TrialVerdict.Finding;
import id.fleksi.modules.evaluation.trial.TrialVerdict.Kind;
import id.fleksi.modules.evaluation.trial.TrialVerdict.Measure;
import id.fleksi.modules.evaluation.trial.TrialVerdict.Minimums;
import id.fleksi.modules.evaluation.trial.TrialVerdict.Side;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.context.support.MessageSourceAccessor;

/**
 * Each measure from the two sides' tallies: its figure on each side with the counts behind it and a 95% interval, the
 * difference (trial minus baseline) with its interval, and what may be said of it. A difference is real only when its
 * interval excludes zero; below the minimums nothing is concluded, however large it looks.
 */
public final class TrialMeasures {

    /** At least this many employees compared, and on each side this many days (or ratings), before anything is concluded. */
    public static final Minimums MINIMUMS = new Minimums(10, 30, 30);

    private TrialMeasures() {}

    public static List<Measure> of(
            Tally a,
            Tally b,
            int employees,
            ServiceRatings.@Nullable Summary ratingsA,
            ServiceRatings.@Nullable Summary ratingsB,
            MessageSourceAccessor text) {
        List<Measure> measures = new ArrayList<>();
        measures.add(share("attendance", true, a.present(), a.expected(), b.present(), b.expected(), employees, text));
        measures.add(share("punctuality", true, a.onTime(), a.present(), b.onTime(), b.present(), employees, text));
        measures.add(share("reportCompliance", true, a.filed(), a.present(), b.filed(), b.present(), employees, text));
        measures.add(mean(
                "activitiesPerDay",
                a.expected(),
                a.activities(),
                a.activitySquares(),
                b.expected(),
                b.activities(),
                b.activitySquares(),
                employees,
                MINIMUMS.days(),
                text));
        measures.add(mean(
                "outputPerDay",
                a.expected(),
                a.output(),
                a.outputSquares(),
                b.expected(),
                b.output(),
                b.outputSquares(),
                employees,
                MINIMUMS.days(),
                text));
        measures.add(share("approvalRate", true, a.approved(), a.filed(), b.approved(), b.filed(), employees, text));
        measures.add(share("returnRate", false, a.returned(), a.filed(), b.returned(), b.filed(), employees, text));
        measures.add(
                share("flaggedCheckIns", false, a.flagged(), a.present(), b.flagged(), b.present(), employees, text));
        ServiceRatings.Summary ra = ratingsA == null ? ServiceRatings.Summary.NONE : ratingsA;
        ServiceRatings.Summary rb = ratingsB == null ? ServiceRatings.Summary.NONE : ratingsB;
        // The public rates a service, not an employee: the minimum of employees does not apply, that of ratings does.
        measures.add(mean(
                "publicRating",
                ra.ratings(),
                ra.scoreSum(),
                ra.scoreSquareSum(),
                rb.ratings(),
                rb.scoreSum(),
                rb.scoreSquareSum(),
                Integer.MAX_VALUE,
                MINIMUMS.ratings(),
                text));
        return measures;
    }

    private static Measure share(
            String key,
            boolean higherIsBetter,
            long xa,
            long na,
            long xb,
            long nb,
            int employees,
            MessageSourceAccessor text) {
        Side a = na == 0 ? new Side(0, 0, null, null, null) : side(na, xa, Intervals.wilson(xa, na));
        Side b = nb == 0 ? new Side(0, 0, null, null, null) : side(nb, xb, Intervals.wilson(xb, nb));
        Intervals.Interval d = na == 0 || nb == 0 ? null : Intervals.difference(xa, na, xb, nb);
        boolean enough = employees >= MINIMUMS.employees() && na >= MINIMUMS.days() && nb >= MINIMUMS.days();
        return measure(key, Kind.PROPORTION, higherIsBetter, a, b, d, enough, employees, text);
    }

    private static Measure mean(
            String key,
            long na,
            double sa,
            double qa,
            long nb,
            double sb,
            double qb,
            int employees,
            int minimum,
            MessageSourceAccessor text) {
        Side a = meanSide(na, sa, qa);
        Side b = meanSide(nb, sb, qb);
        Intervals.Interval d = na < 2 || nb < 2 ? null : Intervals.welch(na, sa, qa, nb, sb, qb);
        boolean enough = employees >= MINIMUMS.employees() && na >= minimum && nb >= minimum;
        return measure(key, Kind.MEAN, true, a, b, d, enough, employees == Integer.MAX_VALUE ? 0 : employees, text);
    }

    private static Side meanSide(long n, double sum, double squares) {
        if (n == 0) {
            return new Side(0, 0, null, null, null);
        }
        return n < 2 ? new Side(n, sum, sum / n, null, null) : side(n, sum, Intervals.mean(n, sum, squares));
    }

    private static Side side(long n, double numerator, Intervals.Interval i) {
        return new Side(n, numerator, i.estimate(), i.low(), i.high());
    }

    private static Measure measure(
            String key,
            Kind kind,
            boolean higherIsBetter,
            Side a,
            Side b,
            Intervals.@Nullable Interval d,
            boolean enough,
            int employees,
            MessageSourceAccessor text) {
        Finding finding = d == null
                ? Finding.NO_DATA
                : !enough
                        ? Finding.TOO_FEW
                        : !d.excludesZero() ? Finding.NO_DIFFERENCE : d.estimate() > 0 ? Finding.HIGHER : Finding.LOWER;
        Side difference =
                d == null ? null : new Side(a.count() + b.count(), d.estimate(), d.estimate(), d.low(), d.high());
        return new Measure(
                key,
                text.getMessage("trial.measure." + key),
                kind,
                higherIsBetter,
                a,
                b,
                difference,
                finding,
                text.getMessage("trial.finding." + finding),
                employees);
    }
}
