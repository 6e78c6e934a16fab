package id.fleksi.modules.monitoring.internal;

import id.fleksi.platform.tenancy.TenantSql;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a digest counts, read for its staff and period: each day's check-in (by employee@date), the approved absences,
 * and each reported day's activities (by employee@date).
 */
record DigestFacts(Map<String, CheckIn> checkIns, Map<UUID, List<Absence>> absences, Map<String, Integer> activities) {

    record CheckIn(String mode, int minutesLate) {}

    record Absence(String kind, LocalDate from, LocalDate to) {}

    /** Three statements for the whole unit and period, each driven from the unit's employees. */
    static DigestFacts read(JdbcClient jdbc, UUID[] ids, LocalDate from, LocalDate to) {
        Map<String, CheckIn> checkIns = new HashMap<>();
        // A day's first standing check-in (a superseded one only if nothing replaced it).
        jdbc.sql(TenantSql.of(
                        "select distinct on (employee_id, work_date) employee_id, work_date, work_mode, minutes_late"
                                + " from {attendance_check_in} where employee_id = any(?) and work_date between ? and ? and kind = 'IN'"
                                + " order by employee_id, work_date, superseded, captured_at"))
                .params(ids, from, to)
                .query((rs, n) -> checkIns.put(
                        rs.getObject("employee_id", UUID.class) + "@" + rs.getObject("work_date", LocalDate.class),
                        new CheckIn(rs.getString("work_mode"), rs.getInt("minutes_late"))))
                .list();
        Map<UUID, List<Absence>> absences = new HashMap<>();
        jdbc.sql(TenantSql.of("select employee_id, kind, from_date, to_date from {attendance_absence}"
                        + " where employee_id = any(?) and status = 'APPROVED' and to_date >= ? and from_date <= ?"
                        + " order by from_date"))
                .params(ids, from, to)
                .query((rs, n) -> absences.computeIfAbsent(
                                rs.getObject("employee_id", UUID.class), k -> new ArrayList<>())
                        .add(new Absence(
                                rs.getString("kind"),
                                rs.getObject("from_date", LocalDate.class),
                                rs.getObject("to_date", LocalDate.class))))
                .list();
        Map<String, Integer> activities = new HashMap<>();
        jdbc.sql(TenantSql.of("select r.employee_id, r.work_date, r.activities from {report_day} r"
                        + " where r.employee_id = any(?) and r.work_date between ? and ? and r.activities > 0"))
                .params(ids, from, to)
                .query((rs, n) -> activities.put(
                        rs.getObject("employee_id", UUID.class) + "@" + rs.getObject("work_date", LocalDate.class),
                        rs.getInt("activities")))
                .list();
        return new DigestFacts(checkIns, absences, activities);
    }
}
