package id.fleksi.modules.fwa.internal;

import id.fleksi.platform.audit.AuditLog;
import id.fleksi.platform.calendar.DateRange;
import id.fleksi.platform.organisation.Employees;
import id.fleksi.platform.tenancy.TenantContext;
import id.fleksi.platform.tenancy.TenantSql;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Disciplinary sanction periods BKD records (PP 94/2021); no flexible work while one runs. */
@Service
public class Sanctions {

    public record NewSanction(
            @NotNull(message = "is required") UUID employeeId,
            @NotNull(message = "is required") LocalDate from,
            @NotNull(message = "is required") LocalDate to,

            @NotBlank(message = "is required, e.g. the decree's number")
            @Size(max = 500, message = "has at most 500 characters")
            String note) {}

    private final JdbcClient jdbc;
    private final Employees employees;
    private final AuditLog audit;
    private final Clock clock;

    Sanctions(JdbcClient jdbc, Employees employees, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.employees = employees;
        this.audit = audit;
        this.clock = clock;
    }

    public UUID record(NewSanction sanction, String actor) {
        DateRange.require(sanction.from(), sanction.to(), 3660);
        employees.find(sanction.employeeId());
        UUID id = UUID.randomUUID();
        jdbc.sql(TenantSql.of("insert into {fwa_sanction} (id, employee_id, from_date, to_date, note,"
                        + " created_by, created_at) values (?, ?, ?, ?, ?, ?, ?)"))
                .params(
                        id,
                        sanction.employeeId(),
                        sanction.from(),
                        sanction.to(),
                        sanction.note().strip(),
                        actor,
                        Timestamp.from(clock.instant()))
                .update();
        audit.record(
                TenantContext.require(),
                actor,
                "fwa.sanction",
                sanction.employeeId().toString(),
                null,
                Map.of("from", sanction.from().toString(), "to", sanction.to().toString()));
        return id;
    }
}
