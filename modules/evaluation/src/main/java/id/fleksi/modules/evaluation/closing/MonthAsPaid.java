package id.fleksi.modules.evaluation.closing;

import id.fleksi.modules.evaluation.EmployeeMonth;
import id.fleksi.modules.evaluation.MonthlyEvaluations;
import id.fleksi.modules.evaluation.closing.internal.PaidFigures;
import id.fleksi.platform.tenancy.Tenant;
import id.fleksi.platform.tenancy.TenantSql;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * A month as it is paid: each employee whose month was closed with the figures of its latest closing version, every
 * other employee with the evaluation as it computes her month now. What the exports carry, so that the file BKD pays
 * from still shows what was paid after a correction changed the current computation. Streamed like
 * {@link MonthlyEvaluations#each}: the paid figures are read for {@value #BATCH} employees at a time, in the
 * evaluation's order, so a pemda of 10,000 never sits in memory.
 */
@Service
public class MonthAsPaid {

    /** Employees whose paid figures are read with one statement. */
    static final int BATCH = 500;

    /**
     * An employee's month as an export shows it: the paid figures of closing {@code version} (closed at {@code closedAt}),
     * or the current computation when both are null; {@code currentDiffers} when the current computation is not what
     * was paid (the closing page shows both).
     */
    public record Shown(
            EmployeeMonth figures,
            @Nullable Integer version,
            @Nullable Instant closedAt,
            boolean currentDiffers) {

        /** The current computation of a month not closed for her. */
        public static Shown current(EmployeeMonth month) {
            return new Shown(month, null, null, false);
        }

        public boolean paid() {
            return version != null;
        }
    }

    /**
     * Whose figures an export of a unit (or of the pemda) carries: the state of every OPD it covers, as the closing page
     * shows it (open; closed with its latest version; closed with corrections open since).
     */
    public record Standing(List<MonthClosings.OpdState> opds) {

        public boolean allClosed() {
            return !opds.isEmpty() && opds.stream().allMatch(MonthClosings.OpdState::closed);
        }

        public boolean noneClosed() {
            return opds.stream().noneMatch(MonthClosings.OpdState::closed);
        }

        public long closedCount() {
            return opds.stream().filter(MonthClosings.OpdState::closed).count();
        }

        /** Corrections recorded since the latest closing that have not been closed again. */
        public int openCorrections() {
            return opds.stream()
                    .mapToInt(MonthClosings.OpdState::openCorrections)
                    .sum();
        }

        /** The one OPD of an export of a unit, else null. */
        public MonthClosings.@Nullable OpdState single() {
            return opds.size() == 1 ? opds.get(0) : null;
        }
    }

    private record Paid(int version, Instant closedAt, String figures) {}

    private final JdbcClient jdbc;
    private final MonthClosings closings;

    MonthAsPaid(JdbcClient jdbc, MonthClosings closings) {
        this.jdbc = jdbc;
        this.closings = closings;
    }

    /** The state of the OPD of {@code unit} (a unit under an OPD counts as its OPD), or of every OPD when null. */
    public Standing standing(Tenant tenant, YearMonth month, @Nullable UUID unit) {
        List<MonthClosings.OpdState> opds = closings.opds(tenant, month);
        if (unit == null) {
            return new Standing(opds);
        }
        UUID opd = jdbc.sql(TenantSql.in(
                        tenant.code(),
                        "with recursive up (id, parent_id) as (select id, parent_id from {org_unit}"
                                + " where id = ? union all select u.id, u.parent_id from {org_unit} u join up on u.id = up.parent_id)"
                                + " select id from up where parent_id is null"))
                .param(unit)
                .query(UUID.class)
                .optional()
                .orElse(unit);
        return new Standing(opds.stream().filter(o -> o.unitId().equals(opd)).toList());
    }

    /**
     * Hands over every employee of the unit (the pemda when null) in the evaluation's order, each with her latest paid
     * figures of the month when some closing holds her, else with the current computation.
     */
    public void each(
            Tenant tenant, MonthlyEvaluations evaluation, YearMonth month, @Nullable UUID unit, Consumer<Shown> out) {
        List<EmployeeMonth> batch = new ArrayList<>(BATCH);
        evaluation.each(tenant.code(), month, unit, current -> {
            batch.add(current);
            if (batch.size() == BATCH) {
                handOver(tenant, month, batch, out);
            }
        });
        handOver(tenant, month, batch, out);
    }

    private void handOver(Tenant tenant, YearMonth month, List<EmployeeMonth> batch, Consumer<Shown> out) {
        if (batch.isEmpty()) {
            return;
        }
        Map<UUID, Paid> paid = new HashMap<>();
        jdbc.sql(
                        TenantSql.in(
                                tenant.code(),
                                "select distinct on (s.employee_id) s.employee_id, c.version, c.closed_at,"
                                        + " s.figures::text from {evaluation_closed_employee} s join {evaluation_closing} c on c.id = s.closing_id"
                                        + " where c.month = ? and s.employee_id = any(?) order by s.employee_id, c.closed_at desc, c.version desc"))
                .params(
                        month.atDay(1),
                        batch.stream().map(EmployeeMonth::employeeId).toArray(UUID[]::new))
                .query((rs, n) -> paid.put(
                        rs.getObject(1, UUID.class),
                        new Paid(rs.getInt(2), rs.getTimestamp(3).toInstant(), rs.getString(4))))
                .list();
        for (EmployeeMonth current : batch) {
            Paid was = paid.remove(current.employeeId());
            out.accept(
                    was == null
                            ? Shown.current(current)
                            : new Shown(
                                    PaidFigures.read(was.figures()),
                                    was.version(),
                                    was.closedAt(),
                                    !PaidFigures.differences(was.figures(), current)
                                            .isEmpty()));
        }
        batch.clear();
    }
}
