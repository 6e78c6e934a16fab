package id.fleksi.provisioning.feed;

import id.fleksi.platform.calendar.WorkingCalendar;
import id.fleksi.platform.tenancy.Tenant;
import id.fleksi.platform.tenancy.TenantContext;
import id.fleksi.platform.tenancy.TenantSql;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A tenant's day in counts per OPD, the feed's content. The one place outside the feature modules that reads their
 * tables: plain SQL over the tenant's schema, where every module's tables exist whether the module is on or off (a module
 * that is off counts nothing). The monitoring module will own these figures when it comes, and this query goes there.
 *
 * <p>One statement, so the figures are one snapshot. It reads the day by date, not each employee's history: the day's
 * check-ins and check-outs (a BRIN scan of the day's blocks), its report days ({@code ix_report_day_work_date}, the count
 * of activities on the day itself) and the approved absences covering it ({@code ix_absence_approved_to_date}), each
 * joined to the employees by hash. An absence probed per employee cost 30,000 buffers a call at 10,000 employees with a
 * year behind them (docs/benchmarks.md). Only counts leave it: no name, NIP, username or coordinate is selected.
 */
@Component
class DailyFigures {

    private static final String FIGURES = """
            with recursive opd (unit_id, opd_id) as (
                select id, id from {org_unit} where parent_id is null
              union all
                select u.id, opd.opd_id from {org_unit} u join opd on u.parent_id = opd.unit_id
            ), staff as (
                select opd.opd_id, e.unit_id,
                    e.status <> 'RETIRED' and (e.start_date is null or e.start_date <= :day) as serving,
                    i.work_mode, i.minutes_late, i.flags as in_flags, o.flags as out_flags,
                    away.izin, away.sakit, away.cuti, away.dinas_luar,
                    coalesce(r.activities > 0, false) as filed
                from {employee} e
                join opd on opd.unit_id = e.unit_id
                left join {attendance_check_in} i on i.employee_id = e.id and i.work_date = :day and i.kind = 'IN'
                left join {attendance_check_in} o
                    on o.employee_id = e.id and o.work_date = :day and o.kind = 'OUT' and not o.superseded
                left join {report_day} r on r.employee_id = e.id and r.work_date = :day
                left join (
                    select a.employee_id, bool_or(a.kind = 'IZIN') as izin, bool_or(a.kind = 'SAKIT') as sakit,
                        bool_or(a.kind = 'CUTI') as cuti, bool_or(a.kind = 'DINAS_LUAR') as dinas_luar
                    from {attendance_absence} a
                    where a.to_date >= :day and a.from_date <= :day and a.status = 'APPROVED'
                    group by a.employee_id
                ) away on away.employee_id = e.id
            )
            select u.code, u.name,
                count(*) filter (where s.serving) as employees,
                count(*) filter (where s.serving and s.unit_id = any(:working_units)) as expected,
                count(s.work_mode) as checked_in,
                count(*) filter (where s.work_mode = 'WFO') as wfo,
                count(*) filter (where s.work_mode = 'WFA') as wfa,
                count(*) filter (where s.work_mode = 'DL') as dinas_luar,
                count(*) filter (where s.minutes_late > 0) as late,
                count(*) filter (where s.izin) as absent_izin,
                count(*) filter (where s.sakit) as absent_sakit,
                count(*) filter (where s.cuti) as absent_cuti,
                count(*) filter (where s.dinas_luar) as absent_dinas_luar,
                count(*) filter (where cardinality(s.in_flags) > 0) + count(*) filter (where cardinality(s.out_flags) > 0) as flagged,
                count(*) filter (where s.filed) as reports_filed
            from {org_unit} u left join staff s on s.opd_id = u.id
            where u.parent_id is null
            group by u.id, u.code, u.name
            order by u.code""";

    private final JdbcClient jdbc;
    private final WorkingCalendar calendar;

    DailyFigures(JdbcClient jdbc, WorkingCalendar calendar) {
        this.jdbc = jdbc;
        this.calendar = calendar;
    }

    /** The tenant's figures for the day (the day so far, for today), counted now. */
    DailyFeed of(Tenant tenant, LocalDate day, Instant now) {
        var opds = jdbc.sql(TenantSql.in(tenant.code(), FIGURES))
                .param("day", day)
                .param("working_units", workingUnits(tenant, day))
                .query((rs, row) -> new DailyFeed.Opd(
                        rs.getString("code"),
                        rs.getString("name"),
                        rs.getInt("employees"),
                        rs.getInt("expected"),
                        new DailyFeed.CheckIns(
                                rs.getInt("checked_in"),
                                rs.getInt("wfo"),
                                rs.getInt("wfa"),
                                rs.getInt("dinas_luar"),
                                rs.getInt("late")),
                        new DailyFeed.Absences(
                                rs.getInt("absent_izin"),
                                rs.getInt("absent_sakit"),
                                rs.getInt("absent_cuti"),
                                rs.getInt("absent_dinas_luar")),
                        rs.getInt("flagged"),
                        rs.getInt("reports_filed")))
                .list();
        return new DailyFeed(DailyFeed.VERSION, tenant.code().value(), day, now, opds);
    }

    /** The units for which the day is a working day, by their calendars (as the live view decides who is expected). */
    private UUID[] workingUnits(Tenant tenant, LocalDate day) {
        return TenantContext.callAs(tenant.code(), () -> {
            WorkingCalendar.Snapshot days = calendar.snapshot(day, day);
            return jdbc.sql(TenantSql.of("select id from {org_unit}")).query(UUID.class).list().stream()
                    .filter(unit -> days.of(unit, day).isWorking())
                    .toArray(UUID[]::new);
        });
    }
}
