package id.fleksi.platform.calendar;

import id.fleksi.platform.tenancy.TenantCache;
import id.fleksi.platform.tenancy.TenantCode;
import id.fleksi.platform.tenancy.TenantContext;
import id.fleksi.platform.tenancy.TenantRegistry;
import id.fleksi.platform.tenancy.TenantSql;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The one place that says whether a date is a working day for a unit (and so for its employees), and its
 * hours. Reads everything it needs for a date range once ({@link #snapshot}), so a month for a whole tenant
 * costs a handful of queries.
 */
@Service
public class WorkingCalendar {

    private final JdbcClient jdbc;
    private final TenantRegistry registry;
    private final TenantCache cache;

    public WorkingCalendar(JdbcClient jdbc, TenantRegistry registry, TenantCache cache) {
        this.cache = cache;
        this.jdbc = jdbc;
        this.registry = registry;
    }

    /**
     * A year's national holidays and cuti bersama: platform data that only a migration changes, so each replica
     * keeps it for a few minutes rather than reading it on every check-in.
     */
    private Map<LocalDate, String[]> nationalHolidays(int year) {
        long now = System.nanoTime();
        NationalYear cached = nationalByYear.get(year);
        if (cached != null && now - cached.readAt() < NATIONAL_HOLIDAYS_KEPT.toNanos()) {
            return cached.days();
        }
        Map<LocalDate, String[]> days = new HashMap<>();
        jdbc.sql("select date, kind, name from platform.national_holiday where date between ? and ?")
                .param(LocalDate.of(year, 1, 1))
                .param(LocalDate.of(year, 12, 31))
                .query((rs, n) ->
                        days.put(rs.getObject(1, LocalDate.class), new String[] {rs.getString(2), rs.getString(3)}))
                .list();
        nationalByYear.put(year, new NationalYear(now, Map.copyOf(days)));
        return days;
    }

    private record NationalYear(long readAt, Map<LocalDate, String[]> days) {}

    private static final java.time.Duration NATIONAL_HOLIDAYS_KEPT = java.time.Duration.ofMinutes(5);
    private final Map<Integer, NationalYear> nationalByYear = new java.util.concurrent.ConcurrentHashMap<>();

    /** The answer for one unit and date, in the current tenant. */
    public WorkingDay of(@Nullable UUID unitId, LocalDate date) {
        return snapshot(date, date).of(unitId, date);
    }

    /** The answer for an employee: their unit's calendar. */
    public WorkingDay forEmployee(UUID employeeId, LocalDate date) {
        UUID unit = jdbc.sql(TenantSql.of("select unit_id from {employee} where id = ?"))
                .param(employeeId)
                .query(UUID.class)
                .optional()
                .orElseThrow(() -> id.fleksi.platform.problem.Problem.notFound(
                        "unknown-employee",
                        "Unknown employee",
                        "There is no employee " + employeeId + " in this tenant."));
        return of(unit, date);
    }

    /** Everything needed to answer for the current tenant between two dates (inclusive). */
    public Snapshot snapshot(LocalDate from, LocalDate to) {
        TenantCode tenant = TenantContext.require();
        ZoneId zone = registry.require(tenant).timeZone().zone();
        Map<LocalDate, String[]> national = new HashMap<>();
        for (int year = from.getYear(); year <= to.getYear(); year++) {
            national.putAll(nationalHolidays(year));
        }
        Kept kept = cache.get(tenant, "calendar", () -> read(tenant));
        List<LocalHoliday> local = kept.local().stream()
                .filter(h -> !h.date().isBefore(from) && !h.date().isAfter(to))
                .toList();
        List<Schedule> schedules = kept.schedules().stream()
                .filter(s -> s.kind() != ScheduleKind.RAMADAN
                        || (s.from() != null && s.to() != null && !s.from().isAfter(to) && !s.to().isBefore(from)))
                .toList();
        Map<UUID, UUID> parents = kept.parents();
        return new Snapshot(zone, national, local, parents, schedules);
    }

    /** The tenant's own calendar data, all of it: kept while the tenant's revision holds ({@link TenantCache}). */
    private record Kept(List<LocalHoliday> local, Map<UUID, UUID> parents, List<Schedule> schedules) {}

    private Kept read(TenantCode tenant) {
        List<LocalHoliday> local = jdbc.sql(TenantSql.in(tenant, "select date, name, unit_id from {local_holiday}"))
                .query((rs, n) -> new LocalHoliday(
                        rs.getObject(1, LocalDate.class), rs.getString(2), rs.getObject(3, UUID.class)))
                .list();
        Map<UUID, UUID> parents = new HashMap<>();
        jdbc.sql(TenantSql.in(tenant, "select id, parent_id from {org_unit}"))
                .query((rs, n) -> parents.put(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)))
                .list();
        List<Schedule> schedules = jdbc.sql(TenantSql.in(
                        tenant, "select unit_id, kind, valid_from, valid_to, days::text from" + " {work_schedule}"))
                .query((rs, n) -> schedule(
                        rs.getObject(1, UUID.class),
                        ScheduleKind.valueOf(rs.getString(2)),
                        rs.getObject(3, LocalDate.class),
                        rs.getObject(4, LocalDate.class),
                        rs.getString(5)))
                .list();
        return new Kept(List.copyOf(local), java.util.Collections.unmodifiableMap(parents), List.copyOf(schedules));
    }

    private static Schedule schedule(
            @Nullable UUID unit, ScheduleKind kind, @Nullable LocalDate from, @Nullable LocalDate to, String days) {
        return kind == ScheduleKind.SHIFT
                ? new Schedule(
                        unit,
                        kind,
                        from,
                        to,
                        null,
                        StoredDays.shifts(Objects.requireNonNull(from, "a shift rotation has its first day"), days))
                : new Schedule(unit, kind, from, to, StoredDays.week(days), null);
    }

    /** REGULAR weekly hours; RAMADAN weekly hours between two dates; SHIFT a rotation from an anchor date. */
    public enum ScheduleKind {
        REGULAR,
        RAMADAN,
        SHIFT
    }

    record LocalHoliday(
            LocalDate date, String name, @Nullable UUID unitId) {}

    record Schedule(
            @Nullable UUID unitId,
            ScheduleKind kind,
            @Nullable LocalDate from,
            @Nullable LocalDate to,
            @Nullable WeekSchedule week,
            @Nullable ShiftPattern shifts) {
        boolean appliesOn(LocalDate date) {
            return kind != ScheduleKind.RAMADAN || (!date.isBefore(from) && !date.isAfter(to));
        }
    }

    /** The calendar of one tenant over a date range, in memory. */
    public static final class Snapshot {

        private final ZoneId zone;
        private final Map<LocalDate, String[]> national;
        private final List<LocalHoliday> local;
        private final Map<UUID, UUID> parents;
        private final List<Schedule> schedules;

        Snapshot(
                ZoneId zone,
                Map<LocalDate, String[]> national,
                List<LocalHoliday> local,
                Map<UUID, UUID> parents,
                List<Schedule> schedules) {
            this.zone = zone;
            this.national = national;
            this.local = local;
            this.parents = parents;
            this.schedules = schedules;
        }

        public WorkingDay of(@Nullable UUID unitId, LocalDate date) {
            List<@Nullable UUID> chain = chain(unitId);
            Schedule schedule = scheduleFor(chain, date);
            if (schedule != null && schedule.kind() == ScheduleKind.SHIFT) {
                DayHours shift =
                        Objects.requireNonNull(schedule.shifts()).on(date); // a SHIFT schedule has its rotation
                return shift == null
                        ? new WorkingDay(date, DayKind.SHIFT_REST, "Rest day of the shift rotation", null, false, zone)
                        : new WorkingDay(date, DayKind.WORKDAY, "Shift", shift, false, zone);
            }
            WeekSchedule week = schedule == null
                    ? WeekSchedule.perpres21of2023()
                    : Objects.requireNonNull(schedule.week()); // a REGULAR or RAMADAN schedule has its week
            boolean ramadan = schedule != null && schedule.kind() == ScheduleKind.RAMADAN;
            String[] holiday = national.get(date);
            if (holiday != null) {
                DayKind kind = holiday[0].equals("CUTI_BERSAMA") ? DayKind.CUTI_BERSAMA : DayKind.NATIONAL_HOLIDAY;
                return new WorkingDay(date, kind, holiday[1], null, ramadan, zone);
            }
            for (LocalHoliday localHoliday : local) {
                if (localHoliday.date().equals(date)
                        && (localHoliday.unitId() == null || chain.contains(localHoliday.unitId()))) {
                    return new WorkingDay(date, DayKind.LOCAL_HOLIDAY, localHoliday.name(), null, ramadan, zone);
                }
            }
            DayHours hours = week.on(date.getDayOfWeek());
            if (hours == null) {
                return new WorkingDay(
                        date, DayKind.WEEKEND, "No office hours on " + date.getDayOfWeek(), null, ramadan, zone);
            }
            return new WorkingDay(
                    date, DayKind.WORKDAY, ramadan ? "Ramadan hours" : "Office hours", hours, ramadan, zone);
        }

        /** The unit, its parent, ... up to the OPD, then the tenant (null). */
        private List<@Nullable UUID> chain(@Nullable UUID unitId) {
            List<@Nullable UUID> chain = new ArrayList<>();
            @Nullable UUID current = unitId;
            while (current != null && !chain.contains(current)) {
                chain.add(current);
                current = parents.get(current);
            }
            chain.add(null);
            return chain;
        }

        /** The nearest unit's schedule that applies on the date; at one level, Ramadan hours win over regular ones. */
        private @Nullable Schedule scheduleFor(List<@Nullable UUID> chain, LocalDate date) {
            for (UUID level : chain) {
                Schedule regular = null;
                for (Schedule schedule : schedules) {
                    if (java.util.Objects.equals(schedule.unitId(), level) && schedule.appliesOn(date)) {
                        if (schedule.kind() == ScheduleKind.RAMADAN) {
                            return schedule;
                        }
                        regular = schedule;
                    }
                }
                if (regular != null) {
                    return regular;
                }
            }
            return null;
        }
    }
}
