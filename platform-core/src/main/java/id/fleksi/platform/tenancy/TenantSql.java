package id.fleksi.platform.tenancy;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Names a tenant's tables in SQL: each {@code {table}} of a statement becomes the table qualified by the tenant's
 * schema, so {@code "select name from {employee} where id = ?"} run for mateng reads
 * {@code tenant_mateng.employee}. Fleksi's SQL never depends on {@code search_path} (docs/adr/0002-data-access.md).
 *
 * <p>Safe by construction: the schema comes only from a validated {@link TenantCode}, a placeholder names only a
 * table ({@code [a-z][a-z0-9_]*}), and braces inside a quoted literal ({@code '{a,b}'::text[]}) are left as they
 * are. A statement whose placeholder is not a table name is refused, not guessed at.
 */
public final class TenantSql {

    private static final int CACHED_STATEMENTS = 4096;
    private static final java.util.regex.Pattern TABLE = java.util.regex.Pattern.compile("[a-z][a-z0-9_]*");
    private static final Map<String, String> QUALIFIED = new ConcurrentHashMap<>();

    private TenantSql() {}

    /** The statement for the tenant of the current unit of work ({@link TenantContext#require()}). */
    public static String of(String sql) {
        return in(TenantContext.require(), sql);
    }

    /** The statement for the given tenant. */
    public static String in(TenantCode tenant, String sql) {
        String schema = tenant.schemaName();
        String key = schema + '\u0000' + sql;
        String done = QUALIFIED.get(key);
        if (done != null) {
            return done;
        }
        done = qualify(schema, sql);
        if (QUALIFIED.size() < CACHED_STATEMENTS) {
            QUALIFIED.put(key, done);
        }
        return done;
    }

    static String qualify(String schema, String sql) {
        StringBuilder out = new StringBuilder(sql.length() + 64);
        boolean quoted = false;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            }
            if (c != '{' || quoted) {
                out.append(c);
                continue;
            }
            int end = sql.indexOf('}', i);
            String table = end < 0 ? "" : sql.substring(i + 1, end);
            if (!TABLE.matcher(table).matches()) {
                throw new IllegalArgumentException("Not a table placeholder at " + i + " of: " + sql);
            }
            out.append(schema).append('.').append(table);
            i = end;
        }
        return out.toString();
    }
}
