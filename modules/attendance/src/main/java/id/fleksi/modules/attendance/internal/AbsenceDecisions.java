package id.fleksi.modules.attendance.internal;

import id.fleksi.modules.attendance.Absences.Absence;
import id.fleksi.modules.attendance.Absences.Status;
import id.fleksi.platform.audit.AuditLog;
import id.fleksi.platform.closing.OpenPeriods;
import id.fleksi.platform.figures.DayChanged;
import id.fleksi.platform.organisation.Deciders;
import id.fleksi.platform.problem.Problem;
import id.fleksi.platform.tenancy.TenantContext;
import id.fleksi.platform.tenancy.TenantSql;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** A direct supervisor's decision on an absence: approved, or returned with a reason. */
@Component
public class AbsenceDecisions {

    private final JdbcClient jdbc;
    private final AbsenceRecords records;
    private final Deciders deciders;
    private final AuditLog audit;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final OpenPeriods periods;
    private final ApplicationEventPublisher events;

    AbsenceDecisions(
            JdbcClient jdbc,
            AbsenceRecords records,
            Deciders deciders,
            AuditLog audit,
            Clock clock,
            TransactionTemplate transactions,
            OpenPeriods periods,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.records = records;
        this.deciders = deciders;
        this.audit = audit;
        this.clock = clock;
        this.transactions = transactions;
        this.periods = periods;
        this.events = events;
    }

    /**
     * Approves or returns an absence; only the employee's direct supervisor may (an active employee, never the employee
     * themself: {@link Deciders}), and only while it is pending.
     */
    public Absence decide(String supervisorUsername, UUID id, boolean approve, @Nullable String comment) {
        return transactions.execute(tx -> {
            Absence absence = records.find(id)
                    .orElseThrow(() -> Problem.notFound(
                                    "unknown-absence",
                                    "Unknown absence",
                                    "There is no absence " + id + " in this tenant.")
                            .variant("tenant", id.toString()));
            deciders.lockSupervisorOf(
                    supervisorUsername,
                    absence.employeeId(),
                    () -> Problem.forbidden(
                                    "not-the-supervisor",
                                    "Not the supervisor",
                                    "Only " + absence.employee() + "'s direct supervisor can decide this absence.")
                            .variant("absence", absence.employee()));
            if (absence.status() != Status.PENDING) {
                throw alreadyDecided(absence);
            }
            periods.requireOpen(
                    TenantContext.require(),
                    absence.employeeId(),
                    absence.from(),
                    absence.to(),
                    OpenPeriods.Change.ABSENCE);
            if (!approve && (comment == null || comment.isBlank())) {
                throw Problem.badRequest(
                                "comment-required",
                                "Say why",
                                "comment: returning an absence needs a reason the employee can act on")
                        .variant("absence");
            }
            Status status = approve ? Status.APPROVED : Status.RETURNED;
            // Only while still pending: of two decisions sent at once (a double tap), the second finds it decided.
            int decided = jdbc.sql(TenantSql.of(
                            "update {attendance_absence} set status = ?, decided_by = ?, decided_at = ?, comment = ?"
                                    + " where id = ? and status = 'PENDING'"))
                    .params(Arrays.asList(
                            status.name(),
                            supervisorUsername,
                            java.sql.Timestamp.from(Instant.now(clock)),
                            comment,
                            id))
                    .update();
            if (decided == 0) {
                throw alreadyDecided(records.find(id).orElseThrow());
            }
            audit.record(
                    TenantContext.require(),
                    supervisorUsername,
                    "absence." + status.name().toLowerCase(),
                    id.toString(),
                    Map.of("status", "PENDING"),
                    Map.of("status", status.name()));
            events.publishEvent(new DayChanged(TenantContext.require())); // heard once committed (an approval excuses)
            return records.find(id).orElseThrow();
        });
    }

    private static Problem alreadyDecided(Absence absence) {
        return Problem.conflict(
                        "already-decided",
                        "Already decided",
                        "This absence was already " + absence.status().name().toLowerCase() + " by "
                                + absence.decidedBy() + ".")
                .variant("absence." + absence.status().name(), absence.decidedBy());
    }
}
