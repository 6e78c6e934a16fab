package id.fleksi.modules.evaluation.feedback.internal;

import id.fleksi.platform.audit.AuditLog;
import id.fleksi.platform.problem.Problem;
import id.fleksi.platform.security.Caller;
import id.fleksi.platform.tenancy.Tenant;
import id.fleksi.platform.tenancy.TenantSql;
import io.swagger.v3.oas.annotations.media.Schema;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Ratings as they arrive from the public page, pending, and the moderator's decision on each. A rating keeps the
 * service, the day (the tenant's date, nothing finer), the score, the comment and how the citizen was served: nothing
 * that says who gave it. Each decision is written to the audit trail with the moderator's name. Runs with the tenant set.
 */
@Service
public class FeedbackInbox {

    /** How the citizen says the staff served them, when they say. */
    public enum ServedMode {
        OFFICE,
        REMOTE
    }

    public enum Decision {
        ACCEPT,
        REJECT
    }

    @Schema(name = "PendingFeedback")
    public record Pending(
            UUID id,
            UUID serviceId,
            String serviceName,
            String unitName,
            LocalDate givenOn,
            int score,
            @Nullable String comment,
            @Nullable ServedMode servedMode) {}

    @Schema(name = "FeedbackDecision")
    public record DecisionRequest(@Nullable Decision decision) {}

    @Schema(name = "DecidedFeedback")
    public record Decided(UUID id, String status, String decidedBy) {}

    private final JdbcClient jdbc;
    private final Stewards stewards;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    FeedbackInbox(JdbcClient jdbc, Stewards stewards, AuditLog audit, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.stewards = stewards;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Keeps a citizen's rating of an active service, pending; the caller has checked the score (1 to 5) and the comment. */
    public void receive(
            Tenant tenant, UUID serviceId, int score, @Nullable String comment, @Nullable ServedMode served) {
        LocalDate today = clock.instant().atZone(tenant.timeZone().zone()).toLocalDate();
        jdbc.sql(TenantSql.of(
                        "insert into {evaluation_feedback} (id, service_id, given_on, score, comment, served_mode, status)"
                                + " values (?, ?, ?, ?, ?, ?, 'PENDING')"))
                .params(UUID.randomUUID(), serviceId, today, score, comment, served == null ? null : served.name())
                .update();
    }

    /** The ratings waiting for this moderator, the oldest first (at most 500). */
    public List<Pending> pending(Caller caller) {
        Stewards.Reach reach = stewards.toModerate(caller);
        List<Object> params = new java.util.ArrayList<>();
        String within = "";
        if (!reach.everything()) {
            within = " and s.unit_id in ("
                    + String.join(
                            ", ", java.util.Collections.nCopies(reach.units().size(), "?")) + ")";
            params.addAll(reach.units());
        }
        return jdbc.sql(TenantSql.of(
                        "select f.id, f.service_id, s.name as service_name, u.name as unit_name, f.given_on, f.score,"
                                + " f.comment, f.served_mode from {evaluation_feedback} f"
                                + " join {evaluation_service} s on s.id = f.service_id join {org_unit} u on u.id = s.unit_id"
                                + " where f.status = 'PENDING'" + within + " order by f.number limit 500"))
                .params(params)
                .query((rs, n) -> new Pending(
                        rs.getObject("id", UUID.class),
                        rs.getObject("service_id", UUID.class),
                        rs.getString("service_name"),
                        rs.getString("unit_name"),
                        rs.getObject("given_on", LocalDate.class),
                        rs.getInt("score"),
                        rs.getString("comment"),
                        rs.getString("served_mode") == null ? null : ServedMode.valueOf(rs.getString("served_mode"))))
                .list();
    }

    /** Accepts or rejects a pending rating; audited. A rating already decided is refused, unchanged. */
    public Decided decide(Tenant tenant, Caller caller, UUID id, @Nullable Decision decision) {
        if (decision == null) {
            throw Problem.badRequest(
                    "feedback-decision-missing",
                    "Say accept or reject",
                    "decision: ACCEPT or REJECT. Nothing was changed.");
        }
        Stewards.Reach reach = stewards.toModerate(caller);
        return transactions.execute(status -> {
            List<Map<String, Object>> rows = jdbc.sql(
                            TenantSql.of("select f.status, s.unit_id, u.name from {evaluation_feedback} f"
                                    + " join {evaluation_service} s on s.id = f.service_id join {org_unit} u on u.id = s.unit_id"
                                    + " where f.id = ? for update of f"))
                    .param(id)
                    .query()
                    .listOfRows();
            if (rows.isEmpty()) {
                throw unknown(id);
            }
            Map<String, Object> row = rows.get(0);
            if (!reach.covers((UUID) row.get("unit_id"))) {
                throw Problem.forbidden(
                                "feedback-not-your-unit",
                                "Not your unit",
                                "This rating is of a service of " + row.get("name")
                                        + "; its head or BKD decides on it.")
                        .values(row.get("name"));
            }
            if (!"PENDING".equals(row.get("status"))) {
                throw Problem.conflict(
                        "feedback-decided",
                        "Already decided",
                        "This rating was already decided (" + row.get("status") + "). Nothing was changed.");
            }
            String now = decision == Decision.ACCEPT ? "ACCEPTED" : "REJECTED";
            jdbc.sql(TenantSql.of(
                            "update {evaluation_feedback} set status = ?, decided_by = ?, decided_at = ? where id = ?"))
                    .params(now, caller.username(), Timestamp.from(clock.instant()), id)
                    .update();
            audit.record(
                    tenant.code(),
                    caller.username(),
                    decision == Decision.ACCEPT ? "feedback.accepted" : "feedback.rejected",
                    "evaluation_feedback:" + id,
                    Map.of("status", "PENDING"),
                    Map.of("status", now));
            return new Decided(id, now, caller.username());
        });
    }

    private static Problem unknown(UUID id) {
        return Problem.notFound(
                "unknown-feedback",
                "No such rating",
                "There is no rating " + id + " here. Open the moderation list again.");
    }
}
