package id.fleksi.modules.reports.internal;

import id.fleksi.modules.reports.DailyReports;
import id.fleksi.modules.reports.NewActivity;
import id.fleksi.modules.reports.ReportDay;
import id.fleksi.platform.audit.AuditLog;
import id.fleksi.platform.organisation.Employee;
import id.fleksi.platform.organisation.Employees;
import id.fleksi.platform.problem.Problem;
import id.fleksi.platform.tenancy.TenantContext;
import id.fleksi.platform.tenancy.TenantSql;
import id.fleksi.platform.web.UploadedDocument;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An activity's evidence file: at most 5 MB, of a type recognised by its first bytes (what the phone claims
 * is not trusted): PDF, JPEG, PNG, WebP, or an Office/OpenDocument file. One file per activity; a new one
 * replaces it while the report is open.
 */
@Service
public class EvidenceFiles {

    public static final int MAX_BYTES = UploadedDocument.MAX_BYTES;

    public record File(String fileName, String contentType, byte[] content) {}

    private final JdbcClient jdbc;
    private final Employees employees;
    private final DailyReports reports;
    private final AuditLog audit;
    private final TransactionTemplate transactions;

    EvidenceFiles(
            JdbcClient jdbc,
            Employees employees,
            DailyReports reports,
            AuditLog audit,
            TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.employees = employees;
        this.reports = reports;
        this.audit = audit;
        this.transactions = transactions;
    }

    /** An activity with its evidence file in one step: both are kept, or (with a problem saying why) neither. */
    public ReportDay.Activity addWithEvidence(
            String username, java.time.LocalDate date, NewActivity activity, String fileName, byte[] content) {
        UploadedDocument.of(fileName, content);
        return transactions.execute(
                tx -> attach(username, reports.add(username, date, activity).id(), fileName, content));
    }

    public ReportDay.Activity attach(String username, UUID activityId, String fileName, byte[] content) {
        UploadedDocument document = UploadedDocument.of(fileName, content);
        String type = document.contentType();
        String safeName = document.fileName();
        Employee employee = employees.requireActive(username);
        return transactions.execute(tx -> {
            java.time.LocalDate date = jdbc.sql(
                            TenantSql.of("select d.work_date from {report_activity} a join {report_day} d"
                                    + " on d.id = a.day_id where a.id = ? and d.employee_id = ?"))
                    .params(activityId, employee.id())
                    .query(java.time.LocalDate.class)
                    .optional()
                    .orElseThrow(() -> Problem.notFound(
                                    "unknown-activity", "Unknown activity", "You have no activity " + activityId + ".")
                            .values(activityId.toString()));
            reports.openForChange(employee, date, activityId);
            jdbc.sql(
                            TenantSql.of(
                                    "insert into {report_evidence} (activity_id, file_name, content_type, size_bytes, content)"
                                            + " values (?, ?, ?, ?, ?) on conflict (activity_id) do update set file_name = excluded.file_name,"
                                            + " content_type = excluded.content_type, size_bytes = excluded.size_bytes, content = excluded.content"))
                    .params(activityId, safeName, type, content.length, content)
                    .update();
            audit.record(
                    TenantContext.require(),
                    username,
                    "report.evidence-attached",
                    date.toString(),
                    null,
                    Map.of("activity", activityId.toString(), "file", safeName, "bytes", content.length));
            return ReportRows.activity(jdbc, activityId);
        });
    }

    /** The file, for its author, their direct supervisor, or BKD. */
    public File read(String username, boolean bkd, UUID activityId) {
        Object[] row = jdbc.sql(
                        TenantSql.of("select v.file_name, v.content_type, v.content, e.username, s.username from"
                                + " {report_evidence} v join {report_activity} a on a.id = v.activity_id join {report_day} d on d.id"
                                + " = a.day_id join {employee} e on e.id = d.employee_id left join {employee} s on s.id ="
                                + " e.supervisor_id where v.activity_id = ?"))
                .param(activityId)
                .query((rs, n) ->
                        new Object[] {rs.getString(1), rs.getString(2), rs.getBytes(3), rs.getString(4), rs.getString(5)
                        })
                .optional()
                .orElseThrow(() -> Problem.notFound(
                                "unknown-evidence", "No evidence", "Activity " + activityId + " has no evidence file.")
                        .values(activityId.toString()));
        if (!bkd && !username.equals(row[3]) && !username.equals(row[4])) {
            throw Problem.forbidden(
                            "not-yours",
                            "Not allowed",
                            "Only the author, their direct supervisor and BKD see evidence files.")
                    .variant("evidence");
        }
        return new File((String) row[0], (String) row[1], (byte[]) row[2]);
    }
}
