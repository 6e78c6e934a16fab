package id.fleksi.platform.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import id.fleksi.platform.migration.TenantMigrator;
import id.fleksi.platform.testing.TestDatabase;
import id.fleksi.platform.testing.TestTenants;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The kept copy of a tenant's slowly-changing data is used while nothing changed, and read again after any change,
 * even one made by plain SQL behind Fleksi's back (as another replica, an import or a migration would).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class TenantCacheTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @Autowired
    TenantCache cache;

    @Autowired
    TenantRegistry registry;

    @Autowired
    TenantMigrator migrator;

    @Autowired
    SqlTransactions sql;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    TenantCode tenant;
    TenantCode other;
    final AtomicInteger reads = new AtomicInteger();

    @BeforeEach
    void tenants() {
        tenant = TestTenants.migrated(registry, migrator, "cache");
        other = TestTenants.migrated(registry, migrator, "cache");
    }

    @AfterEach
    void drop() {
        TestTenants.remove(jdbc, registry, tenant);
        TestTenants.remove(jdbc, registry, other);
    }

    @Test
    void aChangeToAnyWatchedTableIsSeenAtTheNextReadAndNothingElseIsReadAgain() {
        assertThat(units(tenant)).isEmpty();
        assertThat(units(tenant)).isEmpty();
        assertThat(reads).hasValue(1);

        UUID unit = UUID.randomUUID();
        jdbc.sql("insert into " + tenant.schemaName()
                        + ".org_unit (id, code, name, kind) values (?, 'BKD', 'Badan Kepegawaian', 'DINAS')")
                .param(unit)
                .update();
        assertThat(units(tenant)).containsExactly(unit);
        assertThat(reads).hasValue(2);
        assertThat(units(other)).isEmpty(); // another tenant's change is its own
        assertThat(reads).hasValue(3);

        long before = revision(tenant);
        long otherBefore = revision(other);
        jdbc.sql("insert into " + tenant.schemaName()
                        + ".local_holiday (id, date, name) values (?, '2026-12-01', 'Hari jadi')")
                .param(UUID.randomUUID())
                .update();
        jdbc.sql("update " + tenant.schemaName() + ".tenant_module set enabled = enabled")
                .update();
        assertThat(revision(tenant)).isGreaterThan(before);
        assertThat(revision(other)).isEqualTo(otherBefore);
        units(tenant);
        units(other);
        assertThat(reads).hasValue(4); // the tenant's revision moved, the other's did not
    }

    @Test
    void whatAWritingTransactionReadsIsNeverKeptWhatIsReadOutsideOneIs() {
        UUID unit = UUID.randomUUID();
        TenantContext.callAs(
                tenant,
                () -> transactions.execute(tx -> {
                    jdbc.sql(
                                    "insert into " + tenant.schemaName()
                                            + ".org_unit (id, code, name, kind) values (?, 'BKD', 'Badan Kepegawaian', 'DINAS')")
                            .param(unit)
                            .update();
                    assertThat(units(tenant)).containsExactly(unit); // its own write, not committed
                    tx.setRollbackOnly();
                    return null;
                }));
        assertThat(units(tenant)).isEmpty(); // the rolled-back unit was not kept
        assertThat(reads).hasValue(2);

        sql.onOneConnection(connection -> units(tenant));
        assertThat(units(tenant)).isEmpty();
        assertThat(reads).hasValue(2); // kept from the read on one connection, outside any transaction
    }

    private List<UUID> units(TenantCode code) {
        return cache.get(code, "units", () -> {
            reads.incrementAndGet();
            return jdbc.sql("select id from " + code.schemaName() + ".org_unit")
                    .query(UUID.class)
                    .list();
        });
    }

    private long revision(TenantCode code) {
        return registry.find(code).orElseThrow().revision();
    }
}
