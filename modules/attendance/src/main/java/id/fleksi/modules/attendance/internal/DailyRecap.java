package id.fleksi.modules.attendance.internal;

import id.fleksi.platform.calendar.WorkingCalendar;
import id.fleksi.platform.tenancy.TenantContext;
import id.fleksi.platform.tenancy.TenantRegistry;
import id.fleksi.platform.tenancy.TenantSql;
import id.fleksi.platform.wording.HoursAndMinutes;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What each day was for an employee: present (with lateness, early leave, flags), excused by an approved
 * absence, absent, not a working day, or still to come (a coming working day is to come even when an approved
 * absence covers it; today is to come until it is checked in or excused). One reading for the employee, the supervisor and BKD.
 */
@Component
public class DailyRecap {

    public enum Status {
        PRESENT,
        EXCUSED,
        ABSENT,
        NOT_A_WORKING_DAY,
        TO_COME
    }

    /** A day; {@code workingDay} as the calendar has it (a check-in on a holiday is present on a day that is not one). */
    public record Day(
            LocalDate date,
            Status status,
            String detail,
            String workMode,
            int minutesLate,
            int minutesEarly,
            boolean checkedOut,
            String flags,
            Instant checkedInAt,
            Instant checkedOutAt,
            boolean workingDay) {

        public HoursAndMinutes late() {
            return HoursAndMinutes.of(minutesLate);
        }

        public HoursAndMinutes early() {
            return HoursAndMinutes.of(minutesEarly);
        }
    }

    /**
     * A month in figures, as a rekap kehadiran gives it: working days so far and still to come; of those so far, the
     * days present (by work mode), excused and absent; late arrivals and early leaves with their minutes; days
     * present without a check-out. A check-in on a day that is not a working day is counted as present, not as a
     * working day.
     */
    public record Month(
            YearMonth month,
            long workingDaysSoFar,
            long workingDaysToCome,
            long present,
            Map<String, Long> presentByMode,
            long excused,
            long absent,
            long lateDays,
            int minutesLate,
            long earlyDays,
            int minutesEarly,
            long withoutCheckOut,
            List<Day> days) {

        public static Month of(YearMonth month, List<Day> days, LocalDate today) {
            List<Day> present =
                    days.stream().filter(d -> d.status() == Status.PRESENT).toList();
            return new Month(
                    month,
                    days.stream()
                            .filter(d -> d.workingDay() && d.status() != Status.TO_COME)
                            .count(),
                    count(days, Status.TO_COME),
                    present.size(),
                    present.stream()
                            .collect(Collectors.groupingBy(
                                    Day::workMode, java.util.TreeMap::new, Collectors.counting())),
                    count(days, Status.EXCUSED),
                    count(days, Status.ABSENT),
                    present.stream().filter(d -> d.minutesLate() > 0).count(),
                    present.stream().mapToInt(Day::minutesLate).sum(),
                    present.stream().filter(d -> d.minutesEarly() > 0).count(),
                    present.stream().mapToInt(Day::minutesEarly).sum(),
                    present.stream()
                            .filter(d -> !d.checkedOut() && d.date().isBefore(today))
                            .count(),
                    days);
        }

        public HoursAndMinutes late() {
            return HoursAndMinutes.of(minutesLate);
        }

        public HoursAndMinutes early() {
            return HoursAndMinutes.of(minutesEarly);
        }

        private static long count(List<Day> days, Status status) {
            return days.stream().filter(d -> d.status() == status).count();
        }
    }

    public record TeamMember(String username, String name, Day day) {}

    private final JdbcClient jdbc;
    private final WorkingCalendar calendar;
    private final TenantRegistry registry;
    private final Clock clock;

    DailyRecap(JdbcClient jdbc, WorkingCalendar calendar, TenantRegistry registry, Clock clock) {
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.registry = registry;
        this.clock = clock;
    }

    /** Each of the supervisor's direct staff (not retired) on a date: five statements, whatever the team's size. */
    public List<TeamMember> team(String supervisorUsername, LocalDate date) {
        List<Member> staff = staff(supervisorUsername);
        Map<UUID, List<Day>> days = of(staff.stream().map(Member::id).toList(), date, date);
        return staff.stream()
                .map(m ->
                        new TeamMember(m.username(), m.name(), days.get(m.id()).get(0)))
                .toList();
    }

    public record TeamMonth(String username, String name, Month month) {}

    /** Each of the supervisor's direct staff (not retired) over a month, in figures and day by day; read as {@link #team}. */
    public List<TeamMonth> team(String supervisorUsername, YearMonth month) {
        List<Member> staff = staff(supervisorUsername);
        Map<UUID, List<Day>> days = of(staff.stream().map(Member::id).toList(), month.atDay(1), month.atEndOfMonth());
        LocalDate today = today();
        return staff.stream()
                .map(m -> new TeamMonth(m.username(), m.name(), Month.of(month, days.get(m.id()), today)))
                .toList();
    }

