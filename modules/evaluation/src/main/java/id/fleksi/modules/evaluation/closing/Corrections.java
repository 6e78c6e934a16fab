package id.fleksi.modules.evaluation.closing;

import id.fleksi.modules.evaluation.closing.internal.EvaluationClosedPeriods;
import id.fleksi.platform.audit.AuditLog;
import id.fleksi.platform.organisation.Employee;
import id.fleksi.platform.organisation.Employees;
import id.fleksi.platform.problem.Problem;
import id.fleksi.platform.security.Caller;
import id.fleksi.platform.tenancy.Tenant;
import id.fleksi.platform.tenancy.TenantSql;
import io.swagger.v3.oas.annotations.media.Schema;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Corrections of a closed month: BKD names an employee, a day or a few days of one month, and why. Those days of hers
 * alone open again so that the change can be made where it is made (her check-in, her absence, her report, a
 * supervisor's decision); the month's other days, and her colleagues' same day, stay closed. Closing the month again
 * closes them and pays the change as a new version. Each correction is in the tenant's audit trail.
 */
@Service
public class Corrections {

    /** What BKD sends. */
    @Schema(name = "ClosingNewCorrection")
    public record NewCorrection(
            @Nullable UUID employeeId,
            @Nullable LocalDate from,
            @Nullable LocalDate to,
            @Nullable String reason) {}

    /** A correction; {@code open} while its days are open (the month not closed again since). */
    @Schema(name = "ClosingCorrection")
    public record Correction(
            UUID id,
            UUID employeeId,
            String employee,
            LocalDate from,
            LocalDate to,
            String reason,
            String recordedBy,
            Instant recordedAt,
            boolean open) {}

    private static final int MAX_REASON = 1000;

    private final JdbcClient jdbc;
    private final Employees employees;
    private final EvaluationClosedPeriods closed;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Corrections(
            JdbcClient jdbc,
            Employees employees,
            EvaluationClosedPeriods closed,
            AuditLog audit,
            TransactionTemplate transactions,
            Clock clock) {
        this.jdbc = jdbc;
        this.employees = employees;
        this.closed = closed;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    public Correction record(Tenant tenant, Caller caller, NewCorrection request) {
        ClosingRules.requireBkd(caller);
        if (request.employeeId() == null || request.from() == null) {
            throw Problem.badRequest(
                            "invalid-correction",
                            "Which employee and day?",
                            "employeeId, from: a correction names"
                                    + " the employee and the day (and to, for several days). Nothing was recorded.")
                    .variant("missing");
        }
        LocalDate from = request.from();
        LocalDate to = request.to() == null ? from : request.to();
        if (to.isBefore(from) || !YearMonth.from(from).equals(YearMonth.from(to))) {
            throw Problem.badRequest(
                            "invalid-correction",
                            "Days of one month",
                            "from, to: in order, within one month. Nothing" + " was recorded.")
                    .variant("range");
        }
        String reason = request.reason() == null ? "" : request.reason().strip();
        if (reason.isEmpty() || reason.length() > MAX_REASON) {
            throw Problem.badRequest(
                            "invalid-correction",
                            "Say why",
                            "reason: a correction says why it is made, in at most " + MAX_REASON
                                    + " characters. Nothing was recorded.")
                    .variant("reason", MAX_REASON);
        }
        Employee employee = employees.find(request.employeeId());
        YearMonth month = YearMonth.from(from);
        if (!closed.monthClosed(tenant.code(), employee.id(), from)) {
            throw Problem.conflict(
                            "month-not-closed",
                            "Month not closed",
                            month + " is not closed for " + employee.name()
                                    + "; change it directly, no correction is needed. Nothing was recorded.")
                    .values(ClosingRules.MONTH_NAME.format(month), employee.name());
        }
        return transactions.execute(tx -> {
            UUID id = UUID.randomUUID();
            Instant now = clock.instant();
            jdbc.sql(TenantSql.in(
                            tenant.code(),
                            "insert into {evaluation_correction} (id, employee_id, from_date, to_date,"
                                    + " reason, recorded_by, recorded_at) values (?, ?, ?, ?, ?, ?, ?)"))
                    .params(id, employee.id(), from, to, reason, caller.username(), Timestamp.from(now))
                    .update();
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("employee", employee.name());
            after.put("from", from.toString());
            after.put("to", to.toString());
            after.put("reason", reason);
            audit.record(
                    tenant.code(),
                    caller.username(),
                    "evaluation.correction",
                    employee.id().toString(),
                    null,
                    after);
            return new Correction(id, employee.id(), employee.name(), from, to, reason, caller.username(), now, true);
        });
    }

    /** The month's corrections, the latest first; of one employee when {@code employeeId} is given. */
    public List<Correction> of(Tenant tenant, Caller caller, YearMonth month, @Nullable UUID employeeId) {
        ClosingRules.requireBkd(caller);
        return jdbc.sql(TenantSql.in(
                        tenant.code(),
                        "select r.id, r.employee_id, e.name, r.from_date, r.to_date, r.reason,"
                                + " r.recorded_by, r.recorded_at, r.closed_again_by is null from {evaluation_correction} r join {employee} e"
                                + " on e.id = r.employee_id where r.from_date between ? and ? and (cast(? as uuid) is null or r.employee_id = ?)"
                                + " order by r.recorded_at desc, r.id"))
                .params(month.atDay(1), month.atEndOfMonth(), employeeId, employeeId)
                .query((rs, n) -> new Correction(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        rs.getString(3),
                        rs.getObject(4, LocalDate.class),
                        rs.getObject(5, LocalDate.class),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getTimestamp(8).toInstant(),
                        rs.getBoolean(9)))
                .list();
    }
}
