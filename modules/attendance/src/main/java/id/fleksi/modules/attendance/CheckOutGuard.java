package id.fleksi.modules.attendance;

import java.time.LocalDate;
import java.util.UUID;

import id.fleksi.platform.tenancy.TenantCode;

/**
 * Another module's say on a check-out, asked inside the transaction that stores it. Refuse by throwing a
 * {@link id.fleksi.platform.web.Problem} (nothing is recorded), or record what the day lacks and let it pass.
 * The activity-report module uses it for Fleksi's rule: at least one activity per working day.
 */
public interface CheckOutGuard {

    void beforeCheckOut(TenantCode tenant, UUID employeeId, LocalDate workDate, boolean workingDay);
}
