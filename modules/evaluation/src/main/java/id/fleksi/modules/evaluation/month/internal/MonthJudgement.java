package id.fleksi.modules.evaluation.month.internal;

import id.fleksi.modules.evaluation.EmployeeMonth;
import id.fleksi.modules.evaluation.EmployeeMonth.DeductionLine;
import id.fleksi.modules.evaluation.rules.RuleSet;
import id.fleksi.platform.calendar.WorkingDay;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One employee's month judged day by day, each day by the rules in force on it: no database, no clock of its own.
 * Lateness and early leave are the minutes attendance recorded on the check-in and check-out (judged then by the day's
 * schedule, Ramadan hours and flexible hours); this only puts them in the Perbup's bands. Days after {@code today} are
 * counted as working days and nothing else; today is never absent yet.
 */
final class MonthJudgement {

    static final String LATE = "LATE";
    static final String EARLY_LEAVE = "EARLY_LEAVE";
    static final String UNEXCUSED = "UNEXCUSED";
    static final String NO_APEL = "NO_APEL";
    static final String NO_REPORT = "NO_REPORT";

    /** What the judgement needs of a day besides the facts. */
    record Day(
            LocalDate date, WorkingDay calendar, @Nullable RuleSet rules, int apelsOnDay) {}

    private final LocalDate today;
    private int workingDays;
    private int presentWfo;
    private int presentWfa;
    private int presentDinasLuar;
    private int lateDays;
    private int lateMinutes;
    private int earlyDays;
    private int earlyMinutes;
    private final Map<String, Integer> absences = new TreeMap<>();
    private int unexcused;
    private int apelsHeld;
    private int apelsAttended;
    private int reportsDue;
    private int reportsFiled;
    private int reportsApproved;
    private int activities;
    private final List<DeductionLine> lines = new ArrayList<>();
    private final TreeSet<Integer> versions = new TreeSet<>();
    private @Nullable RuleSet last;

    MonthJudgement(LocalDate today) {
        this.today = today;
    }

    /** Judges one day of the employee's, given what attendance, reports and the apel recorded. */
    void day(
            Day day,
            MonthFacts.@Nullable Mark in,
            MonthFacts.@Nullable Mark out,
            MonthFacts.@Nullable Absence absence,
            boolean atApel,
            MonthFacts.@Nullable Report report) {
        if (!day.calendar().isWorking()) {
            return; // a check-in on a holiday or weekend is neither owed nor deducted
        }
        workingDays++;
        LocalDate date = day.date();
        if (date.isAfter(today)) {
            return;
        }
        RuleSet rules = day.rules();
        if (rules != null) {
            last = rules;
        }
        if (in == null) {
            if (absence != null) {
                if ("DINAS_LUAR".equals(absence.kind())) {
                    presentDinasLuar++;
                } else {
                    absences.merge(absence.kind(), 1, Integer::sum);
                }
            } else if (date.isBefore(today)) {
                unexcused++;
                if (rules != null) {
                    add(date, rules, UNEXCUSED, "TK", 0, rules.unexcusedPercent(), "Tidak hadir tanpa keterangan");
                }
            }
            return;
        }
        switch (in.mode()) {
            case "WFA" -> presentWfa++;
            case "DL" -> presentDinasLuar++;
            default -> presentWfo++;
        }
        if (in.minutesLate() > 0) {
            lateDays++;
            lateMinutes += in.minutesLate();
        }
        if (out != null && out.minutesEarly() > 0) {
            earlyDays++;
            earlyMinutes += out.minutesEarly();
        }
        MonthFacts.Report filed = report == null ? new MonthFacts.Report(false, false, 0) : report;
        activities += filed.activities();
        boolean past = date.isBefore(today);
        if (past) {
            reportsDue++;
            reportsFiled += filed.filed() ? 1 : 0;
            reportsApproved += filed.approved() ? 1 : 0;
        }
        boolean excused = absence != null || "DL".equals(in.mode()) && rules != null && rules.dinasLuarExcuses();
        if (!excused) {
            apelsHeld += day.apelsOnDay();
            apelsAttended += atApel ? day.apelsOnDay() : 0;
        }
        if (rules == null || excused) {
            return;
        }
        late(date, rules, in.minutesLate(), out, day.calendar());
        if (out != null && out.minutesEarly() > 0) {
            banded(date, rules, EARLY_LEAVE, rules.earlyLeaveBands(), out.minutesEarly(), "Pulang sebelum waktu");
        } else if (out == null && past) {
            RuleSet.Band band = RuleSet.lastOf(rules.earlyLeaveBands());
            if (band != null) {
                add(date, rules, EARLY_LEAVE, band.code(), 0, band.percent(), "Tidak ada presensi pulang");
            }
        }
        if (day.apelsOnDay() > 0 && !atApel && rules.noApelPercent().signum() > 0) {
            add(date, rules, NO_APEL, "APEL", 0, rules.noApelPercent(), "Tidak mengikuti apel");
        }
        if (past && !filed.filed() && rules.noReportPercent().signum() > 0) {
            add(date, rules, NO_REPORT, "LKH", 0, rules.noReportPercent(), "Tidak ada laporan harian");
        }
    }

