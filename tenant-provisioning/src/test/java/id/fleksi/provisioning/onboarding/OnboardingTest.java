package id.fleksi.provisioning.onboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.fleksi.platform.migration.TenantMigrator;
import id.fleksi.platform.security.IdentityProperties;
import id.fleksi.platform.tenancy.RegionTimeZone;
import id.fleksi.platform.tenancy.TenantKind;
import id.fleksi.platform.tenancy.TenantRegistry;
import id.fleksi.provisioning.realm.KeycloakAdmin;
import id.fleksi.provisioning.realm.KeycloakAdminProperties;
import id.fleksi.provisioning.realm.RealmProvisioner;
import id.fleksi.provisioning.testing.ProvisioningIntegrationTest;
import id.fleksi.provisioning.testing.TestRealms;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.UserRepresentation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

class OnboardingTest extends ProvisioningIntegrationTest {

    @Autowired
    TenantOnboarding onboarding;

    @Autowired
    TenantRegistry registry;

    @Autowired
    TenantMigrator migrator;

    @Autowired
    DataSource dataSource;

    @Autowired
    IdentityProperties identity;

    @Autowired
    KeycloakAdminProperties adminProperties;

    @Autowired
    id.fleksi.platform.security.RealmRoles realmRoles;

    @Autowired
    id.fleksi.platform.modules.ModuleSwitches modules;

    @Test
    void onboardingThroughTheApiMakesRowSchemaRealmAndAFirstAdminWithAOneTimePassword() {
        String code = removeAfter(TestRealms.unique("kab"));

        ResponseEntity<Map> response = api(operatorToken())
                .post()
                .uri("/api/v1/platform/tenants")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of(
                        "code",
                        code,
                        "name",
                        "Kabupaten Uji",
                        "kind",
                        "KABUPATEN",
                        "regionCode",
                        "76.06",
                        "timeZone",
                        "WITA"))
                .retrieve()
                .toEntity(Map.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(response.getHeaders().getLocation()).hasPath("/api/v1/platform/tenants/" + code);
        Map<String, Object> tenant = (Map<String, Object>) response.getBody().get("tenant");
        assertThat(tenant)
                .containsEntry("status", "ACTIVE")
                .containsEntry("schema", "tenant_" + code)
                .containsEntry("realm", code)
                .containsEntry("migrationState", "CURRENT");
        assertThat((String) response.getBody().get("adminOneTimePassword")).hasSize(16);
        assertThat((Map<String, Object>) response.getBody().get("timingsMillis"))
                .containsKeys("realm", "schema", "total");

        assertThat(jdbc.sql("select table_name from information_schema.tables where table_schema = ?")
                        .param("tenant_" + code)
                        .query(String.class)
                        .list())
                .contains("app_user");
        assertThat(TestRealms.realm(code))
                .containsEntry("defaultLocale", "id")
                .containsEntry("bruteForceProtected", true)
                .containsEntry("enabled", true);
        assertThat((String) TestRealms.realm(code).get("passwordPolicy")).contains("length(10)");
        assertThat(TestRealms.admin().realm(code).roles().list())
                .extracting(r -> r.getName())
                .contains("asn", "atasan", "admin-opd", "bkd", "tenant-admin", "notes-editor")
                .doesNotContain("platform-operator");
        UserRepresentation admin = TestRealms.admin()
                .realm(code)
                .users()
                .searchByUsername("admin", true)
                .get(0);
        assertThat(admin.getRequiredActions()).containsExactly("UPDATE_PASSWORD");
        assertThat(TestRealms.admin()
                        .realm(code)
                        .users()
                        .get(admin.getId())
                        .roles()
                        .realmLevel()
                        .listEffective())
                .extracting(r -> r.getName())
                .contains("tenant-admin");
        assertThat(TestRealms.admin()
                        .realm(code)
                        .clients()
                        .findByClientId("fleksi-web")
                        .get(0)
                        .isPublicClient())
                .isTrue();
    }

