package id.fleksi.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.fleksi.FleksiApplication;
import id.fleksi.platform.modules.ExternalModules;
import id.fleksi.platform.security.Role;
import id.fleksi.platform.tenancy.RegionTimeZone;
import id.fleksi.platform.tenancy.TenantKind;
import id.fleksi.platform.testing.TestDatabase;
import id.fleksi.platform.testing.TestKeycloak;
import id.fleksi.provisioning.onboarding.NewTenant;
import id.fleksi.provisioning.onboarding.TenantOnboarding;
import id.fleksi.provisioning.realm.RealmProvisioner;
import id.fleksi.provisioning.realm.RealmUsers;
import id.fleksi.provisioning.testing.TestRealms;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

/**
 * A kabupaten's own module, built outside Fleksi (the example project in docs/examples, compiled and jarred here as its
 * own build would), dropped into the modules folder beside two broken jars: Fleksi starts, refuses each broken jar naming
 * it and saying why, migrates the module's table into the tenants, lets the tenant the operator allows switch it on (its
 * realm role arrives with it) and serves its page and menu entry; a tenant the operator did not allow cannot switch it on.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class ExternalModuleTest {

    static final int PORT = Browser.freePort();
    static final String BASE = "http://127.0.0.1:" + PORT;
    static final Path EXAMPLE =
            Path.of("").toAbsolutePath().getParent().resolve("docs/examples/fleksi-module-bukutamu");

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
        TestKeycloak.register(registry);
        // Realms made here send the browser back to the instance that loads the module.
        registry.add("fleksi.keycloak-admin.public-web-url", () -> BASE);
    }

    @Autowired
    TenantOnboarding onboarding;

    @Autowired
    RealmProvisioner realms;

    @Autowired
    RealmUsers realmUsers;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Environment environment;

    @TempDir
    Path work;

    final List<String> tenants = new ArrayList<>();
    ConfigurableApplicationContext withModules;

    @AfterEach
    void remove() {
        if (withModules != null) {
            withModules.close();
        }
        jdbc.sql("delete from platform.module_availability where module_id = 'bukutamu'")
                .update();
        tenants.forEach(code -> TestRealms.removeTenant(realms, jdbc, code));
    }

    @Test
    void aModuleJarDroppedIntoTheFolderIsLoadedMigratedSwitchedOnAndServedWhileBrokenJarsAreRefusedByName()
            throws Exception {
        Path modules = Files.createDirectories(work.resolve("modules"));
        ModuleJars.build(EXAMPLE, modules.resolve("bukutamu-1.0.jar"));
        brokenByAMissingClass(modules.resolve("arsip-rusak.jar"));
        brokenByItsChangelog(modules.resolve("bukutamu-changelog-rusak.jar"));

        String allowed = onboard("tamu");
        String other = onboard("tamulain");
        for (String code : List.of(allowed, other)) {
            TestRealms.addUser(realmUsers, code, "boss", Role.TENANT_ADMIN, Role.ASN);
            TestRealms.addTestClient(code, "fleksi-api");
        }
        // The operator allows the kabupaten's module for its own tenant only.
        jdbc.sql(
                        "insert into platform.module_availability (tenant_code, module_id, allowed) values ('*', 'bukutamu', false), (?, 'bukutamu', true)")
                .param(allowed)
                .update();

        withModules = start(modules);

        ExternalModules external = withModules.getBean(ExternalModules.class);
        assertThat(external.accepted())
                .extracting(a -> a.jar().getFileName().toString())
                .containsExactly("bukutamu-1.0.jar");
        assertThat(external.refused())
                .extracting(r -> r.jar().getFileName().toString(), ExternalModules.Refused::reason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "arsip-rusak.jar",
                                "its class go.id.contoh.arsip.ArsipModule needs"
                                        + " go.id.contoh.arsip.Lampiran, which neither the jar nor this Fleksi has (built against another"
                                        + " release, or packed without it)."),
                        org.assertj.core.groups.Tuple.tuple(
                                "bukutamu-changelog-rusak.jar", refusedChangelog(external)));
        assertThat(refusedChangelog(external))
                .startsWith("its changelog db/tenant/modules/bukutamu.yaml cannot be read: ")
                .contains("createTabel");

        assertThat(withModules
                        .getBean(id.fleksi.platform.modules.ModuleCatalog.class)
                        .find("bukutamu"))
                .as("in the catalog")
                .isPresent();
        // Migrated into every tenant schema at start, like Fleksi's own modules' tables.
        for (String code : List.of(allowed, other)) {
            assertThat(jdbc.sql("select to_regclass(?) is not null")
                            .param("tenant_" + code + ".bukutamu_visit")
                            .query(Boolean.class)
                            .single())
                    .as(code)
                    .isTrue();
        }

        RestClient api = RestClient.builder()
                .baseUrl(BASE)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {})
                .build();
        assertThat(switchOn(api, other).value())
                .as("a tenant the operator did not allow")
                .isEqualTo(403);
        assertThat(switchOn(api, allowed).value()).isEqualTo(200);
        assertThat(TestRealms.realmRoleNames(allowed)).contains("petugas-bukutamu");

        WebDriver browser = Browser.chromium();
        try {
            PageTest.logIn(browser, BASE + "/t/" + allowed + "/", "boss", TestRealms.PASSWORD);
            Browser.waitFor(browser, By.id("menu"));
            browser.findElement(By.linkText("Buku tamu")).click();
            Browser.waitFor(browser, By.id("bukutamu"));
            assertThat(browser.findElement(By.id("none")).getText()).isEqualTo("Belum ada kunjungan.");
            browser.findElement(By.id("institution")).sendKeys("Desa Tobadak");
            browser.findElement(By.id("purpose")).sendKeys("Legalisir KTP-el");
            browser.findElement(By.cssSelector("#bukutamu button[type=submit]")).click();
            Browser.waitFor(browser, By.cssSelector("#visits li"));
            assertThat(browser.findElement(By.id("visits")).getText()).isEqualTo("Desa Tobadak · Legalisir KTP-el");
        } finally {
            browser.quit();
        }
        assertThat(jdbc.sql("select recorded_by from tenant_" + allowed + ".bukutamu_visit")
                        .query(String.class)
                        .list())
                .containsExactly("boss");
    }

    private String onboard(String prefix) {
        String code = TestRealms.unique(prefix);
        tenants.add(code);
        onboarding.onboard(
                new NewTenant(code, "Kabupaten " + prefix, TenantKind.KABUPATEN, null, "76.06", RegionTimeZone.WITA));
        return code;
    }

    private static HttpStatusCode switchOn(RestClient api, String code) {
        return api.put()
                .uri("/api/v1/t/" + code + "/modules/bukutamu")
                .header("Authorization", "Bearer " + TestRealms.token(code, "boss"))
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("enabled", true))
                .retrieve()
                .toBodilessEntity()
                .getStatusCode();
    }

    private static String refusedChangelog(ExternalModules external) {
        return external.refused().stream()
                .filter(r -> r.jar().getFileName().toString().startsWith("bukutamu"))
                .map(ExternalModules.Refused::reason)
                .findFirst()
                .orElse("");
    }

    /** Fleksi as the operator runs it, with the modules folder, on the test's database and Keycloak. */
    private ConfigurableApplicationContext start(Path modules) {
        String[] shared = Stream.of(
                        "spring.datasource.url",
                        "spring.datasource.username",
                        "spring.datasource.password",
                        "fleksi.identity.keycloak-url",
                        "fleksi.keycloak-admin.url",
                        "fleksi.keycloak-admin.username",
                        "fleksi.keycloak-admin.password",
                        "fleksi.keycloak-admin.public-web-url",
                        "fleksi.keycloak-database.url",
                        "fleksi.keycloak-database.username",
                        "fleksi.keycloak-database.password")
                .filter(key -> environment.getProperty(key) != null)
                .map(key -> "--" + key + "=" + environment.getProperty(key))
                .toArray(String[]::new);
        String[] own = {
            "--server.port=" + PORT,
            "--server.address=127.0.0.1",
            "--fleksi.jobs.enabled=false",
            "--fleksi.rate-limit.enabled=false"
        };
        return FleksiApplication.application(modules)
                .run(Stream.concat(Stream.of(shared), Stream.of(own)).toArray(String[]::new));
    }

    /** A module whose class refers to one the jar was packed without. */
    private void brokenByAMissingClass(Path jar) {
        Path sources = work.resolve("arsip/src");
        ModuleJars.write(
                sources.resolve("go/id/contoh/arsip/Lampiran.java"),
                "package go.id.contoh.arsip; public class Lampiran {}");
        ModuleJars.write(sources.resolve("go/id/contoh/arsip/ArsipConfiguration.java"), """
                package go.id.contoh.arsip;
                @org.springframework.boot.autoconfigure.AutoConfiguration
                @org.springframework.context.annotation.Import(ArsipModule.class)
                public class ArsipConfiguration {}
                """);
        ModuleJars.write(sources.resolve("go/id/contoh/arsip/ArsipModule.java"), """
                package go.id.contoh.arsip;
                import id.fleksi.platform.modules.LocalizedText;
                public class ArsipModule implements id.fleksi.platform.modules.FeatureModule {
                    public String id() { return "arsip"; }
                    public LocalizedText name() { return LocalizedText.of("Arsip", "Archive"); }
                    public LocalizedText description() { return name(); }
                    public String version() { return "1.0"; }
                    public Lampiran lampiran() { return new Lampiran(); }
                }
                """);
        Path resources = work.resolve("arsip/resources");
        ModuleJars.write(
                resources.resolve("META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports"),
                "go.id.contoh.arsip.ArsipConfiguration\n");
        ModuleJars.build(sources, resources, jar, List.of("go.id.contoh.arsip.Lampiran"));
    }

    /** The example module with a changelog Liquibase cannot read (a change type misspelt). */
    private void brokenByItsChangelog(Path jar) throws Exception {
        Path resources = work.resolve("changelog/resources");
        try (Stream<Path> files = Files.walk(EXAMPLE.resolve("src/main/resources"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                ModuleJars.write(
                        resources.resolve(EXAMPLE.resolve("src/main/resources")
                                .relativize(file)
                                .toString()),
                        Files.readString(file));
            }
        }
        Path changelog = resources.resolve("db/tenant/modules/bukutamu.yaml");
        Files.writeString(changelog, Files.readString(changelog).replace("createTable:", "createTabel:"));
        ModuleJars.build(EXAMPLE.resolve("src/main/java"), resources, jar, List.of());
    }
}
