package id.fleksi.modules.evaluation.closing;

import id.fleksi.modules.evaluation.EmployeeMonth;
import id.fleksi.modules.evaluation.MonthlyEvaluations;
import id.fleksi.modules.evaluation.closing.internal.PaidFigures;
import id.fleksi.platform.problem.Problem;
import id.fleksi.platform.security.Caller;
import id.fleksi.platform.tenancy.Tenant;
import id.fleksi.platform.tenancy.TenantSql;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * A closed month as it was paid beside the month as the evaluation computes it now: they differ when a correction let
 * something change, or when the rules' reading of the facts changed. The paid figures never change; closing again
 * adds a version.
 */
@Service
public class PaidAndCurrent {

    /** One paid version of an employee's month. */
    @Schema(name = "ClosingPaidVersion")
    public record PaidVersion(
            int version, String opdCode, Instant closedAt, String closedBy, BigDecimal deductionPercent) {}

    /**
     * An employee's month: the latest paid figures (null when not closed), the current computation, the names of the
     * fields that differ, every paid version (latest first) and the month's corrections.
     */
    @Schema(name = "ClosingEmployeeMonth")
    public record EmployeeView(
            String month,
            @Nullable EmployeeMonth paid,
            EmployeeMonth current,
            List<String> differences,
            List<PaidVersion> versions,
            List<Corrections.Correction> corrections) {

        public boolean differs() {
            return paid != null && !differences.isEmpty();
        }
    }

    /** An employee in the OPD's list: the paid deduction beside the current one. */
    @Schema(name = "ClosingEmployeeRow")
    public record Row(
            UUID employeeId,
            String nip,
            String name,
            String unitName,
            @Nullable BigDecimal paidPercent,
            BigDecimal currentPercent,
            boolean differs) {}

    private final JdbcClient jdbc;
    private final ObjectProvider<MonthlyEvaluations> evaluations;
    private final Corrections corrections;

    PaidAndCurrent(JdbcClient jdbc, ObjectProvider<MonthlyEvaluations> evaluations, Corrections corrections) {
        this.jdbc = jdbc;
        this.evaluations = evaluations;
        this.corrections = corrections;
    }

    public EmployeeView employee(Tenant tenant, Caller caller, UUID employeeId, YearMonth month) {
        ClosingRules.requireBkd(caller);
        EmployeeMonth current = evaluations.getObject().employee(tenant.code(), employeeId, month);
        List<String> paidJson = new ArrayList<>();
        List<PaidVersion> versions = jdbc.sql(TenantSql.in(
                        tenant.code(),
                        "select c.version, u.code, c.closed_at, c.closed_by,"
                                + " s.deduction_percent, s.figures::text from {evaluation_closed_employee} s join {evaluation_closing} c"
                                + " on c.id = s.closing_id join {org_unit} u on u.id = c.unit_id where s.employee_id = ? and c.month = ?"
                                + " order by c.closed_at desc, c.version desc"))
                .params(employeeId, month.atDay(1))
                .query((rs, n) -> {
                    paidJson.add(rs.getString(6));
                    return new PaidVersion(
                            rs.getInt(1),
                            rs.getString(2),
                            rs.getTimestamp(3).toInstant(),
                            rs.getString(4),
                            rs.getBigDecimal(5));
                })
                .list();
        EmployeeMonth paid = paidJson.isEmpty() ? null : PaidFigures.read(paidJson.get(0));
        List<String> differences = paidJson.isEmpty() ? List.of() : PaidFigures.differences(paidJson.get(0), current);
        return new EmployeeView(
                month.toString(),
                paid,
                current,
                differences,
                versions,
                corrections.of(tenant, caller, month, employeeId));
    }

    /** The employees of the OPD with this code, as the evaluation orders them, each paid beside current. */
    public List<Row> opd(Tenant tenant, Caller caller, YearMonth month, String opdCode) {
        ClosingRules.requireBkd(caller);
        UUID opd = jdbc.sql(TenantSql.in(
                        tenant.code(), "select id from {org_unit} where lower(code) = lower(?) and parent_id is null"))
                .param(opdCode)
                .query(UUID.class)
                .optional()
                .orElseThrow(() -> Problem.notFound(
                                "unknown-opd",
                                "Unknown OPD",
                                "opd: there is no OPD " + opdCode + " (a top-level unit) in this pemda.")
                        .values(opdCode));
        Map<UUID, String> paid = new HashMap<>();
        jdbc.sql(TenantSql.in(
                        tenant.code(),
                        "select distinct on (s.employee_id) s.employee_id, s.figures::text"
                                + " from {evaluation_closed_employee} s join {evaluation_closing} c on c.id = s.closing_id"
                                + " where c.unit_id = ? and c.month = ? order by s.employee_id, c.version desc"))
                .params(opd, month.atDay(1))
                .query((rs, n) -> paid.put(rs.getObject(1, UUID.class), rs.getString(2)))
                .list();
        List<Row> rows = new ArrayList<>();
        evaluations.getObject().each(tenant.code(), month, opd, now -> {
            String was = paid.get(now.employeeId());
            rows.add(new Row(
                    now.employeeId(),
                    now.nip(),
                    now.name(),
                    now.unitName(),
                    was == null ? null : PaidFigures.read(was).deductionPercent(),
                    now.deductionPercent(),
                    was != null && !PaidFigures.differences(was, now).isEmpty()));
        });
        return rows;
    }
}