    @Test
    void aKabupatenIsHostedByAProvince() {
        String province = removeAfter(TestRealms.unique("prov"));
        String kabupaten = removeAfter(TestRealms.unique("kab"));
        onboarding.onboard(
                new NewTenant(province, "Provinsi Uji", TenantKind.PROVINCE, null, "76", RegionTimeZone.WITA));

        Onboarded child = onboarding.onboard(new NewTenant(
                kabupaten, "Kabupaten Uji", TenantKind.KABUPATEN, province, "76.06", RegionTimeZone.WITA));

        assertThat(child.tenant().parent().value()).isEqualTo(province);
        ResponseEntity<Map> refused = post(Map.of(
                "code",
                TestRealms.unique("kab"),
                "name",
                "X",
                "kind",
                "KOTA",
                "parent",
                kabupaten,
                "regionCode",
                "76.01",
                "timeZone",
                "WITA"));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) refused.getBody().get("detail")).contains("a kabupaten or kota is hosted by a province");
    }

    @Test
    void badInputIsAProblemAndMakesNothing() {
        String existing = removeAfter(TestRealms.unique("dup"));
        onboarding.onboard(new NewTenant(existing, "Kota Ada", TenantKind.KOTA, null, "76.01", RegionTimeZone.WITA));
        operatorToken();
        int tenantsBefore = registry.list().size();
        int realmsBefore = TestRealms.admin().realms().findAll().size();
        List<String> badCodes = List.of("../x", "DROP", "Mateng", "a".repeat(60), "x; drop schema platform");

        for (String code : badCodes) {
            ResponseEntity<Map> response = post(body(code, null));
            assertThat(response.getStatusCode()).as(code).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .isTrue();
            assertThat((String) response.getBody().get("detail")).as(code).contains("Invalid tenant code");
        }
        ResponseEntity<Map> unknownParent = post(body(TestRealms.unique("kab"), "nowhere"));
        assertThat(unknownParent.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) unknownParent.getBody().get("detail")).contains("no active tenant 'nowhere'");
        ResponseEntity<Map> duplicate = post(body(existing, null));
        assertThat(duplicate.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat((String) duplicate.getBody().get("detail")).contains("already exists");
        ResponseEntity<Map> missingFields = post(Map.of("code", TestRealms.unique("kab"), "regionCode", "seventy-six"));
        assertThat(missingFields.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((List<Map<String, String>>) missingFields.getBody().get("errors"))
                .extracting(e -> e.get("field"))
                .contains("name", "kind", "regionCode", "timeZone");
        ResponseEntity<Map> badEnum = post(Map.of(
                "code", TestRealms.unique("kab"), "name", "X", "kind", "DESA", "regionCode", "76", "timeZone", "WITA"));
        assertThat(badEnum.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

        assertThat(registry.list()).hasSize(tenantsBefore);
        assertThat(TestRealms.admin().realms().findAll()).hasSize(realmsBefore);
        assertThat(registry.find(id.fleksi.platform.tenancy.TenantCode.of(existing))
                        .orElseThrow()
                        .isActive())
                .isTrue();
        assertThat(jdbc.sql("select count(*) from information_schema.schemata where schema_name like 'tenant_%'")
                        .query(Integer.class)
                        .single())
                .isEqualTo(tenantsCountedBySchema());
    }

    @Test
    void withKeycloakStoppedNothingIsLeftBehindAndARetryWorks() {
        String code = removeAfter(TestRealms.unique("kab"));
        RealmProvisioner unreachable = new RealmProvisioner(
                new KeycloakAdmin(new KeycloakAdminProperties(
                        "http://127.0.0.1:1",
                        "master",
                        "admin-cli",
                        null,
                        "admin",
                        "admin",
                        "http://127.0.0.1:8080",
                        "fleksi")),
                identity,
                realmRoles);
        TenantOnboarding withoutKeycloak = new TenantOnboarding(registry, migrator, unreachable, modules, jdbc);
        NewTenant request =
                new NewTenant(code, "Kabupaten Uji", TenantKind.KABUPATEN, null, "76.06", RegionTimeZone.WITA);

        assertThatThrownBy(() -> withoutKeycloak.onboard(request))
                .isInstanceOf(OnboardingFailedException.class)
                .hasMessageContaining("unreachable")
                .matches(e -> ((OnboardingFailedException) e).identityProviderDown());

        assertThat(rowExists(code)).isFalse();
        assertThat(schemaExists(code)).isFalse();
        assertThat(onboarding.onboard(request).tenant().isActive()).isTrue();
    }

    @Test
    void aFailingMigrationRemovesRealmSchemaAndRowAndARetryWorks() {
        String code = removeAfter(TestRealms.unique("kab"));
        List<String> changelogs = new java.util.ArrayList<>(migrator.changelogs());
        changelogs.add("db/tenant-failing/changelog.yaml");
        TenantMigrator failing = new TenantMigrator(dataSource, registry, changelogs);
        TenantOnboarding withBrokenChangelog = new TenantOnboarding(registry, failing, realms, modules, jdbc);
        NewTenant request =
                new NewTenant(code, "Kabupaten Uji", TenantKind.KABUPATEN, null, "76.06", RegionTimeZone.WITA);

        assertThatThrownBy(() -> withBrokenChangelog.onboard(request))
                .isInstanceOf(OnboardingFailedException.class)
                .hasMessageContaining("a_table_that_does_not_exist");

        assertThat(rowExists(code)).isFalse();
        assertThat(schemaExists(code)).isFalse();
        assertThat(realms.realmExists(code)).isFalse();
        assertThat(onboarding.onboard(request).tenant().isActive()).isTrue();
        assertThat(realms.realmExists(code)).isTrue();
    }

    @Test
    void twoConcurrentCreatesOfOneCodeMakeOneTenant() throws Exception {
        String code = removeAfter(TestRealms.unique("race"));
        NewTenant request = new NewTenant(code, "Kota Balapan", TenantKind.KOTA, null, "76.01", RegionTimeZone.WITA);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        var start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<Onboarded>> attempts = new java.util.ArrayList<>();
        for (int i = 0; i < 2; i++) {
            attempts.add(pool.submit(() -> {
                start.await();
                return onboarding.onboard(request);
            }));
        }
        start.countDown();
        int made = 0;
        int refused = 0;
        for (var attempt : attempts) {
            try {
                attempt.get();
                made++;
            } catch (java.util.concurrent.ExecutionException e) {
                assertThat(e.getCause()).hasMessageContaining("already exists");
                refused++;
            }
        }
        pool.shutdown();

        assertThat(made).isEqualTo(1);
        assertThat(refused).isEqualTo(1);
        assertThat(registry.find(id.fleksi.platform.tenancy.TenantCode.of(code))
                        .orElseThrow()
                        .isActive())
                .isTrue();
        assertThat(realms.realmExists(code)).isTrue();
        assertThat(schemaExists(code)).isTrue();
    }

    private int tenantsCountedBySchema() {
        return jdbc.sql("select count(*) from platform.tenant")
                .query(Integer.class)
                .single();
    }

    private ResponseEntity<Map> post(Map<String, ?> body) {
        return api(operatorToken())
                .post()
                .uri("/api/v1/platform/tenants")
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve()
                .toEntity(Map.class);
    }

    private static Map<String, Object> body(String code, String parent) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of(
                "code", code, "name", "Kabupaten Uji", "kind", "KABUPATEN", "regionCode", "76.06", "timeZone", "WITA"));
        if (parent != null) {
            body.put("parent", parent);
        }
        return body;
    }
}
