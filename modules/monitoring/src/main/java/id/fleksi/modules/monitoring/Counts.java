package id.fleksi.modules.monitoring;

import id.fleksi.modules.monitoring.internal.Person;
import id.fleksi.modules.monitoring.internal.Standing;

/**
 * A group's day in counts: the whole pemda, an OPD with its sub-units, a unit. {@code expected} are the people for whom
 * today is a working day; each of them is in exactly one of checked in, excused, not yet in and absent, so those add up
 * to {@code expected} (plus anyone who checked in on a day off). Reports are yesterday's: of those expected on their
 * previous working day, who filed at least one activity for it.
 */
public record Counts(
        int expected,
        int checkedIn,
        int wfo,
        int wfa,
        int dinasLuar,
        int late,
        int excused,
        int izin,
        int sakit,
        int cuti,
        int dinasLuarExcused,
        int notYetIn,
        int absent,
        int flagged,
        int reportsDue,
        int reportsFiled) {

    static final Counts NONE = new Counts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** The share of the expected who checked in, in whole percent (0 when nobody is expected). */
    public int presentPercent() {
        return expected == 0 ? 0 : Math.round(100f * Math.min(checkedIn, expected) / expected);
    }

    /** The share of yesterday's due reports that were filed, in whole percent (100 when none was due). */
    public int reportsPercent() {
        return reportsDue == 0 ? 100 : Math.round(100f * reportsFiled / reportsDue);
    }

    /** A segment of a unit's bar: its part of the group, as a share of the bar's width in percent. */
    public record Segment(String part, int count, double x, double width) {}

    /**
     * The unit's bar, looked at before it is read: checked in (WFO, WFA, dinas luar), excused, not yet in, absent, each
     * a share of everyone expected (or checked in, on a day off).
     */
    public java.util.List<Segment> bar() {
        int[] parts = {wfo, wfa, dinasLuar, excused, notYetIn, absent};
        String[] names = {"wfo", "wfa", "dl", "excused", "not-yet", "absent"};
        int whole = java.util.Arrays.stream(parts).sum();
        java.util.List<Segment> bar = new java.util.ArrayList<>();
        double x = 0;
        for (int i = 0; i < parts.length; i++) {
            double width = whole == 0 ? 0 : 100.0 * parts[i] / whole;
            bar.add(new Segment(names[i], parts[i], x, width));
            x += width;
        }
        return bar;
    }

    Counts plus(Person p) {
        Standing s = p.standing();
        boolean in = s.checkedIn();
        boolean expectedToday = p.expected();
        return new Counts(
                expected + one(expectedToday),
                checkedIn + one(in),
                wfo + one(s == Standing.WFO),
                wfa + one(s == Standing.WFA),
                dinasLuar + one(s == Standing.DINAS_LUAR),
                late + one(in && p.minutesLate() > 0),
                excused + one(s == Standing.EXCUSED),
                izin + excusedAs(p, "IZIN"),
                sakit + excusedAs(p, "SAKIT"),
                cuti + excusedAs(p, "CUTI"),
                dinasLuarExcused + excusedAs(p, "DINAS_LUAR"),
                notYetIn + one(s == Standing.NOT_YET_IN),
                absent + one(s == Standing.ABSENT),
                flagged + one(p.flagged()),
                reportsDue + one(p.reportDue()),
                reportsFiled + one(p.reportDue() && p.reportFiled()));
    }

    Counts plus(Counts o) {
        return new Counts(
                expected + o.expected,
                checkedIn + o.checkedIn,
                wfo + o.wfo,
                wfa + o.wfa,
                dinasLuar + o.dinasLuar,
                late + o.late,
                excused + o.excused,
                izin + o.izin,
                sakit + o.sakit,
                cuti + o.cuti,
                dinasLuarExcused + o.dinasLuarExcused,
                notYetIn + o.notYetIn,
                absent + o.absent,
                flagged + o.flagged,
                reportsDue + o.reportsDue,
                reportsFiled + o.reportsFiled);
    }

    private static int excusedAs(Person p, String kind) {
        return one(p.standing() == Standing.EXCUSED && kind.equals(p.absenceKind()));
    }

    private static int one(boolean yes) {
        return yes ? 1 : 0;
    }
}
