package id.fleksi.modules.evaluation.closing;

import id.fleksi.modules.evaluation.MonthlyEvaluations;
import id.fleksi.modules.evaluation.closing.internal.PaidFigures;
import id.fleksi.platform.audit.AuditLog;
import id.fleksi.platform.problem.Problem;
import id.fleksi.platform.security.Caller;
import id.fleksi.platform.tenancy.Tenant;
import id.fleksi.platform.tenancy.TenantSql;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Closes a month for one OPD or for every OPD of the pemda: the employees' months as the evaluation computes them now,
 * streamed one at a time, are kept as paid. An OPD already closed is closed again only when a correction has reopened
 * some of its days since; that is a new version, and the earlier ones stay.
 */
@Service
public class MonthClosings {

    /** Employees written per statement batch while the month streams in. */
    private static final int BATCH = 500;

    /** One OPD's month: open, closed, or closed with corrections open since. */
    @Schema(name = "ClosingOpdState")
    public record OpdState(
            UUID unitId,
            String code,
            String name,
            String state,
            @Nullable Integer version,
            @Nullable String closedBy,
            @Nullable Instant closedAt,
            @Nullable Integer employees,
            int openCorrections) {

        public boolean closed() {
            return version != null;
        }
    }

    /** A month with the state of each OPD; {@code over} says whether it can be closed yet. */
    @Schema(name = "ClosingMonthState")
    public record MonthState(String month, boolean over, int opdsClosed, List<OpdState> opds) {}

    /** What one closing made. */
    @Schema(name = "ClosingDone")
    public record Closed(
            UUID id,
            String month,
            String opdCode,
            String opdName,
            int version,
            int employees,
            String closedBy,
            Instant closedAt) {}

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final ObjectProvider<MonthlyEvaluations> evaluations;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    MonthClosings(
            JdbcClient jdbc,
            JdbcTemplate batches,
            ObjectProvider<MonthlyEvaluations> evaluations,
            AuditLog audit,
            TransactionTemplate transactions,
            Clock clock) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.evaluations = evaluations;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The month's state per OPD (top-level units, by name). */
    public MonthState state(Tenant tenant, Caller caller, YearMonth month) {
        ClosingRules.requireBkd(caller);
        List<OpdState> opds = opds(tenant, month);
        return new MonthState(
                month.toString(),
                ClosingRules.over(month, tenant, clock),
                (int) opds.stream().filter(OpdState::closed).count(),
                opds);
    }

    /** Every OPD's state in the month, for whoever may read it (the exports say whose figures they carry). */
    List<OpdState> opds(Tenant tenant, YearMonth month) {
        LocalDate first = month.atDay(1);
        return jdbc.sql(
                        TenantSql.in(
                                tenant.code(),
                                "select u.id, u.code, u.name, c.version, c.closed_by,"
                                        + " c.closed_at, c.employees, (select count(*) from {evaluation_correction} r where r.closed_again_by is null"
                                        + " and r.from_date between ? and ? and exists (select 1 from {evaluation_closed_employee} s"
                                        + " where s.closing_id = c.id and s.employee_id = r.employee_id))"
                                        + " from {org_unit} u left join lateral (select * from {evaluation_closing} c where c.unit_id = u.id"
                                        + " and c.month = ? order by c.version desc limit 1) c on true where u.parent_id is null order by u.name"))
                .params(first, month.atEndOfMonth(), first)
                .query((rs, n) -> {
                    Integer version = (Integer) rs.getObject(4);
                    int corrections = rs.getInt(8);
                    String state = version == null ? "OPEN" : corrections > 0 ? "CORRECTING" : "CLOSED";
                    return new OpdState(
                            rs.getObject(1, UUID.class),
                            rs.getString(2),
                            rs.getString(3),
                            state,
                            version,
                            rs.getString(5),
                            rs.getTimestamp(6) == null
                                    ? null
                                    : rs.getTimestamp(6).toInstant(),
                            (Integer) rs.getObject(7),
                            corrections);
                })
                .list();
    }

