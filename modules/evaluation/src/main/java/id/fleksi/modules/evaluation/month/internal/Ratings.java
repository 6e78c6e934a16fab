package id.fleksi.modules.evaluation.month.internal;

import id.fleksi.platform.audit.AuditLog;
import id.fleksi.platform.problem.Problem;
import id.fleksi.platform.security.Caller;
import id.fleksi.platform.tenancy.Tenant;
import id.fleksi.platform.tenancy.TenantSql;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The supervisor's rating of a month (1 to 5, with a note): given, and changed, only by the employee's direct
 * supervisor, for a month that has begun; every change is in the audit log with what it replaced. Runs with the tenant
 * set.
 */
@Service
class Ratings {

    @Schema(name = "EvaluationRating")
    record Rating(
            @NotNull(message = "is required: 1 to 5")
            @Min(value = 1, message = "is 1 to 5")
            @Max(value = 5, message = "is 1 to 5")
            Integer rating,

            @Nullable @Size(max = 1000, message = "has at most 1000 characters")
            String note) {}

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final MonthViews views;

    Ratings(JdbcClient jdbc, AuditLog audit, TransactionTemplate transactions, Clock clock, MonthViews views) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
        this.views = views;
    }

    void rate(Tenant tenant, Caller caller, UUID employeeId, YearMonth month, Rating rating) {
        if (rating.rating() == null || rating.rating() < 1 || rating.rating() > 5) {
            throw Problem.badRequest("invalid-rating", "Rating 1 to 5", "rating: give 1 to 5. Nothing was saved.");
        }
        String note = rating.note() == null || rating.note().isBlank()
                ? null
                : rating.note().strip();
        if (note != null && note.length() > 1000) {
            throw Problem.badRequest(
                    "note-too-long", "Note too long", "note: at most 1000 characters. Nothing was saved.");
        }
        if (month.isAfter(
                YearMonth.from(clock.instant().atZone(tenant.timeZone().zone())))) {
            throw Problem.unprocessable(
                            "month-not-begun",
                            "Month not begun",
                            "month: " + month + " has not begun; rate a month" + " once it has. Nothing was saved.")
                    .values(month.toString());
        }
        UUID me = views.self(caller);
        Map<String, Object> employee = jdbc
                .sql(TenantSql.of("select name, supervisor_id from {employee} where id = ?"))
                .param(employeeId)
                .query()
                .listOfRows()
                .stream()
                .findFirst()
                .orElseThrow(() -> Problem.notFound(
                                "unknown-employee",
                                "No such employee",
                                "There is no employee " + employeeId + " in this pemda.")
                        .values(employeeId.toString()));
        if (!me.equals(employee.get("supervisor_id"))) {
            throw Problem.forbidden(
                            "evaluation-not-the-supervisor",
                            "Not the direct supervisor",
                            "Only the direct supervisor of " + employee.get("name")
                                    + " rates her month. Nothing was saved.")
                    .values(employee.get("name"));
        }
        transactions.executeWithoutResult(tx -> {
            Map<String, Object> before = jdbc
                    .sql(TenantSql.of("select rating, note, rated_by from {evaluation_rating}"
                            + " where employee_id = ? and month = ? for update"))
                    .params(employeeId, month.toString())
                    .query()
                    .listOfRows()
                    .stream()
                    .findFirst()
                    .orElse(null);
            jdbc.sql(
                            TenantSql.of(
                                    "insert into {evaluation_rating} (employee_id, month, rating, note, rated_by, rated_at)"
                                            + " values (?, ?, ?, ?, ?, ?) on conflict (employee_id, month) do update set rating = excluded.rating,"
                                            + " note = excluded.note, rated_by = excluded.rated_by, rated_at = excluded.rated_at"))
                    .params(
                            employeeId,
                            month.toString(),
                            rating.rating(),
                            note,
                            caller.username(),
                            Timestamp.from(clock.instant()))
                    .update();
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("rating", rating.rating());
            after.put("note", note);
            audit.record(
                    tenant.code(), caller.username(), "evaluation.rating", employeeId + "@" + month, before, after);
        });
    }
}
