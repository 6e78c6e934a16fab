package id.fleksi.modules.evaluation.month.internal;

import id.fleksi.platform.tenancy.TenantSql;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What happened in a month to a batch of employees, read in one statement per kind of fact whatever the batch's size:
 * check-ins and check-outs (with the lateness and early leave attendance judged when they were made, by the schedule,
 * Ramadan hours and flexible hours of that day), approved absences, apel presence, daily reports, work-result plans
 * with their output, and the supervisor's ratings.
 */
final class MonthFacts {

    record Employee(
            UUID id,
            String nip,
            String name,
            UUID unitId,
            @Nullable UUID supervisorId,
            @Nullable LocalDate start) {}

    record Mark(String mode, int minutesLate, int minutesEarly, Instant at) {}

    record Absence(String kind, LocalDate from, LocalDate to) {}

    record Report(boolean filed, boolean approved, int activities) {}

    record Target(UUID id, String title, String unit, BigDecimal quantity, BigDecimal achieved) {}

    record Rating(int rating, @Nullable String note) {}

    /** An apel that counts in the evaluation: every week on a weekday, or once on a date; not before it was made. */
    record Apel(
            UUID id, @Nullable DayOfWeek weekday, @Nullable LocalDate date, LocalDate since) {

        boolean fallsOn(LocalDate day) {
            return !day.isBefore(since) && (date != null ? date.equals(day) : day.getDayOfWeek() == weekday);
        }
    }

    final Map<String, Mark> ins = new HashMap<>();
    final Map<String, Mark> outs = new HashMap<>();
    final Map<UUID, List<Absence>> absences = new HashMap<>();
    final Set<String> apelPresence = new HashSet<>();
    final Map<String, Report> reports = new HashMap<>();
    final Map<UUID, List<Target>> targets = new HashMap<>();
    final Map<UUID, Rating> ratings = new HashMap<>();

    static String key(UUID employee, LocalDate date) {
        return employee + "@" + date;
    }

    static List<Apel> apels(JdbcClient jdbc, java.time.ZoneId zone) {
        return jdbc.sql(TenantSql.of("select id, weekday, on_date, created_at from {monitoring_apel}"
                        + " where active and counts_in_evaluation"))
                .query((rs, n) -> new Apel(
                        rs.getObject(1, UUID.class),
                        rs.getString(2) == null ? null : DayOfWeek.valueOf(rs.getString(2)),
                        rs.getObject(3, LocalDate.class),
                        rs.getTimestamp(4).toInstant().atZone(zone).toLocalDate()))
                .list();
    }

    /** Seven statements for the batch and month. */
    static MonthFacts read(JdbcClient jdbc, List<Employee> batch, YearMonth month) {
        MonthFacts facts = new MonthFacts();
        if (batch.isEmpty()) {
            return facts;
        }
        UUID[] ids = batch.stream().map(Employee::id).toArray(UUID[]::new);
        LocalDate from = month.atDay(1);
        LocalDate to = month.atEndOfMonth();
        // A day's standing check-in and check-out (a superseded one only if nothing replaced it).
        jdbc.sql(TenantSql.of(
                        "select distinct on (employee_id, work_date, kind) employee_id, work_date, kind, work_mode,"
                                + " minutes_late, minutes_early, captured_at from {attendance_check_in}"
                                + " where employee_id = any(?) and work_date between ? and ?"
                                + " order by employee_id, work_date, kind, superseded,"
                                + " case when kind = 'IN' then captured_at end, captured_at desc"))
                .params(ids, from, to)
                .query((rs, n) -> ("IN".equals(rs.getString(3)) ? facts.ins : facts.outs)
                        .put(
                                key(rs.getObject(1, UUID.class), rs.getObject(2, LocalDate.class)),
                                new Mark(
                                        rs.getString(4),
                                        rs.getInt(5),
                                        rs.getInt(6),
                                        rs.getTimestamp(7).toInstant())))
                .list();
        jdbc.sql(
                        TenantSql.of(
                                "select employee_id, kind, from_date, to_date from {attendance_absence}"
                                        + " where employee_id = any(?) and status = 'APPROVED' and to_date >= ? and from_date <= ? order by from_date"))
                .params(ids, from, to)
                .query((rs, n) -> facts.absences
                        .computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                        .add(new Absence(
                                rs.getString(2), rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class))))
                .list();
        jdbc.sql(TenantSql.of(
                        "select p.employee_id, p.day from {monitoring_apel_presence} p join {monitoring_apel} a on a.id = p.apel_id"
                                + " where p.employee_id = any(?) and p.day between ? and ? and a.counts_in_evaluation"))
                .params(ids, from, to)
                .query((rs, n) ->
                        facts.apelPresence.add(key(rs.getObject(1, UUID.class), rs.getObject(2, LocalDate.class))))
                .list();
        jdbc.sql(TenantSql.of(
                        "select d.employee_id, d.work_date, d.status, d.non_compliant, count(a.id) from {report_day} d"
                                + " left join {report_activity} a on a.day_id = d.id where d.employee_id = any(?) and d.work_date between ? and ?"
                                + " group by d.id, d.employee_id, d.work_date, d.status, d.non_compliant"))
                .params(ids, from, to)
                .query((rs, n) -> facts.reports.put(
                        key(rs.getObject(1, UUID.class), rs.getObject(2, LocalDate.class)),
                        new Report(
                                rs.getInt(5) > 0 && !rs.getBoolean(4),
                                "APPROVED".equals(rs.getString(3)),
                                rs.getInt(5))))
                .list();
        jdbc.sql(TenantSql.of(
                        "select t.employee_id, t.id, t.title, t.unit, t.target_quantity, coalesce(sum(a.quantity), 0)"
                                + " from {report_performance_target} t left join {report_activity} a on a.target_id = t.id"
                                + " and exists (select 1 from {report_day} d where d.id = a.day_id and d.work_date between ? and ?)"
                                + " where t.employee_id = any(?) and t.period_start <= ? and t.period_end >= ?"
                                + " group by t.employee_id, t.id, t.title, t.unit, t.target_quantity order by t.title"))
                .params(from, to, ids, to, from)
                .query((rs, n) -> facts.targets
                        .computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                        .add(new Target(
                                rs.getObject(2, UUID.class),
                                rs.getString(3),
                                rs.getString(4),
                                rs.getBigDecimal(5),
                                rs.getBigDecimal(6))))
                .list();
        jdbc.sql(
                        TenantSql.of(
                                "select employee_id, rating, note from {evaluation_rating} where employee_id = any(?) and month = ?"))
                .params(ids, month.toString())
                .query((rs, n) ->
                        facts.ratings.put(rs.getObject(1, UUID.class), new Rating(rs.getInt(2), rs.getString(3))))
                .list();
        return facts;
    }

    /** The approved absence covering the day, if any. */
    @Nullable
    Absence absence(UUID employee, LocalDate date) {
        for (Absence a : absences.getOrDefault(employee, List.of())) {
            if (!date.isBefore(a.from()) && !date.isAfter(a.to())) {
                return a;
            }
        }
        return null;
    }
}
