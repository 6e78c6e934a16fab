package id.fleksi.modules.fwa;

import id.fleksi.platform.problem.Problem;
import id.fleksi.platform.tenancy.TenantSql;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * At most N% (or N people) of a unit on approved WFA requests on the same day, so services stay open. The
 * unit's own rule (or the nearest unit above it with one) wins over the policy's default. Policy WFA weekdays
 * are decided for everyone by the policy itself and are not counted. Call with the unit's row locked.
 */
final class Quotas {

    private Quotas() {}

    static void require(JdbcClient jdbc, FwaFacts facts, UUID unit, List<LocalDate> days) {
        Integer headcount = null;
        for (LocalDate day : days) {
            PolicyVersion version = FwaPolicies.inForce(facts.versions, day);
            PolicyVersion.UnitRule rule = facts.unitRule(version, unit);
            Integer percent = rule != null && (rule.maxPercent() != null || rule.maxPeople() != null)
                    ? rule.maxPercent()
                    : version.maxPercent();
            Integer people = rule != null && (rule.maxPercent() != null || rule.maxPeople() != null)
                    ? rule.maxPeople()
                    : version.maxPeople();
            if (percent == null && people == null) {
                continue;
            }
            if (headcount == null) {
                headcount = jdbc.sql(
                                TenantSql.of("select count(*) from {employee} where unit_id = ? and status = 'ACTIVE'"))
                        .param(unit)
                        .query(Integer.class)
                        .single();
            }
            int limit = Integer.MAX_VALUE;
            if (people != null) {
                limit = people;
            }
            if (percent != null) {
                limit = Math.min(limit, headcount * percent / 100);
            }
            int taken = jdbc.sql(
                            TenantSql.of("select count(distinct employee_id) from {fwa_request_day} where unit_id = ?"
                                    + " and work_date = ?"))
                    .param(unit)
                    .param(day)
                    .query(Integer.class)
                    .single();
            if (taken >= limit) {
                Problem full = Problem.conflict(
                        "quota-full",
                        "No place left",
                        facts.unitName(unit) + " already has " + taken + " of its "
                                + limit + " places on WFA on " + day + " ("
                                + (percent != null ? percent + "% of " + headcount + " people" : "")
                                + (percent != null && people != null ? ", " : "")
                                + (people != null ? "at most " + people + " people" : "")
                                + "), so the service stays open. Nothing was changed.");
                String name = facts.unitName(unit);
                throw percent == null
                        ? full.variant("people", name, taken, limit, day.toString(), people)
                        : people == null
                                ? full.variant("percent", name, taken, limit, day.toString(), percent, headcount)
                                : full.variant("both", name, taken, limit, day.toString(), percent, headcount, people);
            }
        }
    }
}
