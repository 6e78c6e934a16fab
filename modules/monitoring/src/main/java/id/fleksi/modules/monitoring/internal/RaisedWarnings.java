package id.fleksi.modules.monitoring.internal;

import id.fleksi.modules.monitoring.internal.EarlyWarning.Key;
import id.fleksi.modules.monitoring.internal.EarlyWarning.Rule;
import id.fleksi.platform.tenancy.TenantSql;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The early warnings as kept: raised the first time a step holds, withdrawn when it no longer does. */
@Component
class RaisedWarnings {

    private final JdbcClient jdbc;
    private final Clock clock;

    RaisedWarnings(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Raises what newly holds (again, if it was withdrawn), withdraws what no longer does: {raised, withdrawn}. */
    int[] apply(Map<Key, Integer> holding, String year, String month) {
        Map<Key, Boolean> existing = new HashMap<>(); // key -> withdrawn
        jdbc.sql(TenantSql.of(
                        "select employee_id, rule, step, period, withdrawn_at is not null from {monitoring_warning}"
                                + " where period in (?, ?)"))
                .params(year, month)
                .query(rs -> {
                    existing.put(
                            new Key(
                                    rs.getObject(1, UUID.class),
                                    Rule.valueOf(rs.getString(2)),
                                    rs.getInt(3),
                                    rs.getString(4)),
                            rs.getBoolean(5));
                });
        Timestamp now = Timestamp.from(clock.instant());
        int raised = 0;
        int withdrawn = 0;
        for (Map.Entry<Key, Integer> holds : holding.entrySet()) {
            Key k = holds.getKey();
            Boolean wasWithdrawn = existing.get(k);
            if (wasWithdrawn == null) {
                raised += jdbc.sql(
                                TenantSql.of(
                                        "insert into {monitoring_warning} (id, employee_id, rule, step, period, count_at_raise,"
                                                + " raised_at) values (?, ?, ?, ?, ?, ?, ?) on conflict on constraint uq_warning_once do nothing"))
                        .params(
                                UUID.randomUUID(),
                                k.employee(),
                                k.rule().name(),
                                k.step(),
                                k.period(),
                                holds.getValue(),
                                now)
                        .update();
            } else if (wasWithdrawn) {
                raised += jdbc.sql(TenantSql.of(
                                "update {monitoring_warning} set withdrawn_at = null, raised_at = ?, count_at_raise = ?,"
                                        + " emailed_at = null, acknowledged_at = null, acknowledged_by = null, note = null"
                                        + " where employee_id = ? and rule = ? and step = ? and period = ?"))
                        .params(now, holds.getValue(), k.employee(), k.rule().name(), k.step(), k.period())
                        .update();
            }
        }
        for (Map.Entry<Key, Boolean> was : existing.entrySet()) {
            if (!was.getValue() && !holding.containsKey(was.getKey())) {
                Key k = was.getKey();
                withdrawn += jdbc.sql(TenantSql.of("update {monitoring_warning} set withdrawn_at = ?"
                                + " where employee_id = ? and rule = ? and step = ? and period = ?"))
                        .params(now, k.employee(), k.rule().name(), k.step(), k.period())
                        .update();
            }
        }
        return new int[] {raised, withdrawn};
    }
}
