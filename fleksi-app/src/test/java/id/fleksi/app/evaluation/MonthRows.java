package id.fleksi.app.evaluation;

import id.fleksi.modules.evaluation.rules.RulePresets;
import id.fleksi.modules.evaluation.rules.RuleSets;
import id.fleksi.platform.tenancy.TenantCache;
import id.fleksi.platform.tenancy.TenantCode;
import id.fleksi.platform.tenancy.TenantContext;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A month of real rows for the tests of this module that read the monthly evaluation (closing, exports): units,
 * employees, check-ins, absences, daily reports and ratings written straight into a tenant's tables, the way the
 * evaluation module's own tests write them (EvaluationRows there), and Tebo's rules with a change in mid-month. The
 * tests then compare what they read against {@code MonthlyEvaluations} for the same month.
 *
 * <p>{@link #work} gives employee {@code i} a month a person can follow by hand; {@code W[j]} is the month's j-th weekday
 * (from 0). Every weekday she checks in (WFA on {@code W[2]}, {@code W[7]}, ..., WFO otherwise) and out, except:
 * <ul>
 * <li>{@code i % 5 == 0}: sick on {@code W[1]} and {@code W[2]} (SAKIT, approved);</li>
 * <li>{@code i % 7 == 0}: leave on {@code W[8]}, {@code W[9]} and {@code W[10]} (CUTI, approved);</li>
 * <li>{@code i % 6 == 0}: permission on {@code W[11]} (IZIN, approved);</li>
 * <li>{@code i % 9 == 0}: nothing at all on {@code W[12]} (always after the 16th: 10% under the second rules).</li>
 * </ul>
 * Late on {@code W[3]} by {@code 17 + (i % 3) * 30} minutes when {@code i % 4 != 0} (0.5%, 1% or 1.25%), and on {@code W[6]}
 * by 95 minutes when {@code i % 4 == 3} (1.5%); out 11 minutes early on {@code W[5]} when {@code i % 3 == 1} (0.5%). A
 * daily report on every day present but those where {@code (i + j) % 4 == 0}, approved when {@code j} is even. Rated
 * {@code 1 + i % 5} ("Baik") unless {@code i == 2}. Employee 0 is simply there every weekday, on time, reporting daily.
 */
public final class MonthRows {

    private final JdbcClient jdbc;
    private final String schema;
    private final YearMonth month;
    private final List<LocalDate> weekdays = new ArrayList<>();

    public MonthRows(JdbcClient jdbc, String tenantCode, YearMonth month) {
        this.jdbc = jdbc;
        this.schema = "tenant_" + tenantCode;
        this.month = month;
        for (LocalDate d = month.atDay(1); !d.isAfter(month.atEndOfMonth()); d = d.plusDays(1)) {
            if (d.getDayOfWeek().getValue() <= 5) {
                weekdays.add(d);
            }
        }
    }

    /** The month's j-th weekday, from 0. */
    public LocalDate weekday(int j) {
        return weekdays.get(j);
    }

    /**
     * Tebo's rules (Perbup 1/2022) from the first of the month, and a second version from the 16th where a day without
     * a check-in or an excuse costs 10% instead of 5%.
     */
    public void rules(RuleSets rules, TenantCache cache, String tenantCode) {
        TenantCode code = TenantCode.of(tenantCode);
        TenantContext.runAs(code, () -> rules.seedHistory(rules.draft(RulePresets.TEBO_2022, month.atDay(1)), "bkd"));
        jdbc.sql("insert into " + schema
                        + ".evaluation_rule_set (id, version, effective_from, name, preset, source, late_bands,"
                        + " early_leave_bands, unexcused_percent, no_apel_percent, no_report_percent, cap_percent, dinas_luar_excuses,"
                        + " make_up_minutes, created_by, created_at) select ?, 2, ?, name || ' (perubahan)', preset, source, late_bands,"
                        + " early_leave_bands, 10, no_apel_percent, no_report_percent, cap_percent, dinas_luar_excuses,"
                        + " make_up_minutes, 'bkd', now() from " + schema + ".evaluation_rule_set where version = 1")
                .params(UUID.randomUUID(), month.atDay(16))
                .update();
        cache.forget(code);
    }

    public UUID unit(String code, String name, @Nullable UUID parent, String kind) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into " + schema + ".org_unit (id, parent_id, code, name, kind) values (?, ?, ?, ?, ?)")
                .params(id, parent, code, name, kind)
                .update();
        return id;
    }

    /** An active PNS; {@code username} null for one who never logs in here (then "p" and the NIP). */
    public UUID employee(String nip, String name, UUID unit, @Nullable UUID supervisor, @Nullable String username) {
        UUID id = UUID.randomUUID();
        jdbc.sql(
                        "insert into " + schema
                                + ".employee (id, nip, name, employment_type, unit_id, supervisor_id, status, username,"
                                + " realm_user_id, created_at, updated_at) values (?, ?, ?, 'PNS', ?, ?, 'ACTIVE', ?, ?, now(), now())")
                .params(
                        id,
                        nip,
                        name,
                        unit,
                        supervisor,
                        username == null ? "p" + nip : username,
                        UUID.randomUUID().toString())
                .update();
        return id;
    }

    /** Employee {@code i}'s month, as the class comment says. */
    public void work(UUID employee, int i) {
        for (int j = 0; j < weekdays.size(); j++) {
            LocalDate d = weekdays.get(j);
            if (i > 0 && i % 5 == 0 && (j == 1 || j == 2)) {
                absence(employee, "SAKIT", d);
            } else if (i > 0 && i % 7 == 0 && j >= 8 && j <= 10) {
                absence(employee, "CUTI", d);
            } else if (i > 0 && i % 6 == 0 && j == 11) {
                absence(employee, "IZIN", d);
            } else if (i > 0 && i % 9 == 0 && j == 12) {
                continue;
            } else {
                int late = i > 0 && j == 3 && i % 4 != 0 ? 17 + (i % 3) * 30 : i % 4 == 3 && j == 6 ? 95 : 0;
                int early = i > 0 && j == 5 && i % 3 == 1 ? 11 : 0;
                checkIn(employee, d, j % 5 == 2 ? "WFA" : "WFO", late, early);
                if (i == 0 || (i + j) % 4 != 0) {
                    report(employee, d, j % 2 == 0);
                }
            }
        }
        if (i > 0 && i != 2) {
            jdbc.sql("insert into " + schema
                            + ".evaluation_rating (employee_id, month, rating, note, rated_by, rated_at)"
                            + " values (?, ?, ?, 'Baik', 'atasan', now())")
                    .params(employee, month.toString(), 1 + i % 5)
                    .update();
        }
    }

    /** A check-in and a check-out on a day, with the minutes attendance judged late and early. */
    public void checkIn(UUID employee, LocalDate day, String mode, int minutesLate, int minutesEarly) {
        for (String kind : List.of("IN", "OUT")) {
            jdbc.sql("insert into " + schema
                            + ".attendance_check_in (id, client_request_id, employee_id, work_date, kind, work_mode,"
                            + " recorded_at, captured_at, offline, latitude, longitude, accuracy_metres, minutes_late, minutes_early)"
                            + " values (?, ?, ?, ?, ?, ?, now(), now(), false, -1.7, 119.5, 10, ?, ?)")
                    .params(
                            UUID.randomUUID(),
                            UUID.randomUUID().toString(),
                            employee,
                            day,
                            kind,
                            mode,
                            kind.equals("IN") ? minutesLate : 0,
                            kind.equals("OUT") ? minutesEarly : 0)
                    .update();
        }
    }

    /** An approved absence of one day. */
    public void absence(UUID employee, String kind, LocalDate day) {
        jdbc.sql("insert into " + schema
                        + ".attendance_absence (id, employee_id, kind, from_date, to_date, reason, status,"
                        + " created_at) values (?, ?, ?, ?, ?, 'Alasan', 'APPROVED', now())")
                .params(UUID.randomUUID(), employee, kind, day, day)
                .update();
    }

    /** A daily report of one activity, filed on its day, approved or waiting. */
    public void report(UUID employee, LocalDate day, boolean approved) {
        UUID dayId = UUID.randomUUID();
        jdbc.sql("insert into " + schema + ".report_day (id, employee_id, work_date, status) values (?, ?, ?, ?)")
                .params(dayId, employee, day, approved ? "APPROVED" : "PENDING")
                .update();
        jdbc.sql("insert into " + schema
                        + ".report_activity (id, day_id, description, quantity, unit, minutes, created_at)"
                        + " values (?, ?, 'Melayani pasien', 1, 'layanan', 60, now())")
                .params(UUID.randomUUID(), dayId)
                .update();
    }
}
