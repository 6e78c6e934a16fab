package id.fleksi.platform.modules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.fleksi.platform.PlatformTestApplication;
import id.fleksi.platform.audit.AuditEvent;
import id.fleksi.platform.audit.AuditLog;
import id.fleksi.platform.migration.TenantMigrator;
import id.fleksi.platform.problem.Problem;
import id.fleksi.platform.tenancy.RegionTimeZone;
import id.fleksi.platform.tenancy.TenantCode;
import id.fleksi.platform.tenancy.TenantRegistry;
import id.fleksi.platform.testing.TestDatabase;
import id.fleksi.platform.testing.TestTenants;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class ModuleSwitchesTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @Autowired
    ModuleSwitches switches;

    @Autowired
    ModuleAvailability availability;

    @Autowired
    AuditLog audit;

    @Autowired
    TenantRegistry registry;

    @Autowired
    TenantMigrator migrator;

    @Autowired
    JdbcClient jdbc;

    TenantCode tenant;

    @BeforeEach
    void tenant() {
        tenant = TestTenants.migrated(registry, migrator, "mod");
    }

    @AfterEach
    void dropTenant() {
        TestTenants.remove(jdbc, registry, tenant);
    }

    @Test
    void everyModulesTablesExistInEveryTenantSchemaWhetherOnOrOff() {
        assertThat(switches.isEnabled(tenant, "notes")).isFalse();
        assertThat(jdbc.sql("select count(*) from " + tenant.schemaName() + ".notes_note")
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void disablingKeepsTheDataAndEnablingBringsItBackAsItWas() {
        switches.change(tenant, "notes", true, Map.of(), "admin");
        jdbc.sql("insert into " + tenant.schemaName() + ".notes_note (text) values ('apel senin')")
                .update();

        switches.change(tenant, "notes", false, null, "admin");
        assertThat(switches.isEnabled(tenant, "notes")).isFalse();
        switches.change(tenant, "notes", true, null, "admin");

        assertThat(switches.isEnabled(tenant, "notes")).isTrue();
        assertThat(jdbc.sql("select text from " + tenant.schemaName() + ".notes_note")
                        .query(String.class)
                        .list())
                .containsExactly("apel senin");
        assertThat(audit.latest(tenant, 10))
                .extracting(AuditEvent::action)
                .containsExactly("module.enable", "module.disable", "module.enable");
        AuditEvent last = audit.latest(tenant, 1).get(0);
        assertThat(last.actor()).isEqualTo("admin");
        assertThat(last.before()).contains("\"enabled\": false");
        assertThat(last.after()).contains("\"enabled\": true");
    }

    @Test
    void enablingRefusesWhileAModuleItNeedsIsOffAndNamesIt() {
        assertThatThrownBy(() -> switches.change(tenant, "reminders", true, null, "admin"))
                .isInstanceOfSatisfying(Problem.class, p -> {
                    assertThat(p.kind()).isEqualTo(Problem.Kind.CONFLICT);
                    assertThat(p.getMessage()).contains("needs notes switched on first");
                });
        assertThat(switches.isEnabled(tenant, "reminders")).isFalse();
        assertThat(audit.latest(tenant, 10)).isEmpty();
    }

    @Test
    void disablingRefusesWhileAnEnabledModuleNeedsIt() {
        switches.change(tenant, "notes", true, null, "admin");
        switches.change(tenant, "reminders", true, null, "admin");

        assertThatThrownBy(() -> switches.change(tenant, "notes", false, null, "admin"))
                .isInstanceOfSatisfying(
                        Problem.class, p -> assertThat(p.getMessage()).contains("needed by reminders"));
        assertThat(switches.isEnabled(tenant, "notes")).isTrue();

        switches.change(tenant, "reminders", false, null, "admin");
        switches.change(tenant, "notes", false, null, "admin");
        assertThat(switches.isEnabled(tenant, "notes")).isFalse();
    }

    @Test
    void unknownModulesAndInvalidSettingsAreProblemsThatChangeNothing() {
        assertThatThrownBy(() -> switches.change(tenant, "ghost", true, null, "admin"))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.kind()).isEqualTo(Problem.Kind.NOT_FOUND));
        assertThatThrownBy(
                        () -> switches.change(tenant, "notes", true, Map.of("maxLength", 5, "colour", "red"), "admin"))
                .isInstanceOfSatisfying(Problem.class, p -> {
                    assertThat(p.kind()).isEqualTo(Problem.Kind.BAD_REQUEST);
                    assertThat((List<Map<String, String>>) p.properties().get("errors"))
                            .extracting(e -> e.get("field"))
                            .containsExactlyInAnyOrder("settings.maxLength", "settings.colour");
                });
        assertThat(switches.isEnabled(tenant, "notes")).isFalse();

        switches.change(tenant, "notes", true, Map.of("maxLength", 500), "admin");
        assertThat(switches.state(tenant, "notes").settings())
                .containsEntry("maxLength", 500L)
                .containsEntry("public", false);
        assertThat(audit.latest(tenant, 1).get(0).action()).isEqualTo("module.settings");
    }

    @Test
    void aModuleThePlatformOperatorWithholdsCannotBeSwitchedOn() {
        availability.set(tenant, "notes", false, null);

        assertThatThrownBy(() -> switches.change(tenant, "notes", true, null, "admin"))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.kind()).isEqualTo(Problem.Kind.FORBIDDEN));
        assertThat(switches.state(tenant, "notes").allowed()).isFalse();
    }

    @Test
    void aModuleJobRunsOnceForEachTenantThatHasTheModuleOnAndSkipsTheOthers(
            @Autowired ModuleJobs jobs, @Autowired ModuleCatalog catalog) throws Exception {
        TenantCode off = TestTenants.migrated(registry, migrator, "modoff");
        try {
            switches.change(tenant, "notes", true, null, "admin");
            FeatureModule notes = catalog.find("notes").orElseThrow();
            java.time.Instant firing = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MINUTES);

            jobs.run(notes, notes.jobs().get(0), RegionTimeZone.WITA, firing);
            jobs.run(notes, notes.jobs().get(0), RegionTimeZone.WITA, firing.plusSeconds(1));
            jobs.run(notes, notes.jobs().get(0), RegionTimeZone.WIB, firing.plusSeconds(120));

            assertThat(notesOf(tenant)).containsExactly("pagi");
            assertThat(notesOf(off)).isEmpty();
        } finally {
            TestTenants.remove(jdbc, registry, off);
        }
    }

    private List<String> notesOf(TenantCode code) {
        return jdbc.sql("select text from " + code.schemaName() + ".notes_note")
                .query(String.class)
                .list();
    }

    @Test
    void aModulesEventListenerSkipsTenantsWhereItIsOff(
            @Autowired org.springframework.context.ApplicationEventPublisher events,
            @Autowired id.fleksi.platform.testing.modules.NotesListener listener) {
        events.publishEvent(new id.fleksi.platform.testing.modules.NoteAdded(tenant, "while off"));
        switches.change(tenant, "notes", true, null, "admin");
        events.publishEvent(new id.fleksi.platform.testing.modules.NoteAdded(tenant, "while on"));

        assertThat(listener.heard)
                .filteredOn(e -> e.tenant().equals(tenant))
                .extracting(id.fleksi.platform.testing.modules.NoteAdded::text)
                .containsExactly("while on");
    }

    @Test
    void aSwitchThroughOneInstanceIsObeyedByASecondOnTheSameDatabase() {
        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(PlatformTestApplication.class)
                .web(WebApplicationType.NONE)
                .run(
                        "--spring.datasource.url=" + TestDatabase.get().jdbcUrl(),
                        "--spring.datasource.username=" + TestDatabase.get().user(),
                        "--fleksi.tenancy.migrate-on-startup=false")) {
            ModuleSwitches other = second.getBean(ModuleSwitches.class);
            assertThat(other.isEnabled(tenant, "notes")).isFalse();

            switches.change(tenant, "notes", true, null, "admin");
            assertThat(other.isEnabled(tenant, "notes")).isTrue();

            other.change(tenant, "notes", false, null, "admin-on-replica-2");
            assertThat(switches.isEnabled(tenant, "notes")).isFalse();
        }
    }
}
