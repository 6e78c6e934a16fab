package id.fleksi.modules.evaluation.feedback.internal;

import id.fleksi.modules.monitoring.MonitoringModule;
import id.fleksi.platform.problem.Problem;
import id.fleksi.platform.security.Caller;
import id.fleksi.platform.security.Role;
import id.fleksi.platform.tenancy.TenantSql;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who looks after which services, as monitoring finds the heads of units: the head of a unit answers for the services
 * of that unit and of every unit under it. The tenant admin defines services anywhere; BKD moderates anywhere; BKD, the
 * tenant admin and leaders (pimpinan) read every summary. Runs with the tenant set.
 */
@Component
public class Stewards {

    /** The units a caller answers for: all of them ({@code units} null) or those listed. */
    public record Reach(@Nullable Set<UUID> units) {

        public boolean everything() {
            return units == null;
        }

        public boolean covers(UUID unit) {
            return units == null || units.contains(unit);
        }
    }

    private final JdbcClient jdbc;

    Stewards(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Where the caller may define and change services. */
    public Reach toDefine(Caller caller) {
        return reach(
                caller,
                caller.hasRole(Role.TENANT_ADMIN),
                "feedback-services-not-allowed",
                "Services of an OPD are" + " defined by the head of the OPD (or of the unit) or by the tenant admin.");
    }

    /** Where the caller may accept or reject ratings. */
    public Reach toModerate(Caller caller) {
        return reach(
                caller,
                caller.hasRole(Role.BKD),
                "feedback-moderation-not-allowed",
                "Ratings are accepted or rejected"
                        + " by the head of the OPD (or of the unit) that gives the service, or by BKD.");
    }

    /** Whose summaries the caller may read. */
    public Reach toRead(Caller caller) {
        boolean all = caller.hasRole(Role.BKD)
                || caller.hasRole(Role.TENANT_ADMIN)
                || caller.roles().contains(MonitoringModule.LEADER);
        return reach(
                caller,
                all,
                "feedback-summary-not-allowed",
                "The public's ratings are read by BKD, leaders, the tenant"
                        + " admin and the heads of the OPD that give the services.");
    }

    private Reach reach(Caller caller, boolean everything, String problem, String refusal) {
        if (everything) {
            return new Reach(null);
        }
        List<UUID> units = caller == null
                ? List.of()
                : jdbc.sql(
                                TenantSql.of(
                                        "with recursive under(id) as ("
                                                + " select u.id from {org_unit} u join {employee} e on e.id = u.head_employee_id"
                                                + " where e.username = ? and e.status <> 'RETIRED'"
                                                + " union select c.id from {org_unit} c join under on c.parent_id = under.id) select id from under"))
                        .param(caller.username())
                        .query(UUID.class)
                        .list();
        if (units.isEmpty()) {
            throw Problem.forbidden(problem, "Not allowed", refusal);
        }
        return new Reach(Set.copyOf(units));
    }
}
