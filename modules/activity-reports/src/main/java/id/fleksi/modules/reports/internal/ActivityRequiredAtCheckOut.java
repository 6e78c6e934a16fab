package id.fleksi.modules.reports.internal;

import id.fleksi.modules.attendance.CheckOutGuard;
import id.fleksi.modules.reports.ActivityReportsModule;
import id.fleksi.modules.reports.ReportSettings;
import id.fleksi.platform.modules.ModuleSwitches;
import id.fleksi.platform.problem.Problem;
import id.fleksi.platform.tenancy.TenantCode;
import id.fleksi.platform.tenancy.TenantSql;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Fleksi's rule at check-out: a working day needs at least one activity. Per tenant setting the check-out is
 * refused until there is one, or it goes through and the day is marked non-compliant.
 */
@Component
class ActivityRequiredAtCheckOut implements CheckOutGuard {

    private final ModuleSwitches switches;
    private final JdbcClient jdbc;

    ActivityRequiredAtCheckOut(ModuleSwitches switches, JdbcClient jdbc) {
        this.switches = switches;
        this.jdbc = jdbc;
    }

    @Override
    public void beforeCheckOut(TenantCode tenant, UUID employeeId, LocalDate workDate, boolean workingDay) {
        if (!workingDay || !switches.isEnabled(tenant, ActivityReportsModule.ID)) {
            return;
        }
        boolean hasActivity = jdbc.sql(TenantSql.in(
                        tenant,
                        "select exists (select 1 from {report_day} d"
                                + " where d.employee_id = ? and d.work_date = ? and d.activities > 0)"))
                .params(employeeId, workDate)
                .query(Boolean.class)
                .single();
        if (hasActivity) {
            return;
        }
        if (switches.settings(tenant, ActivityReportsModule.ID, ReportSettings.class)
                .refuseCheckOutWithoutActivity()) {
            throw Problem.unprocessable(
                            "activity-required",
                            "Report an activity first",
                            "Fill in at least one activity in" + " your daily report for " + workDate
                                    + " before checking out. Nothing was recorded.")
                    .values(workDate.toString());
        }
        jdbc.sql(
                        TenantSql.in(
                                tenant,
                                "insert into {report_day} (id, employee_id, work_date, status, non_compliant) values"
                                        + " (?, ?, ?, 'PENDING', true) on conflict (employee_id, work_date) do update set non_compliant = true"))
                .params(UUID.randomUUID(), employeeId, workDate)
                .update();
    }
}
