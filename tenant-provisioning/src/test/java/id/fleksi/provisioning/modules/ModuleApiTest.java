package id.fleksi.provisioning.modules;

import static org.assertj.core.api.Assertions.assertThat;

import id.fleksi.platform.security.Role;
import id.fleksi.provisioning.testing.ProvisioningIntegrationTest;
import id.fleksi.provisioning.testing.TestRealms;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/** A tenant admin switches a module over the API; the module's API follows, its data stays. */
class ModuleApiTest extends ProvisioningIntegrationTest {

    @Test
    void aModulesApiIs404WhileOffAndItsDataIsIntactWhenSwitchedOnAgain() {
        String code = tenantWithUsers();
        RestClient admin = api(TestRealms.token(code, "boss"));
        RestClient asn = api(TestRealms.token(code, "siti"));

        ResponseEntity<Map> off =
                asn.get().uri("/api/v1/t/" + code + "/notes").retrieve().toEntity(Map.class);
        assertThat(off.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat((String) off.getBody().get("detail")).contains("switched off for tenant '" + code + "'");

        assertThat(put(admin, code, "notes", Map.of("enabled", true)).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        asn.post()
                .uri("/api/v1/t/" + code + "/notes")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("text", "laporan sudah dikirim"))
                .retrieve()
                .toBodilessEntity();
        put(admin, code, "notes", Map.of("enabled", false));
        assertThat(asn.get()
                        .uri("/api/v1/t/" + code + "/notes")
                        .retrieve()
                        .toEntity(Map.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        put(admin, code, "notes", Map.of("enabled", true));

        assertThat(asn.get()
                        .uri("/api/v1/t/" + code + "/notes")
                        .retrieve()
                        .toEntity(List.class)
                        .getBody())
                .containsExactly("laporan sudah dikirim");
        List<Map<String, Object>> audit = admin.get()
                .uri("/api/v1/t/" + code + "/audit-events")
                .retrieve()
                .body(List.class);
        assertThat(audit)
                .extracting(e -> e.get("action"))
                .containsExactly("module.enable", "module.disable", "module.enable");
        assertThat(audit).extracting(e -> e.get("actor")).containsOnly("boss");
    }

    @Test
    void theModuleListShowsStateDependenciesAndSettingsInTheCallersLanguage() {
        String code = tenantWithUsers();

        List<Map<String, Object>> modules = api(TestRealms.token(code, "boss"))
                .get()
                .uri("/api/v1/t/" + code + "/modules")
                .header("Accept-Language", "en")
                .retrieve()
                .body(List.class);

        Map<String, Object> reminders = modules.stream()
                .filter(m -> m.get("id").equals("reminders"))
                .findFirst()
                .orElseThrow();
        assertThat(reminders)
                .containsEntry("enabled", false)
                .containsEntry("name", "Reminders")
                .containsEntry("dependsOn", List.of("notes"));
        Map<String, Object> notes = modules.stream()
                .filter(m -> m.get("id").equals("notes"))
                .findFirst()
                .orElseThrow();
        assertThat((Map<String, Object>) notes.get("settings")).containsEntry("maxLength", 280);
    }

    @Test
    void refusalsAreProblemsNamingWhatIsWrong() {
        String code = tenantWithUsers();
        RestClient admin = api(TestRealms.token(code, "boss"));

        ResponseEntity<Map> unknown = put(admin, code, "ghost", Map.of("enabled", true));
        ResponseEntity<Map> needsNotes = put(admin, code, "reminders", Map.of("enabled", true));
        ResponseEntity<Map> badSettings = put(admin, code, "notes", Map.of("settings", Map.of("maxLength", 5000)));
        ResponseEntity<Map> notAdmin = put(api(TestRealms.token(code, "siti")), code, "notes", Map.of("enabled", true));

        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(needsNotes.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat((List<String>) needsNotes.getBody().get("missing")).containsExactly("notes");
        assertThat(badSettings.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((List<Map<String, String>>) badSettings.getBody().get("errors"))
                .containsExactly(Map.of("field", "settings.maxLength", "message", "must be between 10 and 1000"));
        // This test's application reads no message bundles: the English, which names the API's field. (The Indonesian,
        // which
        // names the setting by its label, is ModuleSettingsPageTest's.)
        assertThat((String) badSettings.getBody().get("detail"))
                .isEqualTo("settings.maxLength must be between 10 and 1000. Nothing" + " was changed.");
        assertThat(notAdmin.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        List<Map<String, Object>> audit = admin.get()
                .uri("/api/v1/t/" + code + "/audit-events")
                .retrieve()
                .body(List.class);
        assertThat(audit).isEmpty();
    }

    @Test
    void thePlatformOperatorWithholdsAModuleFromATenantAndSetsWhatNewTenantsGet() {
        String code = tenantWithUsers();
        RestClient operator = api(operatorToken());
        ResponseEntity<Map> withheld = operator.put()
                .uri("/api/v1/platform/tenants/" + code + "/modules/notes")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("allowed", false))
                .retrieve()
                .toEntity(Map.class);
        assertThat(withheld.getBody()).containsEntry("allowed", false);
        ResponseEntity<Map> refused = put(api(TestRealms.token(code, "boss")), code, "notes", Map.of("enabled", true));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat((String) refused.getBody().get("detail")).contains("has not made module 'notes' available");

        operator.put()
                .uri("/api/v1/platform/modules/notes")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("allowed", true, "enabledForNewTenants", true))
                .retrieve()
                .toBodilessEntity();
        try {
            String fresh = tenantWithUsers();
            List<Map<String, Object>> modules = api(TestRealms.token(fresh, "boss"))
                    .get()
                    .uri("/api/v1/t/" + fresh + "/modules")
                    .retrieve()
                    .body(List.class);
            assertThat(modules)
                    .filteredOn(m -> m.get("id").equals("notes"))
                    .extracting(m -> m.get("enabled"))
                    .containsExactly(true);
            assertThat(modules)
                    .filteredOn(m -> m.get("id").equals("reminders"))
                    .extracting(m -> m.get("enabled"))
                    .containsExactly(false);
        } finally {
            jdbc.sql("delete from platform.module_availability where module_id = 'notes'")
                    .update();
        }
    }

    private String tenantWithUsers() {
        String code = removeAfter(TestRealms.unique("mod"));
        ResponseEntity<Map> created = api(operatorToken())
                .post()
                .uri("/api/v1/platform/tenants")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of(
                        "code",
                        code,
                        "name",
                        "Tenant " + code,
                        "kind",
                        "KOTA",
                        "regionCode",
                        "76.01",
                        "timeZone",
                        "WITA"))
                .retrieve()
                .toEntity(Map.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        TestRealms.addTestClient(code, "fleksi-api");
        TestRealms.addUser(realmUsers, code, "boss", Role.TENANT_ADMIN);
        TestRealms.addUser(realmUsers, code, "siti", Role.ASN);
        return code;
    }

    private static ResponseEntity<Map> put(RestClient client, String code, String module, Map<String, Object> body) {
        return client.put()
                .uri("/api/v1/t/" + code + "/modules/" + module)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve()
                .toEntity(Map.class);
    }
}
