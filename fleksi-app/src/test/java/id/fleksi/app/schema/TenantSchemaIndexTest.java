package id.fleksi.app.schema;

import static org.assertj.core.api.Assertions.assertThat;

import id.fleksi.app.testing.AppIntegrationTest;
import id.fleksi.platform.migration.TenantMigrator;
import id.fleksi.platform.tenancy.TenantCode;
import id.fleksi.platform.tenancy.TenantRegistry;
import id.fleksi.platform.testing.TestTenants;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A tenant schema with every module's tables: each foreign key leads an index, so reading a row's children (an
 * employee's absences, a supervisor's team) does not read the whole table. An absence table without one made every
 * check-in scan all the tenant's absences. The exceptions are the small tables a tenant's cache reads whole.
 */
class TenantSchemaIndexTest extends AppIntegrationTest {

    /** Table and column of foreign keys left without an index: configuration read whole into the tenant's cache. */
    static final List<String> READ_WHOLE = List.of(
            "fwa_policy_unit.unit_id",
            "fwa_policy_window.version_id",
            "local_holiday.unit_id",
            "office_unit.unit_id",
            "org_unit.head_employee_id",
            "org_unit.parent_id",
            "work_schedule.unit_id");

    @Autowired
    TenantRegistry registry;

    @Autowired
    TenantMigrator migrator;

    @Autowired
    JdbcClient jdbc;

    TenantCode tenant;

    @AfterEach
    void remove() {
        TestTenants.remove(jdbc, registry, tenant);
    }

    @Test
    void everyForeignKeyOfATableThatGrowsLeadsAnIndex() {
        tenant = TestTenants.migrated(registry, migrator, "idx");

        List<String> unindexed = jdbc.sql("select c.conrelid::regclass::text, a.attname from pg_constraint c"
                        + " join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]"
                        + " where c.contype = 'f' and c.connamespace = ?::regnamespace and not exists (select 1 from pg_index i"
                        + " where i.indrelid = c.conrelid and i.indkey[0] = c.conkey[1]) order by 1, 2")
                .param(tenant.schemaName())
                .query((rs, n) -> rs.getString(1).substring(rs.getString(1).indexOf('.') + 1) + "." + rs.getString(2))
                .list();
        long foreignKeys = jdbc.sql(
                        "select count(*) from pg_constraint where contype = 'f' and connamespace = ?::regnamespace")
                .param(tenant.schemaName())
                .query(Long.class)
                .single();

        assertThat(foreignKeys).as("the schema has the modules' tables").isGreaterThan(15);
        assertThat(unindexed).containsExactlyInAnyOrderElementsOf(READ_WHOLE);
    }
}
