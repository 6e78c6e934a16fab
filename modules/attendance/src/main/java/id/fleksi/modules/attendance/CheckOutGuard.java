package id.fleksi.modules.attendance;

import id.fleksi.platform.tenancy.TenantCode;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Another module's say on a check-out, asked just before it is stored, outside any transaction (a check-in is one
 * statement). Refuse by throwing a {@link id.fleksi.platform.problem.Problem} (nothing is recorded), or record what the
 * day lacks and let it pass: what a guard records holds whether or not the check-out is then stored.
 * The activity-report module uses it for Fleksi's rule: at least one activity per working day.
 */
public interface CheckOutGuard {

    void beforeCheckOut(TenantCode tenant, UUID employeeId, LocalDate workDate, boolean workingDay);
}
