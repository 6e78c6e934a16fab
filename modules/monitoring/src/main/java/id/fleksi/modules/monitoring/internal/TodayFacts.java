package id.fleksi.modules.monitoring.internal;

import id.fleksi.modules.attendance.AttendanceHours;
import id.fleksi.platform.calendar.WorkingCalendar;
import id.fleksi.platform.tenancy.Tenant;
import id.fleksi.platform.tenancy.TenantSql;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads a tenant's day for the live view: its units, and each employee's standing today. Four statements whatever the
 * tenant's size, in one read-only transaction, each reaching the day's rows by date (today's check-ins through
 * {@code ix_check_in_work_date_brin}, approved absences through {@code ix_absence_approved_to_date}, the previous working
 * day's reports through {@code ix_report_day_work_date}), so the cost follows the number of employees, not the history
 * (but for the reports' activities, probed per report day: see docs/benchmarks.md).
 */
@Component
public class TodayFacts {

    /** How far back the previous working day is looked for (a long holiday, Lebaran with cuti bersama). */
    private static final int LOOK_BACK_DAYS = 14;

    public record Unit(
            UUID id,
            @Nullable UUID parentId,
            String code,
            String name,
            String kind,
            @Nullable UUID headId) {}

    /** The tenant's day: its units and its people, as read at {@code asOf}. */
    public record Day(LocalDate date, ZonedDateTime asOf, List<Unit> units, List<Person> people) {}

    private final JdbcClient jdbc;
    private final WorkingCalendar calendar;
    private final AttendanceHours hours;
    private final Clock clock;
    private final TransactionTemplate reading;

    TodayFacts(JdbcClient jdbc, WorkingCalendar calendar, AttendanceHours hours, Clock clock, DataSource dataSource) {
        this.reading = new TransactionTemplate(new JdbcTransactionManager(dataSource));
        this.reading.setReadOnly(true);
        this.reading.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.hours = hours;
        this.clock = clock;
    }

    /** Today in the tenant's time zone, so far. Runs with the tenant set. */
    public Day today(Tenant tenant) {
        ZonedDateTime now = clock.instant().atZone(tenant.timeZone().zone());
        LocalDate day = now.toLocalDate();
        boolean windowClosed =
                now.toLocalTime().isAfter(hours.checkInWindow(tenant.code()).to());
        LocalDate from = day.minusDays(LOOK_BACK_DAYS);
        WorkingCalendar.Snapshot days = calendar.snapshot(from, day);
        // The statements in one read-only transaction: one snapshot of the day, and no JIT. A year of check-ins makes
        // the planner's estimate of today's BRIN scan large enough (cost above jit_above_cost) that PostgreSQL
        // compiled the people statement each time, 40-90 ms for a statement that runs in 50; a week's did not.
        return reading.execute(tx -> {
            jdbc.sql("set local jit = off").update();
            return read(tenant, now, windowClosed, days);
        });
    }

    private Day read(Tenant tenant, ZonedDateTime now, boolean windowClosed, WorkingCalendar.Snapshot days) {
        LocalDate day = now.toLocalDate();
        List<Unit> units = jdbc.sql(
                        TenantSql.of("select id, parent_id, code, name, kind, head_employee_id from {org_unit}"))
                .query((rs, n) -> new Unit(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getObject(6, UUID.class)))
                .list();
        Map<UUID, Optional<LocalDate>> previousByUnit = new HashMap<>();
        units.forEach(u -> previousByUnit.put(u.id(), Optional.ofNullable(previousWorkingDay(days, u.id(), day))));
        // Only the previous working days' reports (one day, unless units keep different calendars): the 14 days before
        // today were 10 times the rows, each with its activities probed, and the reports are read by date
        // (ix_report_day_work_date), not through every employee's history.
        List<LocalDate> previousDays = previousByUnit.values().stream()
                .flatMap(Optional::stream)
                .distinct()
                .sorted()
                .toList();
        Map<UUID, List<Object[]>> absences = new HashMap<>();
        // The approved absences reaching into the days asked about (today, and the units' previous working days for
        // the reports), by date (ix_absence_approved_to_date): not the 14 days looked back over, whose rows grow with
        // the history until the first 14 days of it are there.
        LocalDate since = previousDays.isEmpty() ? day : previousDays.get(0);
        jdbc.sql(TenantSql.of("select a.employee_id, a.kind, a.from_date, a.to_date from {employee} e"
                        + " join {attendance_absence} a on a.employee_id = e.id and a.to_date >= ? and a.from_date <= ?"
                        + " and a.status = 'APPROVED'"))
                .params(since, day)
                .query((rs, n) -> absences.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                        .add(new Object[] {
                            rs.getString(2),
                            rs.getDate(3).toLocalDate(),
                            rs.getDate(4).toLocalDate()
                        }))
                .list();
        Set<String> filed = new HashSet<>();
        if (!previousDays.isEmpty()) {
            jdbc.sql(TenantSql.of("select r.employee_id, r.work_date from {report_day} r"
                            + " where r.work_date between ? and ? and r.activities > 0"))
                    .params(previousDays.get(0), previousDays.get(previousDays.size() - 1))
                    .query((rs, n) -> filed.add(
                            rs.getObject(1, UUID.class) + "@" + rs.getDate(2).toLocalDate()))
                    .list();
        }

        Map<UUID, Boolean> workingToday = new HashMap<>();
        // Today's check-ins and standing check-outs in one pass (ix_check_in_work_date_brin), one row per employee: one
        // scan of the day's blocks instead of one per kind.
        List<Person> people = jdbc.sql(TenantSql.of("""
                        select e.id, e.unit_id, e.name, e.nip, e.start_date, e.status <> 'RETIRED' as serving,
                            d.work_mode, d.minutes_late, d.captured_at, coalesce(d.flagged, false) as flagged
                        from {employee} e
                        left join (
                            select employee_id,
                                max(work_mode) filter (where kind = 'IN') as work_mode,
                                max(minutes_late) filter (where kind = 'IN') as minutes_late,
                                max(captured_at) filter (where kind = 'IN') as captured_at,
                                bool_or(cardinality(flags) > 0) as flagged
                            from {attendance_check_in}
                            where work_date = ? and (kind = 'IN' or not superseded)
                            group by employee_id
                        ) d on d.employee_id = e.id
                        order by e.name"""))
                .param(day)
                .query((rs, n) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    UUID unit = rs.getObject("unit_id", UUID.class);
                    Date start = rs.getDate("start_date");
                    boolean serving = rs.getBoolean("serving");
                    boolean working = workingToday.computeIfAbsent(
                            unit, u -> days.of(u, day).isWorking());
                    boolean expected = serving
                            && working
                            && (start == null || !start.toLocalDate().isAfter(day));
                    List<Object[]> away = absences.getOrDefault(id, List.of());
                    String excuse = excuse(away, day);
                    String mode = rs.getString("work_mode");
                    Timestamp at = rs.getTimestamp("captured_at");
                    LocalDate previous = previousByUnit
                            .computeIfAbsent(unit, u -> Optional.ofNullable(previousWorkingDay(days, u, day)))
                            .orElse(null);
                    boolean reportDue = previous != null
                            && serving
                            && (start == null || !start.toLocalDate().isAfter(previous))
                            && excuse(away, previous) == null;
                    return new Person(
                            id,
                            unit,
                            rs.getString("name"),
                            rs.getString("nip"),
                            Standing.of(mode, expected, excuse, windowClosed),
                            expected,
                            excuse,
                            rs.getInt("minutes_late"),
                            at == null ? null : at.toInstant(),
                            rs.getBoolean("flagged"),
                            reportDue,
                            reportDue && filed.contains(id + "@" + previous));
                })
                .list();
        return new Day(day, now, units, people);
    }

    private static @Nullable String excuse(List<Object[]> absences, LocalDate date) {
        for (Object[] a : absences) {
            if (!date.isBefore((LocalDate) a[1]) && !date.isAfter((LocalDate) a[2])) {
                return (String) a[0];
            }
        }
        return null;
    }

    private static @Nullable LocalDate previousWorkingDay(WorkingCalendar.Snapshot days, UUID unit, LocalDate day) {
        for (int back = 1; back <= LOOK_BACK_DAYS; back++) {
            LocalDate date = day.minusDays(back);
            if (days.of(unit, date).isWorking()) {
                return date;
            }
        }
        return null;
    }
}
