package id.fleksi.modules.monitoring.internal;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * A person's (or a group's) attendance and output over some days, as a digest counts them. Each working day is exactly
 * one of present, excused, absent, or not yet over (today), so {@code present + excused + absent <= workingDays} but
 * for check-ins on days off, which count as present. Excused days are split by the absence's kind.
 *
 * @param workingDays days the person was expected: a working day of their unit, serving (started, not retired)
 * @param present days with a check-in, by its work mode ({@code wfo}, {@code wfa}, {@code dinasLuar})
 * @param lateDays days checked in late, and {@code minutesLate} the minutes over all of them
 * @param excused working days without a check-in covered by an approved absence, by kind (izin, sakit, cuti, dinas luar)
 * @param absent past working days with neither a check-in nor an approved absence
 * @param reportDays days with at least one activity reported, and {@code activities} how many activities in all
 */
@Schema(name = "MonitoringDigestTally")
public record Tally(
        int workingDays,
        int present,
        int wfo,
        int wfa,
        int dinasLuar,
        int lateDays,
        int minutesLate,
        int excused,
        int izin,
        int sakit,
        int cuti,
        int dinasLuarExcused,
        int absent,
        int reportDays,
        int activities) {

    public static final Tally NONE = new Tally(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** The values in the order of {@link #COLUMNS}, for a table or a sheet. */
    public int[] values() {
        return new int[] {
            workingDays,
            present,
            wfo,
            wfa,
            dinasLuar,
            lateDays,
            minutesLate,
            excused,
            izin,
            sakit,
            cuti,
            dinasLuarExcused,
            absent,
            reportDays,
            activities
        };
    }

    /** The names of the values, as message keys end ({@code digest.col.<name>}) and as the JSON names them. */
    public static final java.util.List<String> COLUMNS = java.util.List.of(
            "workingDays",
            "present",
            "wfo",
            "wfa",
            "dinasLuar",
            "lateDays",
            "minutesLate",
            "excused",
            "izin",
            "sakit",
            "cuti",
            "dinasLuarExcused",
            "absent",
            "reportDays",
            "activities");

    public Tally plus(Tally o) {
        return new Tally(
                workingDays + o.workingDays,
                present + o.present,
                wfo + o.wfo,
                wfa + o.wfa,
                dinasLuar + o.dinasLuar,
                lateDays + o.lateDays,
                minutesLate + o.minutesLate,
                excused + o.excused,
                izin + o.izin,
                sakit + o.sakit,
                cuti + o.cuti,
                dinasLuarExcused + o.dinasLuarExcused,
                absent + o.absent,
                reportDays + o.reportDays,
                activities + o.activities);
    }

    /**
     * One day of one person.
     *
     * @param working whether the day was expected of them
     * @param mode the check-in's work mode ({@code WFO}, {@code WFA}, {@code DL}), null without one
     * @param excuse the kind of approved absence covering the day, null without one
     * @param over whether the day is over (before today): only then can it be absent
     */
    static Tally day(
            boolean working,
            @Nullable String mode,
            int minutesLate,
            @Nullable String excuse,
            boolean over,
            int activities) {
        boolean in = mode != null;
        String kind = working && !in ? excuse : null;
        return new Tally(
                one(working),
                one(in),
                one("WFO".equals(mode)),
                one("WFA".equals(mode)),
                one("DL".equals(mode)),
                one(in && minutesLate > 0),
                in ? Math.max(minutesLate, 0) : 0,
                one(kind != null),
                one("IZIN".equals(kind)),
                one("SAKIT".equals(kind)),
                one("CUTI".equals(kind)),
                one("DINAS_LUAR".equals(kind)),
                one(working && !in && kind == null && over),
                one(activities > 0),
                activities);
    }

    private static int one(boolean yes) {
        return yes ? 1 : 0;
    }
}
