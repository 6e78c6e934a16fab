package id.fleksi.modules.attendance.internal;

import id.fleksi.modules.attendance.internal.DailyRecap.Day;
import id.fleksi.modules.attendance.internal.DailyRecap.Status;
import id.fleksi.platform.calendar.DayKind;
import id.fleksi.platform.calendar.WorkingDay;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** What one day was for an employee, decided from the facts {@link DailyRecap} read: no database. */
final class RecapDay {

    private RecapDay() {}

    /** The day from its check-in and check-out rows (either may be null), the calendar, and the absence excusing it. */
    static Day of(
            LocalDate date,
            WorkingDay calendarDay,
            Map<String, Object> in,
            Map<String, Object> out,
            String excuse,
            LocalDate today) {
        boolean working = calendarDay.isWorking();
        if (in != null) {
            String flags = String.join(
                    ",",
                    List.of(String.valueOf(in.get("flags")), out == null ? "" : String.valueOf(out.get("flags")))
                            .stream()
                            .filter(f -> !f.isBlank())
                            .toList());
            return new Day(
                    date,
                    Status.PRESENT,
                    calendarDay.reason(),
                    (String) in.get("work_mode"),
                    (Integer) in.get("minutes_late"),
                    out == null ? 0 : (Integer) out.get("minutes_early"),
                    out != null,
                    flags,
                    moment(in),
                    out == null ? null : moment(out),
                    working);
        }
        if (!working) { // a weekend inside a week of cuti is a weekend, not a day of leave
            return withoutCheckIn(
                    date,
                    Status.NOT_A_WORKING_DAY,
                    calendarDay.kind() == DayKind.WEEKEND ? "Weekend" : calendarDay.reason(),
                    false);
        }
        if (date.isAfter(
                today)) { // a coming day is to come, whatever covers it: an approved izin is not yet a day excused
            return withoutCheckIn(date, Status.TO_COME, excuse != null ? excuse : calendarDay.reason(), true);
        }
        if (excuse != null) {
            return withoutCheckIn(date, Status.EXCUSED, excuse, true);
        }
        if (date.equals(today)) {
            return withoutCheckIn(date, Status.TO_COME, calendarDay.reason(), true);
        }
        return withoutCheckIn(date, Status.ABSENT, "No check-in and no approved absence", true);
    }

    /** A day before the employee started, without a check-in: nothing was due, so neither absent nor a working day of theirs. */
    static Day notYetEmployed(LocalDate date) {
        return withoutCheckIn(date, Status.NOT_A_WORKING_DAY, "Before the employee started", false);
    }

    /** A day with no check-in: no work mode, no minutes late or early, no check-out, no flags, no times. */
    private static Day withoutCheckIn(LocalDate date, Status status, String detail, boolean workingDay) {
        return new Day(date, status, detail, null, 0, 0, false, "", null, null, workingDay);
    }

    private static Instant moment(Map<String, Object> row) {
        return ((java.sql.Timestamp) row.get("captured_at")).toInstant();
    }

    /** The kind of the approved absence that covers the date; null when none does. */
    static String excuse(List<Map<String, Object>> absences, LocalDate date) {
        for (Map<String, Object> absence : absences) {
            LocalDate from = ((java.sql.Date) absence.get("from_date")).toLocalDate();
            LocalDate to = ((java.sql.Date) absence.get("to_date")).toLocalDate();
            if (!date.isBefore(from) && !date.isAfter(to)) {
                return String.valueOf(absence.get("kind"));
            }
        }
        return null;
    }
}