    /**
     * Closes the month for the OPD with this code, or (null) for every OPD not yet closed or with a correction open; at
     * least one must be closable. All or nothing.
     */
    public List<Closed> close(Tenant tenant, Caller caller, YearMonth month, @Nullable String opdCode) {
        ClosingRules.requireBkd(caller);
        ClosingRules.requireOver(month, tenant, clock);
        MonthlyEvaluations evaluation = evaluations.getObject();
        return transactions.execute(tx -> {
            List<OpdState> opds = state(tenant, caller, month).opds();
            List<OpdState> targets;
            if (opdCode != null && !opdCode.isBlank()) {
                OpdState opd = opds.stream()
                        .filter(o -> o.code().equalsIgnoreCase(opdCode.strip()))
                        .findFirst()
                        .orElseThrow(() -> Problem.notFound(
                                        "unknown-opd",
                                        "Unknown OPD",
                                        "opd: there is no OPD " + opdCode
                                                + " (a top-level unit) in this pemda. Nothing was closed.")
                                .values(opdCode));
                targets = List.of(opd);
            } else {
                targets = opds;
            }
            targets = targets.stream().filter(o -> !"CLOSED".equals(o.state())).toList();
            if (targets.isEmpty()) {
                throw Problem.conflict(
                                "month-already-closed",
                                "Already closed",
                                month + " is already closed" + (opdCode == null ? "" : " for " + opdCode)
                                        + " and no correction has reopened it since. Nothing was closed.")
                        .values(ClosingRules.MONTH_NAME.format(month));
            }
            // One closing of an OPD's month at a time: a second one waits here, then finds the month closed.
            jdbc.sql(TenantSql.in(tenant.code(), "select id from {org_unit} where id = any(?) order by id for update"))
                    .param(targets.stream().map(OpdState::unitId).toArray(UUID[]::new))
                    .query(UUID.class)
                    .list();
            List<OpdState> fresh = state(tenant, caller, month).opds();
            Instant now = clock.instant();
            Map<UUID, UUID> closingOfOpd = new LinkedHashMap<>();
            Map<UUID, Integer> versions = new HashMap<>();
            for (OpdState target : targets) {
                OpdState current = fresh.stream()
                        .filter(o -> o.unitId().equals(target.unitId()))
                        .findFirst()
                        .orElseThrow();
                if ("CLOSED".equals(current.state())) {
                    throw Problem.conflict(
                                    "month-already-closed",
                                    "Already closed",
                                    month + " was closed for " + target.code() + " a moment ago. Nothing was closed.")
                            .values(ClosingRules.MONTH_NAME.format(month));
                }
                int version = current.version() == null ? 1 : current.version() + 1;
                UUID id = UUID.randomUUID();
                jdbc.sql(TenantSql.in(
                                tenant.code(),
                                "insert into {evaluation_closing} (id, unit_id, month, version, employees,"
                                        + " closed_by, closed_at) values (?, ?, ?, ?, 0, ?, ?)"))
                        .params(id, target.unitId(), month.atDay(1), version, caller.username(), Timestamp.from(now))
                        .update();
                closingOfOpd.put(target.unitId(), id);
                versions.put(target.unitId(), version);
            }
            Map<UUID, Integer> counts = store(
                    tenant,
                    month,
                    evaluation,
                    targets.size() == 1 ? targets.get(0).unitId() : null,
                    closingOfOpd);
            List<Closed> done = new ArrayList<>();
            for (OpdState target : targets) {
                UUID id = closingOfOpd.get(target.unitId());
                int employees = counts.getOrDefault(id, 0);
                jdbc.sql(TenantSql.in(tenant.code(), "update {evaluation_closing} set employees = ? where id = ?"))
                        .params(employees, id)
                        .update();
                // The corrections of its employees in the month are closed again: their days are paid in this version.
                jdbc.sql(TenantSql.in(
                                tenant.code(),
                                "update {evaluation_correction} r set closed_again_by = ? where r.closed_again_by"
                                        + " is null and r.from_date between ? and ? and exists (select 1 from {evaluation_closed_employee} s"
                                        + " where s.closing_id = ? and s.employee_id = r.employee_id)"))
                        .params(id, month.atDay(1), month.atEndOfMonth(), id)
                        .update();
                int version = versions.get(target.unitId());
                audit.record(
                        tenant.code(),
                        caller.username(),
                        "evaluation.month-closed",
                        month + " " + target.code(),
                        null,
                        Map.of(
                                "month",
                                month.toString(),
                                "opd",
                                target.code(),
                                "version",
                                version,
                                "employees",
                                employees));
                done.add(new Closed(
                        id,
                        month.toString(),
                        target.code(),
                        target.name(),
                        version,
                        employees,
                        caller.username(),
                        now));
            }
            return done;
        });
    }

    /** Streams the month from the evaluation into the closings, by OPD; the count kept for each closing. */
    private Map<UUID, Integer> store(
            Tenant tenant,
            YearMonth month,
            MonthlyEvaluations evaluation,
            @Nullable UUID onlyOpd,
            Map<UUID, UUID> closingOfOpd) {
        String insert = TenantSql.in(
                tenant.code(),
                "insert into {evaluation_closed_employee} (closing_id, employee_id,"
                        + " deduction_percent, figures) values (?, ?, ?, cast(? as jsonb))");
        Map<UUID, Integer> counts = new HashMap<>();
        List<Object[]> batch = new ArrayList<>(BATCH);
        evaluation.each(tenant.code(), month, onlyOpd, employee -> {
            UUID closing = onlyOpd != null ? closingOfOpd.get(onlyOpd) : closingOfOpd.get(employee.opdId());
            if (closing == null) {
                return; // an OPD already closed, untouched since
            }
            BigDecimal percent = employee.deductionPercent() == null ? BigDecimal.ZERO : employee.deductionPercent();
            batch.add(new Object[] {closing, employee.employeeId(), percent, PaidFigures.write(employee)});
            counts.merge(closing, 1, Integer::sum);
            if (batch.size() == BATCH) {
                batches.batchUpdate(insert, batch);
                batch.clear();
            }
        });
        if (!batch.isEmpty()) {
            batches.batchUpdate(insert, batch);
        }
        return counts;
    }
}