    /** Lateness in its band, unless made good by leaving later by as many minutes (where the rules allow it). */
    private void late(LocalDate date, RuleSet rules, int minutes, MonthFacts.@Nullable Mark out, WorkingDay calendar) {
        if (minutes <= 0) {
            return;
        }
        if (minutes <= rules.makeUpMinutes()
                && out != null
                && calendar.hours() != null
                && !calendar.hours().overnight()) {
            LocalTime left = out.at().atZone(calendar.zone()).toLocalTime();
            long later = Duration.between(calendar.hours().end(), left).toMinutes();
            if (later >= minutes) {
                RuleSet.Band band = RuleSet.bandOf(rules.lateBands(), minutes);
                lines.add(new DeductionLine(
                        date,
                        LATE,
                        band == null ? "" : band.code(),
                        minutes,
                        BigDecimal.ZERO,
                        rules.version(),
                        "Terlambat " + minutes + " menit, diganti pulang " + later + " menit lebih lambat: 0%"));
                versions.add(rules.version());
                return;
            }
        }
        banded(date, rules, LATE, rules.lateBands(), minutes, "Terlambat");
    }

    private void banded(
            LocalDate date, RuleSet rules, String rule, List<RuleSet.Band> bands, int minutes, String what) {
        RuleSet.Band band = RuleSet.bandOf(bands, minutes);
        if (band != null) {
            lines.add(new DeductionLine(
                    date,
                    rule,
                    band.code(),
                    minutes,
                    band.percent(),
                    rules.version(),
                    what + " " + minutes + " menit (" + band.range() + "): " + percent(band.percent())));
            versions.add(rules.version());
        }
    }

    private void add(
            LocalDate date, RuleSet rules, String rule, String band, int minutes, BigDecimal percent, String what) {
        lines.add(
                new DeductionLine(date, rule, band, minutes, percent, rules.version(), what + ": " + percent(percent)));
        versions.add(rules.version());
    }

    /** "0,5%", "1%", "1,25%": as a person writes a percentage in Indonesian. */
    static String percent(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString().replace('.', ',') + "%";
    }

    /** The month: the lines summed and cut at the cap of the last rules in force in it. */
    EmployeeMonth month(
            MonthFacts.Employee e,
            String unitName,
            UUID opdId,
            String opdName,
            YearMonth month,
            List<EmployeeMonth.Output> outputs,
            MonthFacts.@Nullable Rating rating) {
        BigDecimal sum = lines.stream().map(DeductionLine::percent).reduce(BigDecimal.ZERO, BigDecimal::add);
        boolean capped = last != null && sum.compareTo(last.capPercent()) > 0;
        BigDecimal total = (capped ? last.capPercent() : sum).stripTrailingZeros();
        if (total.scale() < 0) {
            total = total.setScale(0);
        }
        return new EmployeeMonth(
                e.id(),
                e.nip(),
                e.name(),
                e.unitId(),
                unitName,
                opdId,
                opdName,
                month,
                workingDays,
                presentWfo,
                presentWfa,
                presentDinasLuar,
                lateDays,
                lateMinutes,
                earlyDays,
                earlyMinutes,
                java.util.Collections.unmodifiableMap(new TreeMap<>(absences)),
                unexcused,
                apelsHeld,
                apelsAttended,
                reportsDue,
                reportsFiled,
                reportsApproved,
                activities,
                outputs,
                List.copyOf(lines),
                total,
                capped,
                List.copyOf(versions),
                rating == null ? null : rating.rating(),
                rating == null ? null : rating.note());
    }
}
