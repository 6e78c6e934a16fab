package id.fleksi.platform.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.fleksi.platform.migration.TenantMigrator;
import id.fleksi.platform.tenancy.internal.TenancyDefaults;
import id.fleksi.platform.testing.TestDatabase;
import id.fleksi.platform.users.AppUser;
import id.fleksi.platform.users.AppUserRepository;
import java.sql.Connection;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** One pool, a schema per tenant: each tenant sees its own rows, and no tenant means no data. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = "spring.datasource.hikari.maximum-pool-size=1")
class SchemaIsolationTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    static final TenantCode A =
            TenantCode.of("iso_a" + UUID.randomUUID().toString().substring(0, 8));
    static final TenantCode B =
            TenantCode.of("iso_b" + UUID.randomUUID().toString().substring(0, 8));

    @Autowired
    AppUserRepository users;

    @Autowired
    DataSource dataSource;

    @BeforeAll
    static void tenants(@Autowired TenantRegistry registry, @Autowired TenantMigrator migrator) throws Exception {
        for (TenantCode code : new TenantCode[] {A, B}) {
            registry.insertProvisioning(new Tenant(
                    code,
                    "Isolation " + code,
                    TenantKind.KOTA,
                    null,
                    "76.01",
                    RegionTimeZone.WITA,
                    code.schemaName(),
                    code.realmName(),
                    TenantStatus.PROVISIONING,
                    Hosting.SHARED,
                    0,
                    MigrationState.PENDING,
                    null,
                    null,
                    null));
            migrator.migrate(code);
        }
    }

    @AfterAll
    static void dropTenants(@Autowired JdbcClient jdbc, @Autowired TenantRegistry registry) {
        for (TenantCode code : new TenantCode[] {A, B}) {
            jdbc.sql("drop schema if exists " + code.schemaName() + " cascade").update();
            registry.delete(code);
        }
    }

    @Test
    void eachTenantSeesOnlyItsOwnRowsThroughOnePooledConnection() {
        TenantContext.runAs(A, () -> users.recordVisit("subject-a", "ani"));
        TenantContext.runAs(B, () -> users.recordVisit("subject-b", "budi"));

        assertThat(TenantContext.callAs(A, users::findAllByOrderByUsername))
                .extracting(AppUser::username)
                .contains("ani")
                .doesNotContain("budi");
        assertThat(TenantContext.callAs(B, users::findAllByOrderByUsername))
                .extracting(AppUser::username)
                .containsExactly("budi");
    }

    @Test
    void noTenantMeansNoDataAccess() {
        assertThat(TenantContext.current()).isEmpty();
        assertThatThrownBy(() -> users.findAllByOrderByUsername())
                .hasRootCauseInstanceOf(TenantContext.NoTenantException.class);
    }

    @Test
    void aConnectionReturnedByATenantSessionIsResetToTheEmptySchema() throws Exception {
        TenantContext.runAs(A, () -> users.recordVisit("subject-a2", "andi"));

        // The pool holds one connection: this is the one tenant A just used.
        try (Connection connection = dataSource.getConnection()) {
            try (var statement = connection.createStatement()) {
                var path = statement.executeQuery("select current_setting('search_path')");
                path.next();
                assertThat(path.getString(1)).isEqualTo(TenancyDefaults.NO_TENANT_SCHEMA);
                assertThatThrownBy(() -> statement.executeQuery("select * from app_user"))
                        .hasMessageContaining("does not exist");
            }
        }
    }

    @Test
    void aPreparedStatementIsPlannedOnceNotForEachExecution() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            try (var lookup = connection.prepareStatement("select count(*) from pg_class where relname = ?")) {
                for (String name :
                        new String[] {"pg_class", "pg_type", "pg_proc", "pg_index", "pg_am", "pg_class", "pg_type"}) {
                    lookup.setString(1, name);
                    try (var rows = lookup.executeQuery()) {
                        rows.next();
                        assertThat(rows.getInt(1)).isEqualTo(1);
                    }
                }
            }
            try (var statement = connection.createStatement();
                    var plans = statement.executeQuery(
                            "select generic_plans, custom_plans"
                                    + " from pg_prepared_statements where statement = 'select count(*) from pg_class where relname = $1'")) {
                assertThat(plans.next())
                        .as("the driver prepared it on the server")
                        .isTrue();
                // PostgreSQL's default would plan the first five executions for their values (custom_plans = 5)
                assertThat(plans.getLong("custom_plans")).isZero();
                assertThat(plans.getLong("generic_plans")).isEqualTo(7);
            }
        }
    }
}
