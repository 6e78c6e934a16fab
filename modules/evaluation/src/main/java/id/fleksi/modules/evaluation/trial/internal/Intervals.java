package id.fleksi.modules.evaluation.trial.internal;

/**
 * The 95% intervals the verdict shows. A proportion: Wilson's score interval, which stays inside 0..1 and behaves with
 * few days or a share near 0 or 1; the difference of two: Newcombe's hybrid score interval built from the two Wilson
 * intervals. A mean of per-employee-day values: Welch's interval for the difference of two means with unequal variances,
 * its t quantile by the Cornish-Fisher expansion (within 0.001 of the table from 4 degrees of freedom up; below, the
 * table itself).
 */
public final class Intervals {

    /** The standard normal's 97.5% quantile. */
    static final double Z = 1.959963984540054;

    /** The 97.5% quantiles of Student's t for 1 to 4 degrees of freedom, from the table. */
    private static final double[] SMALL_DF = {12.7062, 4.3027, 3.1824, 2.7764};

    private Intervals() {}

    /** An estimate with its 95% interval. */
    public record Interval(double estimate, double low, double high) {

        public boolean excludesZero() {
            return low > 0 || high < 0;
        }
    }

    /** Wilson's 95% interval of {@code successes} out of {@code n}; n must be positive. */
    public static Interval wilson(long successes, long n) {
        double p = (double) successes / n;
        double z2 = Z * Z;
        double centre = (p + z2 / (2.0 * n)) / (1 + z2 / n);
        double half = Z / (1 + z2 / n) * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        return new Interval(p, Math.max(0, centre - half), Math.min(1, centre + half));
    }

    /** Newcombe's 95% interval of the second proportion minus the first. */
    public static Interval difference(long successesA, long nA, long successesB, long nB) {
        Interval a = wilson(successesA, nA);
        Interval b = wilson(successesB, nB);
        double d = b.estimate() - a.estimate();
        double low = d - Math.sqrt(square(b.estimate() - b.low()) + square(a.high() - a.estimate()));
        double high = d + Math.sqrt(square(b.high() - b.estimate()) + square(a.estimate() - a.low()));
        return new Interval(d, low, high);
    }

    /** The 95% interval of a mean of n values given their sum and the sum of their squares; n at least 2. */
    public static Interval mean(long n, double sum, double squares) {
        double mean = sum / n;
        double se = Math.sqrt(variance(n, sum, squares) / n);
        double t = t975(n - 1);
        return new Interval(mean, mean - t * se, mean + t * se);
    }

    /** Welch's 95% interval of the second mean minus the first; each n at least 2. */
    public static Interval welch(long nA, double sumA, double squaresA, long nB, double sumB, double squaresB) {
        double va = variance(nA, sumA, squaresA) / nA;
        double vb = variance(nB, sumB, squaresB) / nB;
        double d = sumB / nB - sumA / nA;
        double se = Math.sqrt(va + vb);
        if (se == 0) {
            return new Interval(d, d, d);
        }
        double df = square(va + vb) / (square(va) / (nA - 1) + square(vb) / (nB - 1));
        double t = t975(df);
        return new Interval(d, d - t * se, d + t * se);
    }

    /** The sample variance (n - 1 in the denominator), never below zero from rounding. */
    static double variance(long n, double sum, double squares) {
        return Math.max(0, (squares - sum * sum / n) / (n - 1));
    }

    /** Student's t 97.5% quantile for df degrees of freedom (Cornish-Fisher expansion about the normal). */
    static double t975(double df) {
        if (df < 4) {
            int below = Math.max(1, (int) Math.floor(df));
            return below >= 4
                    ? SMALL_DF[3]
                    : SMALL_DF[below - 1] + (SMALL_DF[below] - SMALL_DF[below - 1]) * (Math.max(1, df) - below);
        }
        double z = Z;
        double z3 = z * z * z;
        double z5 = z3 * z * z;
        double z7 = z5 * z * z;
        double z9 = z7 * z * z;
        return z
                + (z3 + z) / (4 * df)
                + (5 * z5 + 16 * z3 + 3 * z) / (96 * df * df)
                + (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * df * df * df)
                + (79 * z9 + 776 * z7 + 1482 * z5 - 1920 * z3 - 945 * z) / (92160 * df * df * df * df);
    }

    private static double square(double x) {
        return x * x;
    }
}
