package id.fleksi.modules.monitoring.internal;

import id.fleksi.platform.tenancy.TenantSql;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Who early warning counts, a page at a time, so that the memory a night takes does not grow with the tenant: a year of
 * a 50,000-employee province read at once is tens of millions of days (bench/bigtenant). An employee's page is the hash
 * of their id, so a page's statements read the dates' rows and keep their own: looked up by employee instead, a year of
 * anyone's check-ins lies on as many heap pages as it has days.
 */
final class WarningPages {

    /** Employees counted at once. */
    static final int PAGE = 5000;

    /** {@code hash}: PostgreSQL's {@code hashtext(id::text) & 2147483647}, which puts the employee in a page. */
    record Employee(UUID id, UUID unit, LocalDate countFrom, int hash) {}

    /**
     * A page's employees, and what narrows a statement to them by the column that names its employee (a condition on
     * the hash or on one id, never input text).
     */
    record Page(List<Employee> employees, Function<String, String> narrow) {}

    private WarningPages() {}

    /** Everyone, in as few pages of at most {@link #PAGE} (about: a hash splits them) as their number needs. */
    static List<Page> of(List<Employee> everyone) {
        int pages = Math.max(1, (everyone.size() + PAGE - 1) / PAGE);
        if (pages == 1) {
            return List.of(new Page(everyone, column -> ""));
        }
        List<Page> all = new ArrayList<>();
        for (int p = 0; p < pages; p++) {
            int at = p;
            all.add(new Page(
                    everyone.stream().filter(e -> e.hash() % pages == at).toList(),
                    column -> " and (hashtext(" + column + "::text) & 2147483647) % " + pages + " = " + at));
        }
        return all;
    }

    /** One employee's page. */
    static Page one(List<Employee> employee, UUID id) {
        return new Page(employee, column -> " and " + column + " = '" + id + "'");
    }

    /**
     * The employees counted (all who are not retired, or the one), each from the day their attendance began in Fleksi:
     * their record, or their first check-in if earlier (history brought in with them); never before their start date or
     * 1 January.
     */
    static List<Employee> employees(JdbcClient jdbc, LocalDate through, ZoneId zone, @Nullable UUID only) {
        LocalDate yearStart = through.withDayOfYear(1);
        var statement = jdbc.sql(TenantSql.of("select e.id, e.unit_id, e.start_date, least(e.created_at,"
                + " (select min(c.work_date) from {attendance_check_in} c where c.employee_id = e.id and c.kind = 'IN'))"
                + ", hashtext(e.id::text) & 2147483647 from {employee} e where e.status <> 'RETIRED'"
                + (only == null ? "" : " and e.id = ?")));
        return (only == null ? statement : statement.param(only))
                .query((rs, n) -> {
                    LocalDate from = yearStart;
                    LocalDate started = rs.getObject(3, LocalDate.class);
                    LocalDate recorded =
                            rs.getTimestamp(4).toInstant().atZone(zone).toLocalDate();
                    for (LocalDate d : new LocalDate[] {started, recorded}) {
                        if (d != null && d.isAfter(from)) {
                            from = d;
                        }
                    }
                    return new Employee(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), from, rs.getInt(5));
                })
                .list();
    }
}
