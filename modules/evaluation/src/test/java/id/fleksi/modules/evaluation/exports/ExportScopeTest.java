package id.fleksi.modules.evaluation.exports;

import static org.assertj.core.api.Assertions.assertThat;

import id.fleksi.modules.evaluation.EvaluationModule;
import id.fleksi.modules.evaluation.exports.internal.ExportScope;
import id.fleksi.platform.migration.TenantMigrator;
import id.fleksi.platform.problem.Problem;
import id.fleksi.platform.security.Caller;
import id.fleksi.platform.security.Role;
import id.fleksi.platform.tenancy.Tenant;
import id.fleksi.platform.tenancy.TenantCode;
import id.fleksi.platform.tenancy.TenantContext;
import id.fleksi.platform.tenancy.TenantRegistry;
import id.fleksi.platform.tenancy.TenantSql;
import id.fleksi.platform.testing.TestDatabase;
import id.fleksi.platform.testing.TestTenants;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Who may export what, on a clock at 5 January 2026: BKD and another system's token any unit and the whole pemda; the
 * head of Dinas Kesehatan that OPD and the puskesmas under it, not BKPSDM; the head of the puskesmas not the Dinas above
 * it; an ordinary ASN nothing. December 2025 may be exported, February 2026 has not begun.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class ExportScopeTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @Autowired
    ExportScope scope;

    @Autowired
    TenantRegistry registry;

    @Autowired
    TenantMigrator migrator;

    @Autowired
    JdbcClient jdbc;

    TenantCode code;

    @BeforeEach
    void organisation() {
        code = TestTenants.migrated(registry, migrator, "ekspor");
        TenantContext.runAs(code, () -> {
            UUID dinkes = unit("DINKES", "Dinas Kesehatan", null);
            UUID pkm = unit("PKM", "UPT Puskesmas Tobadak", dinkes);
            unit("BKPSDM", "Badan Kepegawaian dan Pengembangan SDM", null);
            head(dinkes, person("kadis", "dr. Hasanuddin", "197502102000031004", dinkes, "ACTIVE"));
            head(pkm, person("kapus", "Ners Rahmawati", "198003152005012003", pkm, "ACTIVE"));
            person("siti", "Siti Aparatur", "199001012015032001", pkm, "ACTIVE");
        });
    }

    @AfterEach
    void remove() {
        TestTenants.remove(jdbc, registry, code);
    }

    @Test
    void bkdAndAnotherSystemExportAnyUnitAndTheWholePemda() {
        TenantContext.runAs(code, () -> {
            for (Caller caller : Set.of(
                    caller("bkd", Role.BKD.realmRole()), caller("service-account-x", EvaluationModule.EXPORT_ROLE))) {
                assertThat(scope.unit(caller, null)).isNull();
                ExportScope.Unit pkm = scope.unit(caller, "PKM");
                assertThat(pkm.name()).isEqualTo("UPT Puskesmas Tobadak");
                assertThat(pkm.headName()).isEqualTo("Ners Rahmawati");
                assertThat(pkm.headNip()).isEqualTo("198003152005012003");
                assertThat(scope.choices(caller))
                        .extracting(ExportScope.Unit::code)
                        .containsExactly("BKPSDM", "DINKES");
            }
            assertThat(problem(() -> scope.unit(caller("bkd", Role.BKD.realmRole()), "DINSOS"))
                            .type())
                    .isEqualTo("evaluation-export-unknown-unit");
        });
    }

    @Test
    void theHeadOfAnOpdExportsItAndTheUnitsUnderItOnly() {
        TenantContext.runAs(code, () -> {
            Caller kadis = caller("kadis", Role.ATASAN.realmRole());
            assertThat(scope.unit(kadis, "DINKES").headName()).isEqualTo("dr. Hasanuddin");
            assertThat(scope.unit(kadis, "PKM").code()).isEqualTo("PKM");
            assertThat(scope.choices(kadis)).extracting(ExportScope.Unit::code).containsExactly("DINKES");
            Problem bkpsdm = problem(() -> scope.unit(kadis, "BKPSDM"));
            assertThat(bkpsdm.kind()).isEqualTo(Problem.Kind.FORBIDDEN);
            assertThat(bkpsdm.getMessage()).endsWith("Badan Kepegawaian dan Pengembangan SDM is not a unit you head.");
            assertThat(problem(() -> scope.unit(kadis, null)).type()).isEqualTo("evaluation-export-unit-required");

            Caller kapus = caller("kapus", Role.ATASAN.realmRole());
            assertThat(scope.unit(kapus, "PKM").code()).isEqualTo("PKM");
            assertThat(problem(() -> scope.unit(kapus, "DINKES")).kind()).isEqualTo(Problem.Kind.FORBIDDEN);

            Problem siti = problem(() -> scope.unit(caller("siti", Role.ASN.realmRole()), "PKM"));
            assertThat(siti.type()).isEqualTo("evaluation-export-not-allowed");
            assertThat(siti.getMessage()).endsWith("you are neither.");
        });
    }

    @Test
    void aMonthIsWrittenAs2026Dash01AndMustHaveBegun() {
        Tenant tenant = registry.require(code);
        assertThat(scope.month(tenant, " 2025-12 ").toString()).isEqualTo("2025-12");
        assertThat(scope.month(tenant, "2026-01").toString()).isEqualTo("2026-01");
        assertThat(problem(() -> scope.month(tenant, "2026-02")).type()).isEqualTo("evaluation-export-future");
        assertThat(problem(() -> scope.month(tenant, "Desember")).type()).isEqualTo("evaluation-export-month");
    }

    private static Problem problem(Runnable call) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(call::run);
        assertThat(thrown).isInstanceOf(Problem.class);
        return (Problem) thrown;
    }

    private static Caller caller(String username, String role) {
        return new Caller("any", username, username, Set.of(role));
    }

    private UUID unit(String unitCode, String name, UUID parent) {
        UUID id = UUID.randomUUID();
        jdbc.sql(TenantSql.of("insert into {org_unit} (id, parent_id, code, name, kind) values (?, ?, ?, ?, 'DINAS')"))
                .params(id, parent, unitCode, name)
                .update();
        return id;
    }

    private UUID person(String username, String name, String nip, UUID unit, String status) {
        UUID id = UUID.randomUUID();
        jdbc.sql(TenantSql.of(
                        "insert into {employee} (id, nip, name, employment_type, unit_id, status, username, realm_user_id,"
                                + " created_at, updated_at) values (?, ?, ?, 'PNS', ?, ?, ?, ?, now(), now())"))
                .params(id, nip, name, unit, status, username, UUID.randomUUID().toString())
                .update();
        return id;
    }

    private void head(UUID unit, UUID employee) {
        jdbc.sql(TenantSql.of("update {org_unit} set head_employee_id = ? where id = ?"))
                .params(employee, unit)
                .update();
    }
}
