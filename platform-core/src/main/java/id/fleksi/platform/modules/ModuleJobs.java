package id.fleksi.platform.modules;

import id.fleksi.platform.LogContext;
import id.fleksi.platform.tenancy.RegionTimeZone;
import id.fleksi.platform.tenancy.Tenant;
import id.fleksi.platform.tenancy.TenantContext;
import id.fleksi.platform.tenancy.TenantRegistry;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.support.CronTrigger;
import org.springframework.stereotype.Component;

/**
 * Runs the modules' scheduled jobs: one trigger per job and time zone, so a job set for 08:00 runs at 08:00
 * WIB, WITA and WIT for the tenants in each. For each active tenant where the module is on, the job runs
 * with the tenant set; tenants where it is off are skipped. Every replica fires; the one that claims the
 * (job, tenant, time) row in {@code platform.job_run} runs it, so a job never runs twice for a tenant.
 */
@Component
public class ModuleJobs implements SmartInitializingSingleton, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ModuleJobs.class);

    private final ModuleCatalog catalog;
    private final ModuleSwitches switches;
    private final TenantRegistry registry;
    private final JdbcClient jdbc;
    private final TaskScheduler scheduler;
    private final boolean enabled;
    private final List<ScheduledFuture<?>> scheduled = new ArrayList<>();

    public ModuleJobs(
            ModuleCatalog catalog,
            ModuleSwitches switches,
            TenantRegistry registry,
            JdbcClient jdbc,
            TaskScheduler scheduler,
            @Value("${fleksi.jobs.enabled:true}") boolean enabled) {
        this.catalog = catalog;
        this.switches = switches;
        this.registry = registry;
        this.jdbc = jdbc;
        this.scheduler = scheduler;
        this.enabled = enabled;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (!enabled) {
            return;
        }
        for (FeatureModule module : catalog.modules()) {
            for (ScheduledJob job : module.jobs()) {
                for (RegionTimeZone zone : RegionTimeZone.values()) {
                    scheduled.add(scheduler.schedule(
                            () -> run(module, job, zone, Instant.now()), new CronTrigger(job.cron(), zone.zone())));
                }
            }
        }
    }

    /**
     * Runs one firing of a job for the tenants of a time zone; returns how many tenants it ran for here.
     *
     * @param firedAt the trigger's time; replicas firing the same trigger agree on it to the minute
     */
    public int run(FeatureModule module, ScheduledJob job, RegionTimeZone zone, Instant firedAt) {
        Instant scheduledFor = firedAt.truncatedTo(ChronoUnit.MINUTES);
        String name = module.id() + "/" + job.name();
        int ran = 0;
        for (Tenant tenant : registry.list()) {
            if (!tenant.isActive() || tenant.timeZone() != zone || !switches.isEnabled(tenant.code(), module.id())) {
                continue;
            }
            if (!claim(name, tenant, scheduledFor)) {
                continue;
            }
            String outcome = "ok";
            try (MDC.MDCCloseable ignored = LogContext.job(job.name())) {
                TenantContext.runAs(tenant.code(), () -> job.run().accept(tenant.code()));
                ran++;
            } catch (RuntimeException e) {
                outcome = "failed: " + e.getMessage();
                log.error("Job {} failed for tenant {}", name, tenant.code(), e);
            }
            jdbc.sql("update platform.job_run set outcome = ? where job = ? and tenant_code = ? and scheduled_for = ?")
                    .param(outcome.length() > 500 ? outcome.substring(0, 500) : outcome)
                    .param(name)
                    .param(tenant.code().value())
                    .param(Timestamp.from(scheduledFor))
                    .update();
        }
        return ran;
    }

    private boolean claim(String job, Tenant tenant, Instant scheduledFor) {
        return jdbc.sql("""
                insert into platform.job_run (job, tenant_code, scheduled_for, started_at) values (?, ?, ?, now())
                on conflict do nothing""")
                        .param(job)
                        .param(tenant.code().value())
                        .param(Timestamp.from(scheduledFor))
                        .update()
                == 1;
    }

    @Override
    public void destroy() {
        scheduled.forEach(future -> future.cancel(false));
    }
}
