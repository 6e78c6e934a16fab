package id.fleksi.app.evaluation;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import id.fleksi.modules.evaluation.EmployeeMonth;
import id.fleksi.modules.evaluation.MonthlyEvaluations;
import id.fleksi.platform.tenancy.TenantCode;
import id.fleksi.platform.tenancy.TenantSql;

import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A stand-in for the monthly evaluation while it is built on another branch (the lead swaps in the real one): every
 * employee of the tenant with 20 working days present and no deduction, enough for the closing's API and pages. A plain
 * configuration, found by the application's scan in every test of this module, so that the page tests keep sharing one
 * context (and its fixed port) rather than each importing it.
 */
@Configuration(proxyBeanMethods = false)
public class ClosingFakeMonthlyEvaluations {

    @Bean
    @Primary
    MonthlyEvaluations monthlyEvaluationsStandIn(JdbcClient jdbc) {
        return new MonthlyEvaluations() {
            @Override
            public EmployeeMonth employee(TenantCode tenant, UUID employeeId, YearMonth month) {
                return months(jdbc, tenant, month).stream().filter(m -> m.employeeId().equals(employeeId)).findFirst().orElseThrow();
            }

            @Override
            public void each(TenantCode tenant, YearMonth month, @Nullable UUID unit, Consumer<EmployeeMonth> employee) {
                months(jdbc, tenant, month).forEach(employee);
            }
        };
    }

    private static List<EmployeeMonth> months(JdbcClient jdbc, TenantCode tenant, YearMonth month) {
        return jdbc.sql(TenantSql.in(tenant, "select e.id, e.nip, e.name, u.id, u.name from {employee} e join {org_unit} u"
                        + " on u.id = e.unit_id order by e.name"))
                .query((rs, n) -> new EmployeeMonth(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getObject(4, UUID.class), rs.getString(5), rs.getObject(4, UUID.class), rs.getString(5), month,
                        20, 20, 0, 0, 0, 0, 0, 0, Map.of(), 0, 0, 0, 0, 0, 0, 0, List.of(), List.of(), BigDecimal.ZERO, false,
                        List.of(1), null, null))
                .list();
    }
}
