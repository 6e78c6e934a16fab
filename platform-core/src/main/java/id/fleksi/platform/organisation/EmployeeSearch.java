package id.fleksi.platform.organisation;

import id.fleksi.platform.tenancy.TenantSql;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The admin's list of employees, searched in the database: by a part of the name or of the NIP (or username), within
 * one unit, a page at a time in name order. A pemda of thousands is never loaded whole. Runs in the current tenant.
 */
@Service
public class EmployeeSearch {

    /** One row of the list: who, where, and who supervises them. */
    public record Row(
            UUID id,
            String name,
            String username,
            String position,
            EmployeeStatus status,
            UUID unitId,
            String unitName,
            String supervisorName) {}

    /** One page of the list, with the number of every employee that matches. */
    public record Page(List<Row> rows, long total, int page, int size) {
        public int pages() {
            return (int) Math.max(1, (total + size - 1) / size);
        }
    }

    private static final String WHERE = " where (cast(? as text) is null or e.name ilike ? or e.username like ?)"
            + " and (cast(? as uuid) is null or e.unit_id = ?)";

    private final JdbcClient jdbc;

    public EmployeeSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Page {@code page} (from 1) of {@code size} rows; a blank {@code text} or a null {@code unitId} filters nothing. */
    public Page find(String text, UUID unitId, int page, int size) {
        String q = text == null || text.isBlank() ? null : text.strip();
        String pattern = q == null ? null : "%" + literal(q) + "%";
        // A NIP as printed on an ID card has spaces (19850312 201001 1 004); usernames are lower case.
        String digits = q == null ? null : "%" + literal(q.replace(" ", "").toLowerCase(Locale.ROOT)) + "%";
        long total = jdbc.sql(TenantSql.of("select count(*) from {employee} e" + WHERE))
                .params(q, pattern, digits, unitId, unitId)
                .query(Long.class)
                .single();
        int last = (int) Math.max(1, (total + size - 1) / size);
        int at = Math.min(Math.max(1, page), last);
        List<Row> rows = jdbc.sql(
                        TenantSql.of("select e.id, e.name, e.username, e.position, e.status, e.unit_id, u.name, s.name"
                                + " from {employee} e join {org_unit} u on u.id = e.unit_id left join {employee} s on s.id = e.supervisor_id"
                                + WHERE + " order by e.name, e.username limit ? offset ?"))
                .params(q, pattern, digits, unitId, unitId, size, (at - 1) * size)
                .query((rs, n) -> new Row(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        EmployeeStatus.valueOf(rs.getString(5)),
                        rs.getObject(6, UUID.class),
                        rs.getString(7),
                        rs.getString(8)))
                .list();
        return new Page(rows, total, at, size);
    }

    /** The text matched as typed: LIKE's wildcards and its escape character taken literally. */
    private static String literal(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
