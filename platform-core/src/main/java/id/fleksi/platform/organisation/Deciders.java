package id.fleksi.platform.organisation;

import id.fleksi.platform.problem.Problem;
import id.fleksi.platform.tenancy.TenantSql;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Who may decide another employee's request (an absence, a report, a WFA request), asked inside the transaction that
 * stores the decision: the decider is an active employee at this moment, is the employee's direct supervisor at this
 * moment, and is never the employee themself, whatever the organisation data says. The rows read are locked for
 * share until the decision commits, so a retirement or a change of supervisor sent at the same time either waits for
 * the decision or is seen by it; never a decision by someone who was retired before it was stored.
 */
@Component
public class Deciders {

    private final JdbcClient jdbc;

    public Deciders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The employee deciding, active now; its row is locked for share until the transaction ends. */
    public record Decider(UUID id, String username) {

        /**
         * Refuses unless this decider is the direct supervisor ({@code supervisorId}, as read in the same transaction)
         * of {@code employeeId}, and not that employee.
         */
        public void requireSupervisorOf(UUID employeeId, UUID supervisorId, Supplier<Problem> notTheSupervisor) {
            if (id.equals(employeeId)) {
                throw Problem.forbidden(
                        "own-request",
                        "Your own request",
                        "Nobody decides their own request, whatever the"
                                + " organisation data says; it goes to your supervisor. If you are listed as your own supervisor,"
                                + " ask BKD to correct it. Nothing was changed.");
            }
            if (!id.equals(supervisorId)) {
                throw notTheSupervisor.get();
            }
        }
    }

    /** The decider behind a login: an active employee now, locked for share; a 403 problem for anyone else. */
    public Decider lock(String username) {
        requireTransaction();
        return jdbc.sql(TenantSql.of("select id, status from {employee} where username = ? for share"))
                .param(username)
                .query((rs, n) -> EmployeeStatus.RETIRED.name().equals(rs.getString(2))
                        ? new Decider(null, username)
                        : new Decider(rs.getObject(1, UUID.class), username))
                .optional()
                .filter(decider -> decider.id() != null)
                .orElseThrow(Deciders::notAnActiveEmployee);
    }

    /**
     * The decider, checked to be the direct supervisor of {@code employeeId} now (both rows locked for share until the
     * transaction ends); a 403 problem otherwise: {@code notTheSupervisor}'s, or the one for one's own request.
     */
    public Decider lockSupervisorOf(String username, UUID employeeId, Supplier<Problem> notTheSupervisor) {
        Decider decider = lock(username);
        UUID supervisor = jdbc.sql(TenantSql.of("select supervisor_id from {employee} where id = ? for share"))
                .param(employeeId)
                .query(UUID.class)
                .optional()
                .orElse(null);
        decider.requireSupervisorOf(employeeId, supervisor, notTheSupervisor);
        return decider;
    }

    private static Problem notAnActiveEmployee() {
        return Problem.forbidden(
                "not-an-employee", "Not an employee", "Your account is not an active employee of this pemda. Ask BKD.");
    }

    private static void requireTransaction() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("A decision is checked inside the transaction that stores it");
        }
    }
}
