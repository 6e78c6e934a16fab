package id.fleksi.platform.migration;

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

    public PlatformSchema(DataSource dataSource) {
        this.runner = new ChangeLogRunner(dataSource, java.util.List.of("db/platform/changelog.yaml"));
    }

    public void migrate() {
        try {
            int applied = runner.update(NAME, "platform");
            log.info("Platform schema current ({} change sets)", applied);
        } catch (MigrationException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
