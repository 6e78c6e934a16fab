package id.fleksi.modules.attendance.internal;

import id.fleksi.modules.attendance.Absences.Absence;
import id.fleksi.modules.attendance.Absences.Kind;
import id.fleksi.modules.attendance.Absences.Status;
import id.fleksi.modules.fwa.ApprovedAbsences;
import id.fleksi.platform.tenancy.TenantSql;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The absences as stored, read for the employee, their supervisor and the FWA answer. */
@Component
public class AbsenceRecords {

    /** How many of an employee's absences {@link #latestOf} lists, newest first. */
    static final int RECENT = 30;

    private final JdbcClient jdbc;

    AbsenceRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Absence> find(UUID id) {
        return jdbc.sql(TenantSql.of(SELECT + " where a.id = ?"))
                .param(id)
                .query(AbsenceRecords::map)
                .optional();
    }

    /** The employee's latest absences, whatever their status, the latest first. */
    public List<Absence> latestOf(UUID employee) {
        return jdbc.sql(TenantSql.of(SELECT
                        + " where a.employee_id = ? order by a.from_date desc, a.created_at desc limit " + RECENT))
                .param(employee)
                .query(AbsenceRecords::map)
                .list();
    }

    /** The absences waiting for this supervisor's decision: those of their direct reports, the earliest first. */
    public List<Absence> awaiting(String supervisorUsername) {
        return jdbc.sql(TenantSql.of(SELECT + " join {employee} s on s.id = e.supervisor_id"
                        + " where s.username = ? and a.status = 'PENDING' order by a.from_date, a.created_at"))
                .param(supervisorUsername)
                .query(AbsenceRecords::map)
                .list();
    }

    /** The approved absences that touch the dates, of the employees (everyone's when null). */
    public List<ApprovedAbsences.Absence> approvedBetween(
            LocalDate from, LocalDate to, java.util.@Nullable Collection<UUID> employees) {
        var query = jdbc.sql(TenantSql.of("select " + APPROVED_COLUMNS + " from {attendance_absence} a"
                        + " where a.status = 'APPROVED' and a.from_date <= ? and a.to_date >="
                        + " ?" + (employees == null ? "" : " and a.employee_id = any(?)")))
                .param(to)
                .param(from);
        return (employees == null ? query : query.param(employees.toArray(UUID[]::new)))
                .query((rs, n) -> Objects.requireNonNull(approved(rs))) // a row of the absences themselves
                .list();
    }

    /** An approved absence's columns, of the absence aliased {@code a}, named {@code absence_*}; read by {@link #approved}. */
    public static final String APPROVED_COLUMNS =
            "a.employee_id as absence_employee_id, a.from_date as absence_from, a.to_date as absence_to,"
                    + " a.kind as absence_kind, a.destination as absence_destination";

    /** The absence in {@link #APPROVED_COLUMNS}, by their names; null when they are null (no row joined). */
    public static ApprovedAbsences.@Nullable Absence approved(java.sql.ResultSet rs) throws java.sql.SQLException {
        UUID employee = rs.getObject("absence_employee_id", UUID.class);
        String kind = rs.getString("absence_kind");
        return employee == null
                ? null
                : new ApprovedAbsences.Absence(
                        employee,
                        rs.getObject("absence_from", LocalDate.class),
                        rs.getObject("absence_to", LocalDate.class),
                        Kind.DINAS_LUAR.name().equals(kind),
                        kind,
                        rs.getString("absence_destination"));
    }

    private static final String SELECT = "select a.id, a.employee_id, e.name, a.kind, a.from_date, a.to_date, a.reason,"
            + " a.letter_number, a.destination, a.status, a.decided_by, a.comment, d.file_name from {attendance_absence} a"
            + " join {employee} e on e.id = a.employee_id left join {attendance_absence_document} d on d.absence_id = a.id";

    private static Absence map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Absence(
                rs.getObject(1, UUID.class),
                rs.getObject(2, UUID.class),
                rs.getString(3),
                Kind.valueOf(rs.getString(4)),
                rs.getObject(5, LocalDate.class),
                rs.getObject(6, LocalDate.class),
                rs.getString(7),
                rs.getString(8),
                rs.getString(9),
                Status.valueOf(rs.getString(10)),
                rs.getString(11),
                rs.getString(12),
                rs.getString(13));
    }
}
