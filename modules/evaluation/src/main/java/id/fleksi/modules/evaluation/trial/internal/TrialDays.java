package id.fleksi.modules.evaluation.trial.internal;

import id.fleksi.modules.fwa.DayAnswer;
import id.fleksi.modules.fwa.WorkMode;
import id.fleksi.modules.fwa.WorkModes;
import id.fleksi.platform.tenancy.TenantSql;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The compared days and what happened on them. FWA answers each employee's days in a slice at once (a few statements):
 * a day off (weekend, holiday, cuti bersama), an approved absence and dinas luar are left out; an office or WFA day is a
 * day the employee was expected at work, on the side its period (or its mode) puts it. Those days then go to the database
 * as three arrays, and one aggregate statement per slice and period counts, per employee and side, the check-ins, reports,
 * activities and quantities on them.
 */
public final class TrialDays {

    /** The side a day counts on: 0 the one compared against (baseline, office days), 1 the trial's (trial, WFA days). */
    public interface Side {
        int of(DayAnswer day);
    }

    private static final String COUNT =
            "with d as (select * from unnest(?::uuid[], ?::text[]::date[], ?::smallint[]) as d(employee_id, work_date, side)),"
                    // A day's first standing check-in (a superseded one only if nothing replaced it).
                    + " c as (select distinct on (employee_id, work_date) employee_id, work_date, minutes_late, cardinality(flags) > 0 as flagged"
                    + "   from {attendance_check_in} where employee_id = any(?) and work_date between ? and ? and kind = 'IN'"
                    + "   order by employee_id, work_date, superseded, captured_at),"
                    + " r as (select r.employee_id, r.work_date, r.status, r.returned_at is not null as returned, r.non_compliant,"
                    + "   count(a.id) as activities, coalesce(sum(a.quantity), 0) as output"
                    + "   from {report_day} r left join {report_activity} a on a.day_id = r.id"
                    + "   where r.employee_id = any(?) and r.work_date between ? and ? group by r.id),"
                    // Activities cannot be added past the deadline, so a day with one, not marked non-compliant, was
                    // filed in time.
                    + " j as (select d.employee_id, d.side, c.employee_id is not null as present, c.minutes_late = 0 as on_time,"
                    + "   c.flagged, c.employee_id is not null and r.activities > 0 and not r.non_compliant as filed, r.status, r.returned,"
                    + "   coalesce(r.activities, 0) as activities, coalesce(r.output, 0) as output"
                    + "   from d left join c using (employee_id, work_date) left join r using (employee_id, work_date))"
                    + " select employee_id, side, count(*), count(*) filter (where present), count(*) filter (where present and on_time),"
                    + "   count(*) filter (where present and flagged), count(*) filter (where filed),"
                    + "   count(*) filter (where filed and status = 'APPROVED'), count(*) filter (where filed and returned),"
                    + "   sum(activities), sum(activities * activities), sum(output), sum(output * output)"
                    + " from j group by employee_id, side";

    private TrialDays() {}

    /** Adds the slice's days between the two dates to the tallies, two per employee (by side). */
    public static void count(
            JdbcClient jdbc,
            WorkModes modes,
            List<UUID> slice,
            LocalDate from,
            LocalDate to,
            Side side,
            Map<UUID, Tally[]> tallies) {
        List<UUID> employees = new ArrayList<>();
        List<String> dates = new ArrayList<>();
        List<Short> sides = new ArrayList<>();
        for (DayAnswer day : modes.answers(slice, from, to)) {
            if (day.mode() == WorkMode.WFO || day.mode() == WorkMode.WFA) {
                employees.add(day.employeeId());
                dates.add(day.date().toString());
                sides.add((short) side.of(day));
            }
        }
        if (employees.isEmpty()) {
            return;
        }
        UUID[] ids = slice.toArray(UUID[]::new);
        jdbc.sql(TenantSql.of(COUNT))
                .params(
                        employees.toArray(UUID[]::new),
                        dates.toArray(String[]::new),
                        sides.toArray(Short[]::new),
                        ids,
                        Date.valueOf(from),
                        Date.valueOf(to),
                        ids,
                        Date.valueOf(from),
                        Date.valueOf(to))
                .query(rs -> {
                    Tally t = new Tally(
                            rs.getLong(3),
                            rs.getLong(4),
                            rs.getLong(5),
                            rs.getLong(6),
                            rs.getLong(7),
                            rs.getLong(8),
                            rs.getLong(9),
                            rs.getDouble(10),
                            rs.getDouble(11),
                            rs.getDouble(12),
                            rs.getDouble(13));
                    Tally[] both = tallies.computeIfAbsent(
                            rs.getObject(1, UUID.class), k -> new Tally[] {Tally.NONE, Tally.NONE});
                    both[rs.getInt(2)] = both[rs.getInt(2)].plus(t);
                });
    }

    /** The tallies of each OPD's employees summed, and of everyone. */
    public static Map<UUID, Tally[]> byOpd(Map<UUID, Tally[]> tallies, Map<UUID, UUID> opdOf) {
        Map<UUID, Tally[]> byOpd = new HashMap<>();
        tallies.forEach((employee, both) -> {
            Tally[] sum = byOpd.computeIfAbsent(opdOf.get(employee), k -> new Tally[] {Tally.NONE, Tally.NONE});
            sum[0] = sum[0].plus(both[0]);
            sum[1] = sum[1].plus(both[1]);
        });
        return byOpd;
    }
}
