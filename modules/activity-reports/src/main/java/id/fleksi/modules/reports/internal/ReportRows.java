package id.fleksi.modules.reports.internal;

import id.fleksi.modules.reports.ReportDay;
import id.fleksi.platform.tenancy.TenantSql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Reading stored reports: days with their activities in two queries, whatever the number of days. */
public final class ReportRows {

    private ReportRows() {}

    private static final String ACTIVITY =
            "select a.id, a.description, a.quantity, a.unit, a.minutes, a.target_id, t.title,"
                    + " a.evidence_link, v.file_name, v.content_type, v.size_bytes, a.day_id,"
                    + " a.approved_at is not null from {report_activity} a"
                    + " left join {report_performance_target} t on t.id = a.target_id left join {report_evidence} v on v.activity_id = a.id";

    /**
     * Stored days of the current tenant matching a condition on {@code d} (report_day) and {@code e} (employee), by
     * employee and date; the condition names tables as {@link TenantSql} does.
     */
    public static List<SubmittedReport> days(JdbcClient jdbc, String where, Object... params) {
        Map<UUID, SubmittedReport> days = new LinkedHashMap<>();
        jdbc.sql(TenantSql.of(
                        "select d.id, d.employee_id, e.name, d.work_date, d.status, d.non_compliant, d.decided_by,"
                                + " d.comment, d.returned_at from {report_day} d join {employee} e on e.id = d.employee_id where "
                                + where
                                + " order by e.name, d.work_date"))
                .params(params)
                .query((rs, n) -> days.put(
                        rs.getObject(1, UUID.class),
                        new SubmittedReport(
                                rs.getObject(1, UUID.class),
                                rs.getObject(2, UUID.class),
                                rs.getString(3),
                                rs.getObject(4, LocalDate.class),
                                ReportDay.Status.valueOf(rs.getString(5)),
                                rs.getBoolean(6),
                                rs.getString(7),
                                rs.getString(8),
                                instant(rs.getTimestamp(9)),
                                new ArrayList<>())))
                .list();
        if (!days.isEmpty()) {
            jdbc.sql(TenantSql.of(ACTIVITY + " where a.day_id = any(?) order by a.seq"))
                    .param(days.keySet().toArray(UUID[]::new))
                    .query((rs, n) ->
                            days.get(rs.getObject(12, UUID.class)).activities().add(activity(rs, n)))
                    .list();
        }
        return List.copyOf(days.values());
    }

    public static ReportDay.Activity activity(JdbcClient jdbc, UUID id) {
        return jdbc.sql(TenantSql.of(ACTIVITY + " where a.id = ?"))
                .param(id)
                .query(ReportRows::activity)
                .single();
    }

    private static ReportDay.Activity activity(ResultSet rs, int row) throws SQLException {
        String file = rs.getString(9);
        return new ReportDay.Activity(
                rs.getObject(1, UUID.class),
                rs.getString(2),
                rs.getBigDecimal(3),
                rs.getString(4),
                rs.getInt(5),
                rs.getObject(6, UUID.class),
                rs.getString(7),
                rs.getString(8),
                file == null ? null : new ReportDay.Evidence(file, rs.getString(10), rs.getInt(11)),
                rs.getBoolean(13));
    }

    private static java.time.Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
