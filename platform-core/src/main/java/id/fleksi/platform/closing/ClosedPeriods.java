package id.fleksi.platform.closing;

import id.fleksi.platform.tenancy.TenantCode;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * Which of an employee's days are closed: what a module that closes months says (the evaluation module does). Asked
 * only through {@link OpenPeriods}, and only for days of months that are over in the tenant's zone.
 */
public interface ClosedPeriods {

    /** The module that closes months; when it is off for a tenant, nothing of that tenant is closed. */
    String moduleId();

    /**
     * The first day from {@code from} to {@code to} (inclusive) on which the employee's figures are closed and not
     * reopened by a correction; empty when every day is open.
     */
    Optional<LocalDate> firstClosedDay(TenantCode tenant, UUID employeeId, LocalDate from, LocalDate to);
}