    private record Member(UUID id, String username, String name) {}

    private List<Member> staff(String supervisorUsername) {
        return jdbc.sql(TenantSql.of("select e.id, e.username, e.name from {employee} e join {employee} s"
                        + " on s.id = e.supervisor_id where s.username = ? and e.status <> 'RETIRED' order by e.name"))
                .param(supervisorUsername)
                .query((rs, n) -> new Member(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3)))
                .list();
    }

    private LocalDate today() {
        return clock.instant()
                .atZone(registry.find(TenantContext.require())
                        .orElseThrow()
                        .timeZone()
                        .zone())
                .toLocalDate();
    }

    public List<Day> of(UUID employee, LocalDate from, LocalDate to) {
        return of(List.of(employee), from, to).get(employee);
    }

    /** Each employee's days between two dates, read in one statement per kind of fact. */
    Map<UUID, List<Day>> of(List<UUID> employees, LocalDate from, LocalDate to) {
        Map<UUID, List<Day>> recap = new HashMap<>();
        if (employees.isEmpty()) {
            return recap;
        }
        var tenant = TenantContext.require();
        UUID[] ids = employees.toArray(UUID[]::new);
        LocalDate today = today();
        Map<UUID, UUID> units = new HashMap<>();
        Map<UUID, LocalDate> starts = new HashMap<>();
        jdbc.sql(TenantSql.in(tenant, "select id, unit_id, start_date from {employee} where id = any(?)"))
                .param(ids)
                .query((rs, n) -> {
                    UUID id = rs.getObject(1, UUID.class);
                    starts.put(id, rs.getObject(3, LocalDate.class));
                    return units.put(id, rs.getObject(2, UUID.class));
                })
                .list();
        WorkingCalendar.Snapshot days = calendar.snapshot(from, to);
        Map<UUID, Map<LocalDate, Map<String, Object>>> ins = new HashMap<>();
        Map<UUID, Map<LocalDate, Map<String, Object>>> outs = new HashMap<>();
        jdbc.sql(TenantSql.in(
                        tenant,
                        // By kind, so that each half reads its own (employee, date) index: without the kind, the
                        // employee's every check-in since they started was read and filtered (bench/history).
                        "select employee_id, work_date, kind, work_mode, minutes_late, minutes_early,"
                                + " array_to_string(flags, ',') as flags, captured_at from {attendance_check_in}"
                                + " where employee_id = any(?) and work_date between ? and ? and kind = 'IN'"
                                + " and not superseded union all"
                                + " select employee_id, work_date, kind, work_mode, minutes_late, minutes_early,"
                                + " array_to_string(flags, ',') as flags, captured_at from {attendance_check_in}"
                                + " where employee_id = any(?) and work_date between ? and ? and kind = 'OUT'"
                                + " and not superseded"))
                .param(ids)
                .param(from)
                .param(to)
                .param(ids)
                .param(from)
                .param(to)
                .query()
                .listOfRows()
                .forEach(row -> (row.get("kind").equals("IN") ? ins : outs)
                        .computeIfAbsent((UUID) row.get("employee_id"), k -> new HashMap<>())
                        .put(((java.sql.Date) row.get("work_date")).toLocalDate(), row));
        Map<UUID, List<Map<String, Object>>> absences = new HashMap<>();
        jdbc.sql(
                        TenantSql.in(
                                tenant,
                                "select employee_id, kind, from_date, to_date from {attendance_absence}"
                                        + " where employee_id = any(?) and status = 'APPROVED' and from_date <= ? and to_date >= ?"))
                .param(ids)
                .param(to)
                .param(from)
                .query()
                .listOfRows()
                .forEach(row -> absences.computeIfAbsent((UUID) row.get("employee_id"), k -> new ArrayList<>())
                        .add(row));
        for (UUID employee : employees) {
            List<Day> list = new ArrayList<>();
            for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
                Map<String, Object> in = ins.getOrDefault(employee, Map.of()).get(date);
                LocalDate start = starts.get(employee);
                list.add(
                        in == null && start != null && date.isBefore(start)
                                ? RecapDay.notYetEmployed(date)
                                : RecapDay.of(
                                        date,
                                        days.of(units.get(employee), date),
                                        in,
                                        outs.getOrDefault(employee, Map.of()).get(date),
                                        RecapDay.excuse(absences.getOrDefault(employee, List.of()), date),
                                        today));
            }
            recap.put(employee, list);
        }
        return recap;
    }

    /** The employee's month, day by day and in figures. */
    public Month month(UUID employee, YearMonth month) {
        return Month.of(month, of(employee, month.atDay(1), month.atEndOfMonth()), today());
    }
}
