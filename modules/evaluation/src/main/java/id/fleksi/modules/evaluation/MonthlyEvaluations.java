package id.fleksi.modules.evaluation;

import id.fleksi.platform.tenancy.TenantCode;
import java.time.YearMonth;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The monthly evaluation computed now, by the rules in force on each day of the month. The public face the closing of a
 * month, the exports and the pages read.
 */
public interface MonthlyEvaluations {

    /** One employee's month; a problem if she is not an employee of the tenant. */
    EmployeeMonth employee(TenantCode tenant, UUID employeeId, YearMonth month);

    /**
     * Every employee of the unit and the units under it (the whole pemda when {@code unit} is null), ordered by OPD, then
     * unit, then name, handed over one at a time so that 10,000 employees never sit in memory at once.
     */
    void each(TenantCode tenant, YearMonth month, @Nullable UUID unit, Consumer<EmployeeMonth> employee);
}
