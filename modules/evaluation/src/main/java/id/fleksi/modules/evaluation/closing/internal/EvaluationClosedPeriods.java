package id.fleksi.modules.evaluation.closing.internal;

import id.fleksi.modules.evaluation.EvaluationModule;
import id.fleksi.platform.closing.ClosedPeriods;
import id.fleksi.platform.tenancy.TenantCode;
import id.fleksi.platform.tenancy.TenantSql;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The days the evaluation has closed. An employee's month is closed when her OPD's month is closed (her unit now, or
 * any unit above it), or when she was paid at a closing of that month (she has since moved); a correction still open
 * (not yet closed again) reopens its days for her alone.
 */
@Component
public class EvaluationClosedPeriods implements ClosedPeriods {

    private final JdbcClient jdbc;

    EvaluationClosedPeriods(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String moduleId() {
        return EvaluationModule.ID;
    }

    @Override
    public Optional<LocalDate> firstClosedDay(TenantCode tenant, UUID employeeId, LocalDate from, LocalDate to) {
        return jdbc.sql(TenantSql.in(
                        tenant,
                        "with recursive up (id, parent_id) as ("
                                + " select u.id, u.parent_id from {org_unit} u join {employee} e on e.unit_id = u.id where e.id = ?"
                                + " union all select u.id, u.parent_id from {org_unit} u join up on u.id = up.parent_id),"
                                + " closed as (select distinct c.month from {evaluation_closing} c where c.month between ? and ?"
                                + " and (c.unit_id in (select id from up) or exists (select 1 from {evaluation_closed_employee} s"
                                + " where s.closing_id = c.id and s.employee_id = ?)))"
                                + " select d::date from generate_series(?::date, ?::date, interval '1 day') d"
                                + " where date_trunc('month', d)::date in (select month from closed)"
                                + " and not exists (select 1 from {evaluation_correction} r where r.employee_id = ?"
                                + " and r.closed_again_by is null and d::date between r.from_date and r.to_date)"
                                + " order by d limit 1"))
                .params(employeeId, from.withDayOfMonth(1), to.withDayOfMonth(1), employeeId, from, to, employeeId)
                .query(LocalDate.class)
                .optional();
    }

    /** Whether the employee's month is closed at all (a correction is recorded only for a closed month). */
    public boolean monthClosed(TenantCode tenant, UUID employeeId, LocalDate anyDay) {
        return jdbc.sql(
                        TenantSql.in(
                                tenant,
                                "with recursive up (id, parent_id) as ("
                                        + " select u.id, u.parent_id from {org_unit} u join {employee} e on e.unit_id = u.id where e.id = ?"
                                        + " union all select u.id, u.parent_id from {org_unit} u join up on u.id = up.parent_id)"
                                        + " select exists (select 1 from {evaluation_closing} c where c.month = ? and (c.unit_id in (select id from up)"
                                        + " or exists (select 1 from {evaluation_closed_employee} s where s.closing_id = c.id and s.employee_id = ?)))"))
                .params(employeeId, anyDay.withDayOfMonth(1), employeeId)
                .query(Boolean.class)
                .single();
    }
}
