package id.fleksi.modules.attendance.internal;

import id.fleksi.modules.attendance.CheckIn;
import id.fleksi.modules.attendance.CheckInRequest;
import id.fleksi.modules.fwa.ApprovedAbsences;
import id.fleksi.modules.fwa.WorkModes;
import id.fleksi.platform.problem.Problem;
import id.fleksi.platform.tenancy.TenantCode;
import id.fleksi.platform.tenancy.TenantSql;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The caller as an active employee, the record an earlier submission of this request id made (if any), whether they
 * checked in on the date, their location history (for {@link LocationEvidence}), the employee as the FWA answer needs
 * them, and their approved absences on the date.
 */
public record Submitter(
        UUID id,
        UUID unitId,
        boolean checkedIn,
        @Nullable CheckIn earlier,
        LocationEvidence.History history,
        WorkModes.Employee asFwaSees,
        List<ApprovedAbsences.Absence> absences) {

    /**
     * One statement for all of it: every check-in asks it, and much of the cost of a check-in is its round trips. A row
     * per approved absence on the date (almost always one row, with none).
     */
    public static Submitter read(
            JdbcClient jdbc,
            TenantCode tenant,
            String username,
            CheckInRequest request,
            Instant captured,
            LocalDate date) {
        List<Object> parameters = new ArrayList<>();
        parameters.add(date);
        parameters.addAll(LocationEvidence.columnParameters(request, captured));
        parameters.add(request.clientRequestId());
        parameters.add(LocationEvidence.joinParameter(captured));
        parameters.addAll(List.of(date, date, username));
        List<Submitter> rows = jdbc.sql(TenantSql.in(
                        tenant,
                        "select e.id as submitter_id, e.unit_id as submitter_unit_id,"
                                + " exists (select 1 from {attendance_check_in} i where i.employee_id = e.id and i.work_date = ? and i.kind = 'IN')"
                                + " as submitter_checked_in, " + CheckInRegister.EARLIER_COLUMNS + ", "
                                + LocationEvidence.COLUMNS + ", " + WorkModes.EMPLOYEE_COLUMNS + ", "
                                + AbsenceRecords.APPROVED_COLUMNS
                                + " from {employee} e left join {attendance_check_in} c on c.client_request_id = ?"
                                + LocationEvidence.JOIN
                                + " left join {attendance_absence} a on a.employee_id = e.id and a.status = 'APPROVED'"
                                + " and a.from_date <= ? and a.to_date >= ?"
                                + " where e.username = ? and e.status <> 'RETIRED'"))
                .params(parameters)
                .query((rs, n) -> new Submitter(
                        rs.getObject("submitter_id", UUID.class),
                        rs.getObject("submitter_unit_id", UUID.class),
                        rs.getBoolean("submitter_checked_in"),
                        rs.getObject("earlier_id") == null ? null : CheckInRegister.map(rs, "earlier_"),
                        LocationEvidence.read(rs),
                        WorkModes.employee(rs),
                        Stream.ofNullable(AbsenceRecords.approved(rs)).toList()))
                .list();
        if (rows.isEmpty()) {
            throw Problem.forbidden(
                    "not-an-employee",
                    "Not an employee",
                    "Your account is not an active employee of this pemda. Ask BKD.");
        }
        Submitter first = rows.get(0);
        return rows.size() == 1
                ? first
                : new Submitter(
                        first.id(),
                        first.unitId(),
                        first.checkedIn(),
                        first.earlier(),
                        first.history(),
                        first.asFwaSees(),
                        rows.stream().flatMap(row -> row.absences().stream()).toList());
    }
}
