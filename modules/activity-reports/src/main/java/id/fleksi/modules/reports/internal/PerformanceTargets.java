package id.fleksi.modules.reports.internal;

import id.fleksi.platform.audit.AuditLog;
import id.fleksi.platform.organisation.Employees;
import id.fleksi.platform.problem.Problem;
import id.fleksi.platform.tenancy.TenantContext;
import id.fleksi.platform.tenancy.TenantSql;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Work-result plans (RHK), simple for now: a title, a target quantity and its unit, for a period. */
@Service
public class PerformanceTargets {

    public record NewTarget(
            @NotBlank(message = "is required") @Size(max = 300, message = "has at most 300 characters")
            String title,

            @NotNull(message = "is required")
            @DecimalMin(value = "0", inclusive = false, message = "is more than 0")
            @Digits(integer = 10, fraction = 2, message = "has at most 10 digits and 2 decimals")
            BigDecimal targetQuantity,

            @NotBlank(message = "is required") @Size(max = 50, message = "has at most 50 characters")
            String unit,

            @NotNull(message = "is required") LocalDate periodStart,
            @NotNull(message = "is required") LocalDate periodEnd) {}

    /** A plan with what the approved and pending activities linked to it add up to so far. */
    public record Target(
            UUID id,
            String title,
            BigDecimal targetQuantity,
            String unit,
            LocalDate periodStart,
            LocalDate periodEnd,
            BigDecimal achieved) {}

    private final JdbcClient jdbc;
    private final Employees employees;
    private final AuditLog audit;
    private final Clock clock;

    PerformanceTargets(JdbcClient jdbc, Employees employees, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.employees = employees;
        this.audit = audit;
        this.clock = clock;
    }

    public Target create(String username, NewTarget target) {
        if (target.periodEnd().isBefore(target.periodStart())
                || target.periodEnd().isAfter(target.periodStart().plusYears(1))) {
            throw Problem.badRequest(
                    "invalid-period",
                    "Period out of order",
                    "periodEnd: must be on or after periodStart and" + " within a year of it. Nothing was saved.");
        }
        UUID employee = employees.requireActive(username).id();
        UUID id = UUID.randomUUID();
        jdbc.sql(TenantSql.of(
                        "insert into {report_performance_target} (id, employee_id, period_start, period_end, title,"
                                + " target_quantity, unit, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)"))
                .params(
                        id,
                        employee,
                        target.periodStart(),
                        target.periodEnd(),
                        target.title().strip(),
                        target.targetQuantity(),
                        target.unit().strip(),
                        Timestamp.from(clock.instant()))
                .update();
        audit.record(TenantContext.require(), username, "report.target-created", id.toString(), null, target);
        return mine(username, target.periodStart()).stream()
                .filter(t -> t.id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    /** The employee's plans in force on a date. */
    public List<Target> mine(String username, LocalDate on) {
        UUID employee = employees.requireActive(username).id();
        return jdbc.sql(TenantSql.of("select t.id, t.title, t.target_quantity, t.unit, t.period_start, t.period_end,"
                        + " coalesce((select sum(a.quantity) from {report_activity} a join {report_day} d"
                        + " on d.id = a.day_id where a.target_id = t.id and d.status <> 'RETURNED'), 0)"
                        + " from {report_performance_target} t where t.employee_id = ? and ? between t.period_start"
                        + " and t.period_end order by t.title"))
                .params(employee, on)
                .query((rs, n) -> new Target(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getBigDecimal(3),
                        rs.getString(4),
                        rs.getObject(5, LocalDate.class),
                        rs.getObject(6, LocalDate.class),
                        rs.getBigDecimal(7)))
                .list();
    }
}
