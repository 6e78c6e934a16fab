package id.fleksi.platform.migration;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Migrates the {@code platform} schema (the tenant registry). */
@Component
public class PlatformSchema {

    public static final String NAME = "platform";
    private static final Logger log = LoggerFactory.getLogger(PlatformSchema.class);

    private final ChangeLogRunner runner;
    private final MeterRegistry meters;

    public PlatformSchema(DataSource dataSource, MeterRegistry meters) {
        this.runner = new ChangeLogRunner(dataSource, java.util.List.of("db/platform/changelog.yaml"));
        this.meters = meters;
    }

    public void migrate() {
        Timer.Sample sample = Timer.start(meters);
        String outcome = "failure";
        try {
            int applied = runner.update(NAME, "platform");
            outcome = "success";
            log.info("Platform schema current ({} change sets)", applied);
        } catch (MigrationException e) {
            throw new IllegalStateException(e.getMessage(), e);
        } finally {
            sample.stop(TenantMigrator.timer(meters, NAME, outcome));
        }
    }
}
