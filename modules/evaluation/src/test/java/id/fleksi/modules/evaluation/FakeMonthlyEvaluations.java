package id.fleksi.modules.evaluation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;

import id.fleksi.platform.problem.Problem;
import id.fleksi.platform.tenancy.TenantCode;
import id.fleksi.platform.tenancy.TenantSql;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A stand-in for the monthly evaluation while it is built on another branch (the lead swaps in the real one): a few
 * figures counted straight from the tables, enough for the closing to keep and compare. Weekdays are working days;
 * each weekday neither checked in nor excused costs 1.5%, 46% at most.
 */
@TestConfiguration
public class FakeMonthlyEvaluations {

    @Bean
    @Primary
    MonthlyEvaluations monthlyEvaluationsStandIn(JdbcClient jdbc) {
        return new MonthlyEvaluations() {

            @Override
            public EmployeeMonth employee(TenantCode tenant, UUID employeeId, YearMonth month) {
                List<EmployeeMonth> found = new ArrayList<>();
                months(jdbc, tenant, month, null, employeeId, found::add);
                if (found.isEmpty()) {
                    throw Problem.notFound("unknown-employee", "Unknown employee", "There is no employee " + employeeId + ".");
                }
                return found.get(0);
            }

            @Override
            public void each(TenantCode tenant, YearMonth month, @Nullable UUID unit, Consumer<EmployeeMonth> employee) {
                months(jdbc, tenant, month, unit, null, employee);
            }
        };
    }

    private static void months(JdbcClient jdbc, TenantCode tenant, YearMonth month, @Nullable UUID unit, @Nullable UUID only,
            Consumer<EmployeeMonth> out) {
        LocalDate from = month.atDay(1);
        LocalDate to = month.atEndOfMonth();
        int weekdays = 0;
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            weekdays += d.getDayOfWeek().getValue() <= 5 ? 1 : 0;
        }
        int working = weekdays;
        jdbc.sql(TenantSql.in(tenant, "with recursive tree (id, opd_id) as (select id, id from {org_unit} where parent_id is null"
                        + " union all select u.id, t.opd_id from {org_unit} u join tree t on u.parent_id = t.id),"
                        + " under (id) as (select id from {org_unit} where id = ? union all select u.id from {org_unit} u join under"
                        + " on u.parent_id = under.id)"
                        + " select e.id, e.nip, e.name, u.id, u.name, o.id, o.name,"
                        + " (select count(distinct c.work_date) from {attendance_check_in} c where c.employee_id = e.id"
                        + "  and c.kind = 'IN' and c.work_date between ? and ?),"
                        + " (select coalesce(sum(least(a.to_date, ?::date) - greatest(a.from_date, ?::date) + 1), 0)"
                        + "  from {attendance_absence} a where a.employee_id = e.id and a.status = 'APPROVED'"
                        + "  and a.from_date <= ? and a.to_date >= ?),"
                        + " (select count(*) from {report_activity} r join {report_day} d on d.id = r.day_id where d.employee_id = e.id"
                        + "  and d.work_date between ? and ?)"
                        + " from {employee} e join {org_unit} u on u.id = e.unit_id join tree t on t.id = u.id join {org_unit} o"
                        + " on o.id = t.opd_id where (cast(? as uuid) is null or u.id in (select id from under))"
                        + " and (cast(? as uuid) is null or e.id = ?) order by o.name, u.name, e.name"))
                .params(unit, from, to, to, from, to, from, from, to, unit, only, only)
                .query((rs, n) -> {
                    int present = rs.getInt(8);
                    int excused = rs.getInt(9);
                    Map<String, Integer> absences = new TreeMap<>();
                    if (excused > 0) {
                        absences.put("IZIN", excused);
                    }
                    int unexcused = Math.max(0, working - present - excused);
                    BigDecimal percent = new BigDecimal("1.5").multiply(BigDecimal.valueOf(unexcused)).min(BigDecimal.valueOf(46)).setScale(2);
                    out.accept(new EmployeeMonth(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                            rs.getObject(4, UUID.class), rs.getString(5), rs.getObject(6, UUID.class), rs.getString(7), month,
                            working, present, 0, 0, 0, 0, 0, 0, absences, unexcused, 0, 0, 0, 0, 0, rs.getInt(10), List.of(),
                            List.of(), percent, false, List.of(1), null, null));
                    return 0;
                })
                .list();
    }
}
