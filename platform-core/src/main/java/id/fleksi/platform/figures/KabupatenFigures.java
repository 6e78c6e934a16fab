package id.fleksi.platform.figures;

import id.fleksi.platform.tenancy.Tenant;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A kabupaten's day in counts per OPD, as its province sees it: never a name, NIP, username or place. One aggregate,
 * filled two ways: counted from the kabupaten's schema while the province hosts it, or received by the daily feed once
 * it is self-hosted (docs/feed.md, whose version 1 document carries exactly these counts).
 */
public interface KabupatenFigures {

    /** Where the day's counts come from. */
    enum Source {
        HOSTED,
        FEED
    }

    /**
     * An OPD (a top-level unit, its sub-units counted with it), or a kabupaten's total over its OPD.
     *
     * @param employees people serving that day (not retired, started by then)
     * @param expected of them, those for whom the day is a working day of their unit; null where a kabupaten's replica
     *     did not send it (a release before it was added)
     * @param checkedIn people with a check-in; {@code wfo}, {@code wfa}, {@code dinasLuar} by work mode, {@code late} of them
     * @param izin people with an approved absence covering the day, by kind: {@code izin}, {@code sakit}, {@code cuti},
     *             {@code dinasLuarAway}
     * @param flagged check-ins and standing check-outs flagged for review
     * @param reportsFiled people with a daily report of at least one activity for the day
     */
    record Opd(
            String code,
            String name,
            int employees,
            @Nullable Integer expected,
            int checkedIn,
            int wfo,
            int wfa,
            int dinasLuar,
            int late,
            int izin,
            int sakit,
            int cuti,
            int dinasLuarAway,
            int flagged,
            int reportsFiled) {

        /** The sum of counts that may be unknown: unknown when any of them is. */
        public static @Nullable Integer sumOf(List<@Nullable Integer> counts) {
            int sum = 0;
            for (Integer count : counts) {
                if (count == null) {
                    return null;
                }
                sum += count;
            }
            return sum;
        }

        /** The attendance share of the expected in whole percent; null when the expected are unknown or none. */
        public @Nullable Integer attendancePercent() {
            return expected == null || expected == 0
                    ? null
                    : Math.round(100f * Math.min(checkedIn, expected) / expected);
        }

        /** The total over these OPD, named after the kabupaten. */
        public static Opd total(String code, String name, List<Opd> opds) {
            int[] sum = new int[12];
            for (Opd o : opds) {
                int[] each = {
                    o.employees,
                    o.checkedIn,
                    o.wfo,
                    o.wfa,
                    o.dinasLuar,
                    o.late,
                    o.izin,
                    o.sakit,
                    o.cuti,
                    o.dinasLuarAway,
                    o.flagged,
                    o.reportsFiled
                };
                for (int i = 0; i < sum.length; i++) {
                    sum[i] += each[i];
                }
            }
            return new Opd(
                    code,
                    name,
                    sum[0],
                    sumOf(opds.stream().map(Opd::expected).toList()),
                    sum[1],
                    sum[2],
                    sum[3],
                    sum[4],
                    sum[5],
                    sum[6],
                    sum[7],
                    sum[8],
                    sum[9],
                    sum[10],
                    sum[11]);
        }
    }

    /** A kabupaten's day: where it was counted, when, and its OPD. */
    record CountedDay(Source source, LocalDate day, Instant countedAt, List<Opd> opds) {}

    /** The kabupaten's counts for the day: counted now if hosted here, as last received if self-hosted; empty if neither. */
    Optional<CountedDay> of(Tenant kabupaten, LocalDate day);
}
