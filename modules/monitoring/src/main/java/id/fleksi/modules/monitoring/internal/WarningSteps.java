package id.fleksi.modules.monitoring.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The steps of PP 94/2021 for unexcused absence in a year, what each asks of the supervisor, and the counting they
 * rest on. Pure: the rules are tested without a database.
 */
final class WarningSteps {

    /** Unexcused days in a year at which PP 94/2021 asks for a step (and 10 working days in a row, the last). */
    static final List<Integer> ABSENCE = List.of(3, 4, 7, 11, 14, 17, 21, 25, 28);

    static final int RUN = 10;

    private WarningSteps() {}

    /** What PP 94/2021 asks at this many unexcused days (or days in a row, {@code run}), in Bahasa Indonesia. */
    static String action(int step, boolean run) {
        if (run || step >= 28) {
            return "pemberhentian dengan hormat tidak atas permintaan sendiri (hukuman disiplin berat); atasan langsung"
                    + " memeriksa dan melaporkan kepada pejabat yang berwenang menghukum";
        }
        return switch (step) {
            case 3 -> "teguran lisan oleh atasan langsung";
            case 4 -> "teguran tertulis oleh atasan langsung";
            case 7 -> "pernyataan tidak puas secara tertulis";
            case 11 -> "pemotongan tunjangan kinerja 25% selama 6 bulan (hukuman disiplin sedang)";
            case 14 -> "pemotongan tunjangan kinerja 25% selama 9 bulan";
            case 17 -> "pemotongan tunjangan kinerja 25% selama 12 bulan";
            case 21 -> "penurunan jabatan setingkat lebih rendah selama 12 bulan (hukuman disiplin berat)";
            case 25 -> "pembebasan dari jabatan menjadi jabatan pelaksana selama 12 bulan";
            default -> throw new IllegalArgumentException("Not a step of PP 94/2021: " + step);
        };
    }

    /** The next step above this many days, or null past the last. */
    static @Nullable Integer next(int days) {
        return ABSENCE.stream().filter(step -> step > days).findFirst().orElse(null);
    }

    /** A year's unexcused days so far, and the longest run of them over consecutive working days. */
    record Tally(int days, int longestRun) {}

    /**
     * Counts unexcused days: working days (in order) with neither a check-in nor an approved absence. Days that are
     * not working days are not in {@code workingDays}, so a weekend does not break a run.
     */
    static Tally tally(List<LocalDate> workingDays, Set<LocalDate> present, Set<LocalDate> excused) {
        int days = 0;
        int run = 0;
        int longest = 0;
        for (LocalDate day : workingDays) {
            if (present.contains(day) || excused.contains(day)) {
                run = 0;
                continue;
            }
            days++;
            run++;
            longest = Math.max(longest, run);
        }
        return new Tally(days, longest);
    }
}
