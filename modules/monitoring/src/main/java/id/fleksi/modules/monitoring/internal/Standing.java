package id.fleksi.modules.monitoring.internal;

import org.jspecify.annotations.Nullable;

/**
 * Where one person stands today, as the live view counts them. Judged from facts alone ({@link #of}), so the rules are
 * tested without a database.
 */
public enum Standing {
    /** Checked in, by the work mode the check-in was judged in. */
    WFO,
    WFA,
    DINAS_LUAR,
    /** An approved absence covers the day (izin, sakit, cuti or dinas luar without a check-in). */
    EXCUSED,
    /** Expected, no check-in yet, and the check-in window is still open. */
    NOT_YET_IN,
    /** Expected, no check-in, no excuse, and the check-in window has closed. */
    ABSENT,
    /** Not expected today: not a working day for their unit, or not serving (retired, or not started yet). */
    OFF;

    public boolean checkedIn() {
        return this == WFO || this == WFA || this == DINAS_LUAR;
    }

    /**
     * The rules, in order: a check-in counts whatever the day (a holiday's check-in is present); then someone not
     * expected is off; then an approved absence excuses; then the window decides between "not yet" and "absent".
     *
     * @param workMode the check-in's work mode ({@code WFO}, {@code WFA}, {@code DL}), null without a check-in
     * @param absenceKind the approved absence covering the day, null without one
     */
    static Standing of(
            @Nullable String workMode, boolean expected, @Nullable String absenceKind, boolean windowClosed) {
        if (workMode != null) {
            return switch (workMode) {
                case "WFA" -> WFA;
                case "DL" -> DINAS_LUAR;
                default -> WFO;
            };
        }
        if (!expected) {
            return OFF;
        }
        if (absenceKind != null) {
            return EXCUSED;
        }
        return windowClosed ? ABSENT : NOT_YET_IN;
    }
}
