package id.fleksi.platform.modules;

import id.fleksi.platform.tenancy.TenantCode;
import java.util.function.Consumer;

/**
 * Work a module does on a schedule, once per tenant that has the module on; the platform runs it with the
 * tenant set, and skips tenants where the module is off.
 *
 * @param cron a Spring cron expression, in the tenant's time zone
 */
public record ScheduledJob(String name, String cron, Consumer<TenantCode> run) {}
