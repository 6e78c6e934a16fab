package id.fleksi.platform.audit;

import id.fleksi.platform.tenancy.TenantCode;
import id.fleksi.platform.tenancy.TenantSql;
import java.sql.Timestamp;
import java.util.List;
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
        jdbc.sql(TenantSql.in(
                        tenant,
                        "insert into {audit_event} (actor, action, target, before_state, after_state)"
                                + " values (?, ?, ?, cast(? as jsonb), cast(? as jsonb))"))
                .param(actor)
                .param(action)
                .param(target)
                .param(json(before))
                .param(json(after))
                .update();
    }

    /** The latest events first. */
    public List<AuditEvent> latest(TenantCode tenant, int limit) {
        return jdbc.sql(TenantSql.in(
                        tenant,
                        "select id, at, actor, action, target, before_state::text, after_state::text"
                                + " from {audit_event} order by id desc limit ?"))
                .param(limit)
                .query((rs, row) -> new AuditEvent(
                        rs.getLong(1),
                        rs.getObject(2, Timestamp.class).toInstant(),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7)))
                .list();
    }

    /** One page of the trail, newest first, with the number of every event that matches. */
    public record Page(List<AuditEvent> events, long total, int page, int size) {
        public int pages() {
            return (int) Math.max(1, (total + size - 1) / size);
        }
    }

    private static final String FILTER = " where (cast(? as text) is null or split_part(action, '.', 1) = ?)"
            + " and (cast(? as text) is null or actor = ?)";

    /**
     * Page {@code page} (from 1) of the events of one kind (the part of the action before its dot: {@code employee},
     * {@code module}...) by one actor, newest first; a null kind or actor filters nothing.
     */
    public Page page(TenantCode tenant, String kind, String actor, int page, int size) {
        long total = jdbc.sql(TenantSql.in(tenant, "select count(*) from {audit_event}" + FILTER))
                .params(kind, kind, actor, actor)
                .query(Long.class)
                .single();
        int last = (int) Math.max(1, (total + size - 1) / size);
        int at = Math.min(Math.max(1, page), last);
        List<AuditEvent> events = jdbc.sql(TenantSql.in(
                        tenant,
                        "select id, at, actor, action, target, before_state::text,"
                                + " after_state::text from {audit_event}" + FILTER
                                + " order by id desc limit ? offset ?"))
                .params(kind, kind, actor, actor, size, (at - 1) * size)
                .query((rs, row) -> new AuditEvent(
                        rs.getLong(1),
                        rs.getObject(2, Timestamp.class).toInstant(),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7)))
                .list();
        return new Page(events, total, at, size);
    }

    /** The kinds of event the trail holds ({@code employee}, {@code module}...), for a filter. */
    public List<String> kinds(TenantCode tenant) {
        return jdbc.sql(TenantSql.in(
                        tenant, "select distinct split_part(action, '.', 1) k from {audit_event} order by k"))
                .query(String.class)
                .list();
    }

    /** Who appears in the trail, for a filter; the most recent 500 names at most. */
    public List<String> actors(TenantCode tenant) {
        return jdbc.sql(TenantSql.in(
                        tenant, "select actor from {audit_event} group by actor order by max(id) desc limit 500"))
                .query(String.class)
                .list();
    }

    private static String json(Object state) {
        return state == null ? null : JSON.writeValueAsString(state);
    }
}
