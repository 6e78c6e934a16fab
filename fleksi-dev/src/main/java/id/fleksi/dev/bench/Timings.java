package id.fleksi.dev.bench;

import java.util.List;
import java.util.function.Supplier;

/** The benchmarks' stopwatch and percentiles, one way for all of them. */
final class Timings {

    private Timings() {}

    /** Whole milliseconds since {@code nanoStart} (a {@link System#nanoTime()}). */
    static long millisSince(long nanoStart) {
        return (System.nanoTime() - nanoStart) / 1_000_000;
    }

    /** Milliseconds, with fractions, since {@code nanoStart}. */
    static double exactMillisSince(long nanoStart) {
        return (System.nanoTime() - nanoStart) / 1e6;
    }

    /** How long {@code work} took, in milliseconds with fractions. */
    static double millisOf(Supplier<?> work) {
        long start = System.nanoTime();
        work.get();
        return exactMillisSince(start);
    }

    /** Nearest rank: with 10 samples p95 is the largest. */
    static double percentile(List<Double> values, int percentile) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(Math.max(
                0, Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * percentile / 100.0) - 1)));
    }
}
