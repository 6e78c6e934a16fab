package id.fleksi.platform.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.fleksi.platform.tenancy.MigrationState;
import id.fleksi.platform.tenancy.Tenant;
import id.fleksi.platform.tenancy.TenantCode;
import id.fleksi.platform.tenancy.TenantRegistry;
import id.fleksi.platform.testing.TestDatabase;
import id.fleksi.platform.testing.TestTenants;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class TenantMigratorTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @Autowired
    TenantMigrator migrator;

    @Autowired
    TenantRegistry registry;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    private final List<TenantCode> made = new ArrayList<>();

    @AfterEach
    void removeTenants() {
        made.forEach(code -> TestTenants.remove(jdbc, registry, code));
    }

    @Test
    void migratesANewTenantSchemaAndRecordsItCurrent() throws Exception {
        TenantCode code = register();

        migrator.migrate(code);

        Tenant tenant = registry.find(code).orElseThrow();
        assertThat(tenant.migrationState()).isEqualTo(MigrationState.CURRENT);
        assertThat(tenant.appliedChangeSets())
                .isEqualTo(migrator.expectedChangeSets())
                .isPositive();
        assertThat(migrator.isCurrent(tenant)).isTrue();
        assertThat(tables(code)).contains("app_user", "databasechangelog");
    }

    @Test
    void anUpToDateSchemaIsLeftAlone() throws Exception {
        TenantCode code = register();
        migrator.migrate(code);
        Integer locksBefore = jdbc.sql("select count(*) from " + code.schemaName() + ".databasechangeloglock")
                .query(Integer.class)
                .single();

        migrator.migrate(code);

        assertThat(jdbc.sql("select count(*) from " + code.schemaName() + ".databasechangelog")
                        .query(Integer.class)
                        .single())
                .isEqualTo(migrator.expectedChangeSets());
        assertThat(jdbc.sql("select count(*) from " + code.schemaName() + ".databasechangeloglock")
                        .query(Integer.class)
                        .single())
                .isEqualTo(locksBefore);
    }

    @Test
    void aFailingTenantIsMarkedAndTheOthersStillMigrate() throws Exception {
        TenantCode good1 = register();
        TenantCode broken = register();
        TenantCode good2 = register();
        // A table in the way: the core changelog's createTable fails on it, as a real conflict would.
        jdbc.sql("create schema " + broken.schemaName()).update();
        jdbc.sql("create table " + broken.schemaName() + ".app_user (id int)").update();
        List<String> progress = new ArrayList<>();

        TenantMigrator.Summary summary = migrator.migrateAll(progress::add);

        assertThat(summary.failed()).containsOnlyKeys(broken);
        assertThat(summary.migrated()).contains(good1, good2);
        assertThat(progress)
                .anyMatch(line -> line.matches("migrated \\d+/\\d+ " + good1))
                .anyMatch(line -> line.startsWith("FAILED") && line.contains(broken.value()));
        Tenant failed = registry.find(broken).orElseThrow();
        assertThat(failed.migrationState()).isEqualTo(MigrationState.FAILED);
        assertThat(failed.migrationError()).contains("app_user");
        assertThat(migrator.isCurrent(failed)).isFalse();
        assertThat(migrator.isCurrent(registry.find(good2).orElseThrow())).isTrue();
    }

    @Test
    void aSchemaBehindANewerChangelogIsNotCurrentUntilMigrated() throws Exception {
        TenantCode code = register();
        migrator.migrate(code);
        TenantMigrator newer = new TenantMigrator(dataSource, registry, withExtra("db/tenant-next/changelog.yaml"));

        assertThat(newer.expectedChangeSets()).isEqualTo(migrator.expectedChangeSets() + 1);
        assertThat(newer.isCurrent(registry.find(code).orElseThrow())).isFalse();

        newer.migrate(code);

        assertThat(newer.isCurrent(registry.find(code).orElseThrow())).isTrue();
        assertThat(tables(code)).contains("next_feature");
    }

    @Test
    void aChangeSetThatFailsLeavesTheTenantMarkedFailed() {
        TenantCode code = register();
        TenantMigrator failing =
                new TenantMigrator(dataSource, registry, withExtra("db/tenant-failing/changelog.yaml"));

        assertThatThrownBy(() -> failing.migrate(code))
                .isInstanceOf(MigrationException.class)
                .hasMessageContaining(code.schemaName());

        assertThat(registry.find(code).orElseThrow().migrationState()).isEqualTo(MigrationState.FAILED);
    }

    /** This build's tenant changelogs, and one more after them. */
    private List<String> withExtra(String changelog) {
        List<String> changelogs = new ArrayList<>(migrator.changelogs());
        changelogs.add(changelog);
        return changelogs;
    }

    private TenantCode register() {
        TenantCode code = TestTenants.register(registry, "mig");
        made.add(code);
        return code;
    }

    private List<String> tables(TenantCode code) {
        return jdbc.sql("select table_name from information_schema.tables where table_schema = ?")
                .param(code.schemaName())
                .query(String.class)
                .list();
    }
}
