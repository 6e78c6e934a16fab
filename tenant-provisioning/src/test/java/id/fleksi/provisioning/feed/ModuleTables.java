package id.fleksi.provisioning.feed;

import id.fleksi.platform.tenancy.TenantCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import javax.sql.DataSource;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.changelog.FastCheckService;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.DirectoryResourceAccessor;

/**
 * The attendance and activity-report tables in a test tenant's schema, made by those modules' own changelogs: this Maven
 * module does not depend on the feature modules, so its tenants lack their tables, which the feed counts from. Read from
 * the source tree (as the application's OpenAPI test reads docs/), so the figures are tested against the tables as they
 * are. Recorded in a changelog table of their own, leaving the tenant's migration history as this build expects it.
 */
final class ModuleTables {

    private static final String[][] CHANGELOGS = {
        {"../modules/attendance/src/main/resources", "db/tenant/modules/attendance.yaml"},
        {"../modules/activity-reports/src/main/resources", "db/tenant/modules/activity-reports.yaml"}
    };

    private ModuleTables() {}

    static void addTo(DataSource dataSource, TenantCode tenant) throws Exception {
        String schema = tenant.schemaName();
        try (Connection connection = dataSource.getConnection()) {
            connection.setSchema(schema);
            Database database =
                    DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
            database.setDefaultSchemaName(schema);
            database.setLiquibaseSchemaName(schema);
            database.setDatabaseChangeLogTableName("feed_test_changelog");
            database.setDatabaseChangeLogLockTableName("feed_test_changelog_lock");
            for (String[] changelog : CHANGELOGS) {
                Path root = Path.of(changelog[0]);
                if (!Files.isDirectory(root)) {
                    throw new IllegalStateException(
                            "Run the feed tests from tenant-provisioning/ in the source tree: " + root + " is missing");
                }
                Scope.getCurrentScope().getSingleton(FastCheckService.class).clearCache();
                try (var resources = new DirectoryResourceAccessor(root)) {
                    new Liquibase(changelog[1], resources, database)
                            .update(new Contexts("tenant"), new LabelExpression());
                }
            }
        }
    }
}
