package id.fleksi.modules.evaluation.month.internal;

import id.fleksi.modules.evaluation.rules.RuleSet;
import id.fleksi.platform.tenancy.TenantSql;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Rows the evaluation tests build a pemda from, written straight into the current tenant's tables (public for the closing's
 * and the exports' tests too).
 */
public final class EvaluationRows {

    static final double LATITUDE = -1.7391;
    static final double LONGITUDE = 119.5498;

    private EvaluationRows() {}

    static UUID unit(JdbcClient jdbc, String code, String name, UUID parent) {
        UUID id = UUID.randomUUID();
        jdbc.sql(TenantSql.of("insert into {org_unit} (id, parent_id, code, name, kind) values (?, ?, ?, ?, 'DINAS')"))
                .params(id, parent, code, name)
                .update();
        return id;
    }

    /** An office with a 100 m geofence around the test's coordinates, for this unit. */
    static void office(JdbcClient jdbc, UUID unit) {
        UUID office = UUID.randomUUID();
        jdbc.sql(
                        TenantSql.of(
                                "insert into {office} (id, name, latitude, longitude, radius_metres) values (?, 'Kantor Bupati', ?, ?, 100)"))
                .params(office, LATITUDE, LONGITUDE)
                .update();
        jdbc.sql(TenantSql.of("insert into {office_unit} (office_id, unit_id) values (?, ?)"))
                .params(office, unit)
                .update();
    }

    /** An active PNS whose username is the name in lower case, with a NIP made from the name. */
    static UUID person(JdbcClient jdbc, String name, UUID unit, UUID supervisor) {
        UUID id = UUID.randomUUID();
        String nip = String.valueOf(198_000_000_000_000_000L + Math.abs(name.hashCode()));
        jdbc.sql(
                        TenantSql.of(
                                "insert into {employee} (id, nip, name, employment_type, unit_id, supervisor_id, status, username,"
                                        + " realm_user_id, created_at, updated_at) values (?, ?, ?, 'PNS', ?, ?, 'ACTIVE', ?, ?, now(), now())"))
                .params(
                        id,
                        nip,
                        name,
                        unit,
                        supervisor,
                        name.toLowerCase(),
                        UUID.randomUUID().toString())
                .update();
        return id;
    }

    public static void checkIn(
            JdbcClient jdbc,
            UUID employee,
            LocalDate date,
            String kind,
            String mode,
            int minutesLate,
            int minutesEarly) {
        jdbc.sql(TenantSql.of(
                        "insert into {attendance_check_in} (id, client_request_id, employee_id, work_date, kind, work_mode,"
                                + " recorded_at, captured_at, offline, latitude, longitude, accuracy_metres, minutes_late, minutes_early)"
                                + " values (?, ?, ?, ?, ?, ?, now(), now(), false, -1.7, 119.5, 10, ?, ?)"))
                .params(
                        UUID.randomUUID(),
                        UUID.randomUUID().toString(),
                        employee,
                        date,
                        kind,
                        mode,
                        minutesLate,
                        minutesEarly)
                .update();
    }

    public static void absence(JdbcClient jdbc, UUID employee, String kind, LocalDate from, LocalDate to) {
        jdbc.sql(TenantSql.of(
                        "insert into {attendance_absence} (id, employee_id, kind, from_date, to_date, reason, status, created_at)"
                                + " values (?, ?, ?, ?, ?, 'Alasan', 'APPROVED', now())"))
                .params(UUID.randomUUID(), employee, kind, from, to)
                .update();
    }

    /** A weekly apel on Mondays that counts in the evaluation, made on 1 January 2026. */
    static UUID mondayApel(JdbcClient jdbc) {
        UUID id = UUID.randomUUID();
        jdbc.sql(TenantSql.of(
                        "insert into {monitoring_apel} (id, title, weekday, starts_at, window_minutes, counts_in_evaluation,"
                                + " active, created_by, created_at) values (?, 'Apel Senin', 'MONDAY', '07:30', 30, true, true, 'test',"
                                + " timestamptz '2026-01-01 08:00+08')"))
                .param(id)
                .update();
        return id;
    }

    static void atApel(JdbcClient jdbc, UUID apel, UUID employee, LocalDate day) {
        jdbc.sql(TenantSql.of(
                        "insert into {monitoring_apel_presence} (apel_id, day, employee_id, confirmed_at, work_mode)"
                                + " values (?, ?, ?, now(), 'WFO')"))
                .params(apel, day, employee)
                .update();
    }

    /** A work-result plan for the month and one activity towards it, reported on a day (not yet approved). */
    static void reported(JdbcClient jdbc, UUID employee, LocalDate day, String plan, int target, int done) {
        UUID targetId = UUID.randomUUID();
        jdbc.sql(TenantSql.of(
                        "insert into {report_performance_target} (id, employee_id, period_start, period_end, title,"
                                + " target_quantity, unit, created_at) values (?, ?, ?, ?, ?, ?, 'surat', now())"))
                .params(
                        targetId,
                        employee,
                        day.withDayOfMonth(1),
                        day.withDayOfMonth(day.lengthOfMonth()),
                        plan,
                        target)
                .update();
        UUID dayId = UUID.randomUUID();
        jdbc.sql(TenantSql.of(
                        "insert into {report_day} (id, employee_id, work_date, status) values (?, ?, ?, 'PENDING')"))
                .params(dayId, employee, day)
                .update();
        jdbc.sql(TenantSql.of(
                        "insert into {report_activity} (id, day_id, description, quantity, unit, minutes, target_id, created_at)"
                                + " values (?, ?, 'Menyusun surat', ?, 'surat', 60, ?, now())"))
                .params(UUID.randomUUID(), dayId, done, targetId)
                .update();
    }

    /** The same rules with other figures, from another date. */
    static RuleSet changed(RuleSet rules, LocalDate from, String unexcused, String cap, int makeUpMinutes) {
        return new RuleSet(
                null,
                0,
                from,
                rules.name() + " (perubahan)",
                rules.preset(),
                rules.source(),
                rules.lateBands(),
                rules.earlyLeaveBands(),
                new BigDecimal(unexcused),
                rules.noApelPercent(),
                rules.noReportPercent(),
                new BigDecimal(cap),
                rules.dinasLuarExcuses(),
                makeUpMinutes,
                null,
                null);
    }
}
