package id.fleksi.modules.attendance.internal;

import id.fleksi.modules.attendance.Absences.Absence;
import id.fleksi.modules.attendance.Absences.Status;
import id.fleksi.platform.audit.AuditLog;
import id.fleksi.platform.closing.OpenPeriods;
import id.fleksi.platform.organisation.Employees;
import id.fleksi.platform.problem.Problem;
import id.fleksi.platform.tenancy.TenantContext;
import id.fleksi.platform.tenancy.TenantSql;
import id.fleksi.platform.web.UploadedDocument;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The document an absence carries (a doctor's note, the surat tugas): attached by its author, read by those it concerns. */
@Component
public class AbsenceDocuments {

    private final JdbcClient jdbc;
    private final AbsenceRecords records;
    private final Employees employees;
    private final AuditLog audit;
    private final OpenPeriods periods;

    AbsenceDocuments(
            JdbcClient jdbc, AbsenceRecords records, Employees employees, AuditLog audit, OpenPeriods periods) {
        this.jdbc = jdbc;
        this.records = records;
        this.employees = employees;
        this.audit = audit;
        this.periods = periods;
    }

    /** Attaches (or replaces) the absence's document; only its author, and only while it waits for a decision. */
    public Absence attach(String username, UUID id, String fileName, byte[] content) {
        UploadedDocument document = UploadedDocument.of(fileName, content);
        UUID author = employees.requireActive(username).id();
        Absence absence = records.find(id)
                .filter(a -> a.employeeId().equals(author))
                .orElseThrow(
                        () -> Problem.notFound("unknown-absence", "Unknown absence", "You have no absence " + id + ".")
                                .variant("mine", id.toString()));
        if (absence.status() != Status.PENDING) {
            throw Problem.conflict(
                            "already-decided",
                            "Already decided",
                            "This absence was already "
                                    + absence.status().name().toLowerCase()
                                    + "; its document can no longer change. Nothing was saved.")
                    .variant("document." + absence.status().name());
        }
        periods.requireOpen(TenantContext.require(), author, absence.from(), absence.to(), OpenPeriods.Change.ABSENCE);
        jdbc.sql(
                        TenantSql.of(
                                "insert into {attendance_absence_document} (absence_id, file_name, content_type, size_bytes, content)"
                                        + " values (?, ?, ?, ?, ?) on conflict (absence_id) do update set file_name = excluded.file_name,"
                                        + " content_type = excluded.content_type, size_bytes = excluded.size_bytes, content = excluded.content"))
                .params(id, document.fileName(), document.contentType(), content.length, content)
                .update();
        audit.record(
                TenantContext.require(),
                username,
                "absence.document",
                id.toString(),
                null,
                Map.of("file", document.fileName(), "bytes", content.length));
        return records.find(id).orElseThrow();
    }

    /** The absence's document, for its author, their direct supervisor, or BKD. */
    public UploadedDocument read(String username, boolean bkd, UUID id) {
        Object[] row = jdbc.sql(
                        TenantSql.of(
                                "select d.file_name, d.content_type, d.content, e.username, s.username from"
                                        + " {attendance_absence_document} d join {attendance_absence} a on a.id = d.absence_id join"
                                        + " {employee} e on e.id = a.employee_id left join {employee} s on s.id = e.supervisor_id where d.absence_id = ?"))
                .param(id)
                .query((rs, n) ->
                        new Object[] {rs.getString(1), rs.getString(2), rs.getBytes(3), rs.getString(4), rs.getString(5)
                        })
                .optional()
                .orElseThrow(() -> Problem.notFound("no-document", "No document", "Absence " + id + " has no document.")
                        .values(id.toString()));
        if (!bkd && !username.equals(row[3]) && !username.equals(row[4])) {
            throw Problem.forbidden(
                            "not-yours",
                            "Not allowed",
                            "Only the employee, their direct supervisor and BKD see this document.")
                    .variant("absence");
        }
        return new UploadedDocument((String) row[0], (String) row[1], (byte[]) row[2]);
    }
}
