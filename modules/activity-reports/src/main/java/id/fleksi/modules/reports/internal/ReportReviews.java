package id.fleksi.modules.reports.internal;

import id.fleksi.platform.audit.AuditLog;
import id.fleksi.platform.closing.OpenPeriods;
import id.fleksi.platform.organisation.Deciders;
import id.fleksi.platform.organisation.Employees;
import id.fleksi.platform.problem.Problem;
import id.fleksi.platform.tenancy.TenantContext;
import id.fleksi.platform.tenancy.TenantSql;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The direct supervisor's side: the queue of reports waiting for them, and approving or returning reports,
 * one or many at once. A batch is decided whole or not at all, so a supervisor never wonders which half went.
 * An approval marks the day's activities approved; a day approved before comes back here when work is added to it.
 */
@Service
public class ReportReviews {

    /** A bulk approval of more than a month of a large team at once is a mistake, not a workload. */
    static final int MAX_BATCH = 500;

    private final JdbcClient jdbc;
    private final Employees employees;
    private final Deciders deciders;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final OpenPeriods periods;

    ReportReviews(
            JdbcClient jdbc,
            Employees employees,
            Deciders deciders,
            AuditLog audit,
            TransactionTemplate transactions,
            Clock clock,
            OpenPeriods periods) {
        this.periods = periods;
        this.jdbc = jdbc;
        this.employees = employees;
        this.deciders = deciders;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Reports of the supervisor's direct staff with at least one activity, waiting for a decision. */
    public List<SubmittedReport> queue(String supervisorUsername) {
        UUID supervisor = employees.requireActive(supervisorUsername).id();
        return ReportRows.days(jdbc, "e.supervisor_id = ? and d.status = 'PENDING' and d.activities > 0", supervisor);
    }

    /** Approves the reports, or returns them with the comment; all of them or, with a problem saying why, none. */
    public List<SubmittedReport> decide(String supervisorUsername, List<UUID> dayIds, boolean approve, String comment) {
        return decide(supervisorUsername, dayIds, approve, comment, null);
    }

    /**
     * As {@link #decide(String, List, boolean, String)}, for a supervisor who read the reports at {@code seenAt}: an
     * activity added since then is not approved unseen; the batch is refused and the page shows it.
     */
    public List<SubmittedReport> decide(
            String supervisorUsername, List<UUID> dayIds, boolean approve, String comment, java.time.Instant seenAt) {
        if (dayIds == null || dayIds.isEmpty() || dayIds.size() > MAX_BATCH) {
            throw Problem.badRequest(
                            "invalid-batch", "Which reports?", "ids: name between 1 and " + MAX_BATCH + " reports.")
                    .values(MAX_BATCH);
        }
        if (!approve && (comment == null || comment.isBlank())) {
            throw Problem.badRequest(
                            "comment-required",
                            "Say why",
                            "comment: returning a report needs a comment the employee"
                                    + " can act on. Nothing was changed.")
                    .variant("report");
        }
        List<UUID> ids = List.copyOf(new LinkedHashSet<>(dayIds));
        return transactions.execute(tx -> {
            Deciders.Decider decider = deciders.lock(supervisorUsername);
            List<Object[]> rows = jdbc.sql(
                            TenantSql.of(
                                    "select d.id, d.status, e.supervisor_id, e.name, d.work_date, (select"
                                            + " count(*) from {report_activity} a where a.day_id = d.id), e.id from {report_day} d join"
                                            + " {employee} e on e.id = d.employee_id where d.id = any(?) order by d.id for update of d for share of e"))
                    .param(ids.toArray(UUID[]::new))
                    .query((rs, n) -> new Object[] {
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getObject(3, UUID.class),
                        rs.getString(4),
                        rs.getObject(5, java.time.LocalDate.class),
                        rs.getLong(6),
                        rs.getObject(7, UUID.class)
                    })
                    .list();
            if (rows.size() < ids.size()) {
                List<UUID> found = rows.stream().map(r -> (UUID) r[0]).toList();
                UUID missing = ids.stream()
                        .filter(id -> !found.contains(id))
                        .findFirst()
                        .orElseThrow();
                throw Problem.notFound(
                                "unknown-report",
                                "Unknown report",
                                "There is no report " + missing + " in this tenant." + " Nothing was changed.")
                        .values(missing.toString());
            }
            for (Object[] row : rows) {
                String date = String.valueOf(row[4]);
                String who = row[3] + "'s report for " + date;
                decider.requireSupervisorOf(
                        (UUID) row[6],
                        (UUID) row[2],
                        () -> Problem.forbidden(
                                        "not-the-supervisor",
                                        "Not the supervisor",
                                        "Only the direct supervisor decides " + who + ". Nothing was changed.")
                                .variant("report", row[3], date));
                if (!"PENDING".equals(row[1])) {
                    throw Problem.conflict(
                                    "already-decided",
                                    "Already decided",
                                    who + " is already " + row[1].toString().toLowerCase() + ". Nothing was changed.")
                            .variant("report." + row[1], row[3], date);
                }
                if ((Long) row[5] == 0) {
                    throw Problem.conflict(
                                    "empty-report",
                                    "Nothing to decide",
                                    who + " has no activity yet. Nothing was changed.")
                            .values(row[3], date);
                }
                periods.requireOpen(
                        TenantContext.require(),
                        (UUID) row[6],
                        (java.time.LocalDate) row[4],
                        OpenPeriods.Change.REPORT);
            }
            if (approve && seenAt != null) {
                List<Object[]> since = jdbc.sql(
                                TenantSql.of(
                                        "select e.name, d.work_date from {report_day} d join {employee} e"
                                                + " on e.id = d.employee_id where d.id = any(?) and exists (select 1 from {report_activity} a"
                                                + " where a.day_id = d.id and a.approved_at is null and a.created_at > ?) order by e.name, d.work_date"))
                        .params(ids.toArray(UUID[]::new), Timestamp.from(seenAt))
                        .query((rs, n) -> new Object[] {rs.getString(1), String.valueOf(rs.getObject(2))})
                        .list();
                if (!since.isEmpty()) {
                    Object[] first = since.get(0);
                    throw Problem.conflict(
                                    "report-changed",
                                    "Changed since you looked",
                                    first[0] + " added an activity to the report" + " for " + first[1]
                                            + " after you opened the list; look at it again before approving. Nothing was changed.")
                            .values(first[0], first[1]);
                }
            }
            String status = approve ? "APPROVED" : "RETURNED";
            Timestamp now = Timestamp.from(clock.instant());
            jdbc.sql(TenantSql.of("update {report_day} set status = ?, decided_by = ?, decided_at = ?, comment = ?,"
                            + " returned_at = case when ? then ? else returned_at end where id = any(?)"))
                    .params(status, supervisorUsername, now, comment, !approve, now, ids.toArray(UUID[]::new))
                    .update();
            if (approve) { // the approval covers what is there now; work added later comes back for a decision of its
                // own
                jdbc.sql(
                                TenantSql.of(
                                        "update {report_activity} set approved_at = ? where day_id = any(?) and approved_at is null"))
                        .params(now, ids.toArray(UUID[]::new))
                        .update();
            }
            for (UUID id : ids) {
                audit.record(
                        TenantContext.require(),
                        supervisorUsername,
                        "report." + status.toLowerCase(),
                        id.toString(),
                        Map.of("status", "PENDING"),
                        comment == null ? Map.of("status", status) : Map.of("status", status, "comment", comment));
            }
            return ReportRows.days(jdbc, "d.id = any(?)", (Object) ids.toArray(UUID[]::new));
        });
    }
}
