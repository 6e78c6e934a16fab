package id.fleksi.modules.evaluation.trial;

import id.fleksi.platform.tenancy.TenantSql;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A generated pemda for the trial's tests, written straight into the current tenant's tables in a few set-based
 * statements. Every figure is a deterministic hash of the employee and the day, so a run sees the same data as the last:
 * each weekday one in twenty absent, one in ten late, one in fifty flagged, a report on every day present with 2, 3 or 4
 * activities of 1 document each, and on WFA days (Thursday and Friday within the trial), when {@code wfaBoost} is set, one
 * more activity on exactly three days in ten: 10% more.
 */
final class TrialRows {

    private TrialRows() {}

    static UUID opd(JdbcClient jdbc, String code, String name) {
        UUID id = UUID.nameUUIDFromBytes(code.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        jdbc.sql(TenantSql.of(
                        "insert into {org_unit} (id, parent_id, code, name, kind) values (?, null, ?, ?, 'DINAS')"))
                .params(id, code, name)
                .update();
        return id;
    }

    /** {@code count} employees of the OPD who started in 2020, named and numbered from {@code first}. */
    static void employees(JdbcClient jdbc, UUID opd, int first, int count) {
        jdbc.sql(TenantSql.of(
                        "insert into {employee} (id, nip, name, employment_type, unit_id, status, username, realm_user_id,"
                                + " start_date, created_at, updated_at) select md5('pegawai-' || g)::uuid, '19800101200501' || lpad(g::text, 4, '0'),"
                                + " 'Pegawai ' || g, 'PNS', ?, 'ACTIVE', 'pegawai' || g, 'realm-' || g, date '2020-01-01', now(), now()"
                                + " from generate_series(?, ?) g"))
                .params(opd, first, first + count - 1)
                .update();
    }

    static UUID employee(JdbcClient jdbc, String name, UUID opd, LocalDate start) {
        UUID id = UUID.randomUUID();
        jdbc.sql(
                        TenantSql.of(
                                "insert into {employee} (id, nip, name, employment_type, unit_id, status, username, realm_user_id,"
                                        + " start_date, created_at, updated_at) values (?, null, ?, 'PNS', ?, 'ACTIVE', ?, ?, ?, now(), now())"))
                .params(id, name, opd, name.toLowerCase(), UUID.randomUUID().toString(), start)
                .update();
        return id;
    }

    /** Check-ins, reports and activities of everyone on every weekday from {@code from} to {@code to}. */
    static void days(
            JdbcClient jdbc, LocalDate from, LocalDate to, LocalDate trialFrom, LocalDate trialTo, boolean wfaBoost) {
        days(jdbc, from, to, trialFrom, trialTo, wfaBoost, null);
    }

    /** The same for one employee only ({@code only}), or everyone when it is null. */
    static void days(
            JdbcClient jdbc,
            LocalDate from,
            LocalDate to,
            LocalDate trialFrom,
            LocalDate trialTo,
            boolean wfaBoost,
            @Nullable UUID only) {
        String who = only == null ? "" : " and e.id = '" + only + "'";
        String wfa = "(extract(isodow from d) in (4, 5) and d between '" + trialFrom + "' and '" + trialTo + "')";
        String h = "abs(hashtext(e.id::text || d::date::text))";
        jdbc.sql(TenantSql.of(
                        "insert into {attendance_check_in} (id, client_request_id, employee_id, work_date, kind, work_mode,"
                                + " recorded_at, captured_at, offline, latitude, longitude, accuracy_metres, minutes_late, flags)"
                                + " select gen_random_uuid(), gen_random_uuid()::text, e.id, d::date, 'IN', case when "
                                + wfa + " then 'WFA' else 'WFO' end,"
                                + " d + time '07:25', d + time '07:25', false, -1.7, 119.5, 10,"
                                + " case when " + h + " % 10 = 1 then 12 else 0 end,"
                                + " case when " + h + " % 50 = 2 then array['TOO_PERFECT'] else '{}'::text[] end"
                                + " from {employee} e cross join generate_series(?::date, ?::date, interval '1 day') d"
                                + " where extract(isodow from d) < 6 and " + h + " % 20 <> 0" + who))
                .params(from, to)
                .update();
        jdbc.sql(TenantSql.of("insert into {report_day} (id, employee_id, work_date, status, non_compliant)"
                        + " select gen_random_uuid(), employee_id, work_date, 'APPROVED', false from {attendance_check_in}"
                        + " e where work_date between ? and ?" + who.replace("e.id", "e.employee_id")))
                .params(from, to)
                .update();
        String onWfa = wfa.replace("from d)", "from r.work_date)").replace("d between", "r.work_date between");
        // Exactly three WFA days in ten of each employee, in date order, get the extra activity.
        String extra = wfaBoost
                ? "case when " + onWfa + " and row_number() over (partition by r.employee_id, " + onWfa
                        + " order by r.work_date) % 10 < 3 then 1 else 0 end"
                : "0";
        jdbc.sql(TenantSql.of(
                        "insert into {report_activity} (id, day_id, description, quantity, unit, minutes, created_at)"
                                + " select gen_random_uuid(), x.id, 'Menyusun dokumen', 1, 'dokumen', 60, now() from (select r.id,"
                                + " 2 + abs(hashtext(r.employee_id::text || r.work_date::text)) % 3 + " + extra
                                + " as n from {report_day} r"
                                + " where r.work_date between ? and ?" + who.replace("e.id", "r.employee_id") + ") x"
                                + " cross join lateral generate_series(1, x.n) s"))
                .params(from, to)
                .update();
    }
}
