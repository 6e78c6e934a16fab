package id.fleksi.provisioning.feed;

import id.fleksi.platform.LogContext;
import id.fleksi.platform.tenancy.Tenant;
import id.fleksi.platform.tenancy.TenantRegistry;
import id.fleksi.provisioning.bundle.BundleSignatures;
import id.fleksi.provisioning.bundle.InstanceKeys;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * On a replica with {@code FLEKSI_FEED_URL} set: every quarter of an hour, each active tenant's last
 * {@value #DAYS_COUNTED_AGAIN} days and today so far are counted into the outbox (a day whose figures did not change
 * stays as it was; an absence approved days later still reaches the province); every minute, what is due is sent.
 * Nothing runs where scheduled work is off ({@code fleksi.jobs.enabled=false}, as in the {@code fleksi} command).
 */
@Component
@EnableConfigurationProperties(FeedProperties.class)
class FeedSchedule implements SmartInitializingSingleton, DisposableBean {

    static final int DAYS_COUNTED_AGAIN = 7;
    private static final Duration COUNT_EVERY = Duration.ofMinutes(15);
    private static final Duration SEND_EVERY = Duration.ofMinutes(1);
    private static final Logger log = LoggerFactory.getLogger(FeedSchedule.class);

    private final FeedProperties properties;
    private final TenantRegistry registry;
    private final DailyFigures figures;
    private final FeedOutbox outbox;
    private final InstanceKeys keys;
    private final DataSource dataSource;
    private final TaskScheduler scheduler;
    private final boolean jobs;
    private final List<ScheduledFuture<?>> scheduled = new ArrayList<>();

    FeedSchedule(
            FeedProperties properties,
            TenantRegistry registry,
            DailyFigures figures,
            FeedOutbox outbox,
            InstanceKeys keys,
            DataSource dataSource,
            TaskScheduler scheduler,
            @Value("${fleksi.jobs.enabled:true}") boolean jobs) {
        this.properties = properties;
        this.registry = registry;
        this.figures = figures;
        this.outbox = outbox;
        this.keys = keys;
        this.dataSource = dataSource;
        this.scheduler = scheduler;
        this.jobs = jobs;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (!jobs || !properties.sending()) {
            return;
        }
        FeedSender sender = new FeedSender(outbox, keys, dataSource, properties.endpoint());
        log.info(
                "Daily feed to {}, signed by {}",
                properties.endpoint(),
                BundleSignatures.fingerprint(keys.publicKey()));
        Instant start = Instant.now().plus(SEND_EVERY);
        scheduled.add(scheduler.scheduleWithFixedDelay(
                () -> {
                    try (MDC.MDCCloseable ignored = LogContext.job("feed-count")) {
                        count(Instant.now());
                    }
                },
                start,
                COUNT_EVERY));
        scheduled.add(scheduler.scheduleWithFixedDelay(
                () -> {
                    try (MDC.MDCCloseable ignored = LogContext.job("feed-send")) {
                        sender.sendDue(Instant.now());
                    }
                },
                start.plusSeconds(30),
                SEND_EVERY));
    }

    /** Counts each active tenant's recent days into the outbox; returns how many documents changed. */
    int count(Instant now) {
        int changed = 0;
        for (Tenant tenant : registry.list()) {
            if (!tenant.isActive()) {
                continue;
            }
            LocalDate today = now.atZone(tenant.timeZone().zone()).toLocalDate();
            try {
                for (LocalDate day = today.minusDays(DAYS_COUNTED_AGAIN); !day.isAfter(today); day = day.plusDays(1)) {
                    changed += outbox.store(figures.of(tenant, day, now), now) ? 1 : 0;
                }
            } catch (RuntimeException e) {
                log.error("Feed figures of {} not counted", tenant.code(), e);
            }
        }
        outbox.forgetSentBefore(LocalDate.ofInstant(now.minus(FeedOutbox.KEEP_SENT), java.time.ZoneOffset.UTC));
        return changed;
    }

    @Override
    public void destroy() {
        scheduled.forEach(future -> future.cancel(false));
    }
}
