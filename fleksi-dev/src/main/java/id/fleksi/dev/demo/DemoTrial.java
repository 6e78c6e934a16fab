package id.fleksi.dev.demo;

import id.fleksi.modules.fwa.DayAnswer;
import id.fleksi.modules.fwa.WorkMode;
import id.fleksi.modules.fwa.WorkModes;
import id.fleksi.platform.tenancy.TenantCode;
import id.fleksi.platform.tenancy.TenantContext;
import id.fleksi.platform.tenancy.TenantRegistry;
import id.fleksi.platform.tenancy.TenantSql;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Mamuju Tengah's WFA trial as it might have gone, so that the Sekda's page (hasil uji coba WFA) has a verdict to show:
 * every employee's check-ins and daily reports over the trial (22 January to 22 April 2026) and the baseline of the same
 * length before it, each day as FWA answers it (WFA on Thursday and Friday for those eligible, the office for Dinas
 * Kesehatan and Disdukcapil). Figures are a hash of the employee and the day: about one day in 25 away (half of them an
 * approved sick day), one in 8 late at the office and one in 12 on a WFA day, a report on nearly every day present with
 * 2 to 4 activities, and on WFA days one more activity on two days in ten; each day present ends with a check-out. Siti
 * and Andi kept a clean record (but for Siti's late first morning of last month, so that her month has a line). Each
 * employee's start (TMT) is taken from their NIP, so all were there on both sides. Set-based: one insert per period and
 * table, a few seconds for 300 employees. Also last month and this one until yesterday, so that a month closed on the
 * demo is a month everyone worked; in the last four weeks Siti's days are left to {@link DemoAttendance}.
 */
@Component
class DemoTrial {

    static final LocalDate TRIAL_FROM = LocalDate.parse("2026-01-22");
    static final LocalDate TRIAL_TO = LocalDate.parse("2026-04-22");
    static final LocalDate BASELINE_FROM = LocalDate.parse("2025-10-23");

    private static final Logger log = LoggerFactory.getLogger(DemoTrial.class);

    private static final String H = "abs(hashtext(d.employee_id::text || d.work_date::text))";

    private final JdbcClient jdbc;
    private final WorkModes modes;
    private final TenantRegistry registry;
    private final Clock clock;

    DemoTrial(JdbcClient jdbc, WorkModes modes, TenantRegistry registry, Clock clock) {
        this.jdbc = jdbc;
        this.modes = modes;
        this.registry = registry;
        this.clock = clock;
    }

    void history(TenantCode tenant) {
        LocalDate today = clock.instant()
                .atZone(registry.require(tenant).timeZone().zone())
                .toLocalDate();
        LocalDate last = today.minusDays(29);
        long started = System.nanoTime();
        TenantContext.runAs(tenant, () -> {
            jdbc.sql(TenantSql.of("update {employee} set start_date = to_date(substr(nip, 9, 6) || '01', 'YYYYMMDD')"
                            + " where start_date is null and nip ~ '^[0-9]{18}$'"))
                    .update();
            period(BASELINE_FROM, TRIAL_FROM.minusDays(1), last, null);
            period(TRIAL_FROM, TRIAL_TO, last, null);
            // Last month and this one so far, so that BKD closes a month of everyone's days (not a pemda of absentees)
            // and
            // Siti's month begins on its first day; in the last four weeks Siti's days are DemoAttendance's.
            LocalDate recent = today.withDayOfMonth(1).minusMonths(1);
            recent = recent.isAfter(TRIAL_TO) ? recent : TRIAL_TO.plusDays(1);
            UUID siti = jdbc.sql(TenantSql.of("select id from {employee} where username = 'asn'"))
                    .query(UUID.class)
                    .optional()
                    .orElse(null);
            period(recent, last, last, null);
            period(last.plusDays(1), today.minusDays(1), today.minusDays(1), siti);
            // Siti's last month has a line to read: its first working day she came 45 minutes late (TL2 under the
            // demo's rules).
            jdbc.sql(
                            TenantSql.of(
                                    "update {attendance_check_in} set minutes_late = 45, recorded_at = recorded_at + interval '40 minutes',"
                                            + " captured_at = captured_at + interval '40 minutes' where employee_id = ? and kind = 'IN' and work_date ="
                                            + " (select min(work_date) from {attendance_check_in} where employee_id = ? and work_date >= ?)"))
                    .params(siti, siti, recent)
                    .update();
        });
        log.info(
                "Demo: tenant {} has its WFA trial and baseline ({} to {}) and last month until yesterday in {} ms",
                tenant,
                BASELINE_FROM,
                TRIAL_TO,
                (System.nanoTime() - started) / 1_000_000);
    }

    /** Everyone's days from {@code from} to {@code to} (not after {@code last}), but {@code leftOut}'s. */
    private void period(LocalDate from, LocalDate to, LocalDate last, UUID leftOut) {
        LocalDate end = to.isAfter(last) ? last : to;
        if (end.isBefore(from)) {
            return;
        }
        List<UUID> employees = new ArrayList<>();
        List<String> dates = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        for (DayAnswer day : modes.answers(null, from, end)) {
            if ((day.mode() == WorkMode.WFO || day.mode() == WorkMode.WFA)
                    && !day.employeeId().equals(leftOut)) {
                employees.add(day.employeeId());
                dates.add(day.date().toString());
                kinds.add(day.mode().name());
            }
        }
        String days =
                "with d as (select d.*, e.username in ('asn', 'atasan') as clean from unnest(?::uuid[], ?::text[]::date[], ?::text[])"
                        + " as d(employee_id, work_date, mode) join {employee} e on e.id = d.employee_id)";
        jdbc.sql(TenantSql.of(days
                        + " insert into {attendance_check_in} (id, client_request_id, employee_id, work_date, kind, work_mode,"
                        + " recorded_at, captured_at, offline, latitude, longitude, accuracy_metres, minutes_late, device_id, flags)"
                        + " select gen_random_uuid(), 'demo-trial-' || d.employee_id || '-' || d.work_date, d.employee_id, d.work_date, 'IN',"
                        + " d.mode, t.at, t.at, false, round(-1.7391 + (" + H
                        + " % 100) * 0.00001, 5), 119.5498, 12, t.late,"
                        + " 'demo-hp-' || left(d.employee_id::text, 8),"
                        + " case when not d.clean and " + H + " % (case when d.mode = 'WFA' then 60 else 90 end) = 2"
                        + " then array['TOO_PERFECT'] else '{}'::text[] end"
                        + " from d cross join lateral (select case when not d.clean and " + H
                        + " % (case when d.mode = 'WFA' then 12 else 8 end) = 1"
                        + " then 5 + " + H + " % 40 else 0 end as late) l"
                        + " cross join lateral (select (d.work_date + time '07:20' + make_interval(mins => l.late + 5)) at time zone 'Asia/Makassar' as at,"
                        + " l.late) t"
                        + " where d.clean or " + H + " % 25 <> 0"))
                .params(employees.toArray(UUID[]::new), dates.toArray(String[]::new), kinds.toArray(String[]::new))
                .update();
        // Each day present ends with a check-out after the day's end: a day without one is an early leave ("no
        // record").
        jdbc.sql(TenantSql.of(days
                        + " insert into {attendance_check_in} (id, client_request_id, employee_id, work_date, kind, work_mode,"
                        + " recorded_at, captured_at, offline, latitude, longitude, accuracy_metres, minutes_late, device_id, flags)"
                        + " select gen_random_uuid(), 'demo-trial-out-' || d.employee_id || '-' || d.work_date, d.employee_id, d.work_date,"
                        + " 'OUT', d.mode, t.at, t.at, false, round(-1.7391 + (" + H
                        + " % 100) * 0.00001, 5), 119.5498, 12, 0,"
                        + " 'demo-hp-' || left(d.employee_id::text, 8), '{}'::text[] from d cross join lateral (select"
                        + " (d.work_date + time '16:40' + make_interval(mins => " + H
                        + " % 20)) at time zone 'Asia/Makassar' as at) t"
                        + " where d.clean or " + H + " % 25 <> 0"))
                .params(employees.toArray(UUID[]::new), dates.toArray(String[]::new), kinds.toArray(String[]::new))
                .update();
        // Half the days away were a sick day the supervisor approved; the rest were unexcused.
        jdbc.sql(TenantSql.of(days
                        + " insert into {attendance_absence} (id, employee_id, kind, from_date, to_date, reason, status,"
                        + " decided_by, decided_at, created_at) select gen_random_uuid(), d.employee_id, 'SAKIT', d.work_date, d.work_date,"
                        + " 'Sakit', 'APPROVED', 'demo', d.work_date + time '12:00', d.work_date + time '07:00' from d"
                        + " where not d.clean and " + H + " % 25 = 0 and " + H + " % 2 = 0"))
                .params(employees.toArray(UUID[]::new), dates.toArray(String[]::new), kinds.toArray(String[]::new))
                .update();
        String h = H.replace("d.", "c.");
        jdbc.sql(TenantSql.of(
                        "insert into {report_day} (id, employee_id, work_date, status, non_compliant, decided_by, decided_at, returned_at)"
                                + " select gen_random_uuid(), c.employee_id, c.work_date, case when " + h
                                + " % 40 = 7 then 'PENDING' else 'APPROVED' end,"
                                + " false, case when " + h + " % 40 = 7 then null else 'demo' end,"
                                + " case when " + h + " % 40 = 7 then null else c.captured_at + interval '1 day' end,"
                                + " case when " + h + " % 20 = 3 then c.captured_at + interval '10 hours' end"
                                + " from {attendance_check_in} c join {employee} e on e.id = c.employee_id"
                                + " where c.kind = 'IN' and c.work_date between ? and ? and c.client_request_id like 'demo-trial-%'"
                                + " and (e.username in ('asn', 'atasan') or " + h + " % 30 <> 5)"))
                .params(from, end)
                .update();
        String r = H.replace("d.", "r.");
        jdbc.sql(TenantSql.of(
                        "insert into {report_activity} (id, day_id, description, quantity, unit, minutes, created_at, approved_at)"
                                + " select gen_random_uuid(), x.id, 'Kegiatan ' || s, 1 + abs(hashtext(x.id::text || s::text)) % 3, 'dokumen', 60,"
                                + " x.work_date + time '15:00', x.decided_at from (select r.id, r.work_date, r.decided_at, 2 + "
                                + r + " % 3"
                                + " + case when c.work_mode = 'WFA' and (" + r
                                + " / 7) % 10 < 2 then 1 else 0 end as n from {report_day} r"
                                + " join {attendance_check_in} c on c.employee_id = r.employee_id and c.work_date = r.work_date and c.kind = 'IN'"
                                + " where r.work_date between ? and ?) x cross join lateral generate_series(1, x.n) s"))
                .params(from, end)
                .update();
    }
}
