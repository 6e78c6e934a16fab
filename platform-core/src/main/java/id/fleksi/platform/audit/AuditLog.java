package id.fleksi.platform.audit;

import java.sql.Timestamp;
import java.util.List;

import id.fleksi.platform.tenancy.TenantCode;
import id.fleksi.platform.tenancy.TenantSql;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Writes and reads a tenant's audit trail. The schema is named from the validated {@link TenantCode}, so
 * platform jobs and CLI commands can record changes without a request's tenant scope; a caller inside a
 * transaction records in that same transaction.
 */
@Component
public class AuditLog {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    public AuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void record(TenantCode tenant, String actor, String action, String target, Object before, Object after) {
        jdbc.sql(TenantSql.in(tenant, "insert into {audit_event} (actor, action, target, before_state, after_state)"
                        + " values (?, ?, ?, cast(? as jsonb), cast(? as jsonb))"))
                .param(actor).param(action).param(target).param(json(before)).param(json(after)).update();
    }

    /** The latest events first. */
    public List<AuditEvent> latest(TenantCode tenant, int limit) {
        return jdbc.sql(TenantSql.in(tenant, "select id, at, actor, action, target, before_state::text, after_state::text"
                        + " from {audit_event} order by id desc limit ?"))
                .param(limit)
                .query((rs, row) -> new AuditEvent(rs.getLong(1), rs.getObject(2, Timestamp.class).toInstant(),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)))
                .list();
    }

    private static String json(Object state) {
        return state == null ? null : JSON.writeValueAsString(state);
    }
}
