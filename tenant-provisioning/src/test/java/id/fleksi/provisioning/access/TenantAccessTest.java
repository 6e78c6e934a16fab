package id.fleksi.provisioning.access;

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

/** Who may reach which tenant's API, through real tokens of real realms. */
class TenantAccessTest extends ProvisioningIntegrationTest {

    @Test
    void aTokenOfOneTenantIsRefusedOnTheOthersApiBothWays() {
        String a = onboardWithUser("asn", Role.ASN);
        String b = onboardWithUser("asn", Role.ASN);
        String tokenA = TestRealms.token(a, "asn");
        String tokenB = TestRealms.token(b, "asn");

        ResponseEntity<Map> me = get(tokenA, "/api/v1/t/" + a + "/me");
        assertThat(me.getStatusCode()).isEqualTo(HttpStatus.OK);
        ResponseEntity<Map> usersAsAsn = get(tokenA, "/api/v1/t/" + a + "/users");
        assertThat(usersAsAsn.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat((String) usersAsAsn.getBody().get("detail")).contains("does not have the role");
        assertThat(me.getBody()).containsEntry("tenant", a).containsEntry("username", "asn");
        assertThat((List<String>) me.getBody().get("roles")).containsExactly("asn");

        ResponseEntity<Map> aOnB = get(tokenA, "/api/v1/t/" + b + "/me");
        ResponseEntity<Map> bOnA = get(tokenB, "/api/v1/t/" + a + "/me");
        assertThat(aOnB.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(bOnA.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(aOnB.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .isTrue();
        assertThat((String) aOnB.getBody().get("detail"))
                .contains("belongs to '" + a + "'", "cannot use tenant '" + b + "'");
        assertThat(jdbc.sql("select count(*) from tenant_" + b + ".app_user")
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void noTokenOrATokenFromAnUnregisteredRealmIs401() {
        String a = onboardWithUser("asn", Role.ASN);
        String stranger = removeRealmAfter(TestRealms.unique("stranger"));
        realms.createRealm(stranger, "Not a tenant", false, List.of());
        TestRealms.addTestClient(stranger, "fleksi-api");
        TestRealms.addUser(realmUsers, stranger, "asn", Role.ASN);

        ResponseEntity<Map> none = get(null, "/api/v1/t/" + a + "/me");
        ResponseEntity<Map> foreign = get(TestRealms.token(stranger, "asn"), "/api/v1/t/" + a + "/me");
        ResponseEntity<Map> garbage = get("not-a-jwt", "/api/v1/t/" + a + "/me");

        assertThat(none.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(none.getHeaders().getFirst("WWW-Authenticate")).startsWith("Bearer");
        assertThat((String) none.getBody().get("detail")).contains("Send a bearer token");
        assertThat(foreign.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat((String) foreign.getBody().get("detail")).contains("not issued by a realm of this Fleksi");
        assertThat(garbage.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void aTokenWithoutTheApiAudienceIs401() {
        String a = onboardWithUser("asn", Role.ASN);
        TestRealms.admin()
                .realm(a)
                .clients()
                .findByClientId("fleksi-test")
                .forEach(client -> TestRealms.admin()
                        .realm(a)
                        .clients()
                        .get(client.getId())
                        .remove());
        TestRealms.addTestClient(a, "some-other-api");

        assertThat(get(TestRealms.token(a, "asn"), "/api/v1/t/" + a + "/me").getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void aModulesRoleCountsButRolesARealmInventsDoNot() {
        String a = onboardWithUser("siti", Role.ASN);
        var realm = TestRealms.admin().realm(a);
        for (String invented : List.of("platform-operator", "super-admin")) {
            var role = new org.keycloak.representations.idm.RoleRepresentation();
            role.setName(invented);
            realm.roles().create(role);
        }
        String userId = realm.users().searchByUsername("siti", true).get(0).getId();
        realm.users()
                .get(userId)
                .roles()
                .realmLevel()
                .add(List.of(
                        realm.roles().get("notes-editor").toRepresentation(),
                        realm.roles().get("platform-operator").toRepresentation(),
                        realm.roles().get("super-admin").toRepresentation()));
        String token = TestRealms.token(a, "siti");

        assertThat((List<String>) get(token, "/api/v1/t/" + a + "/me").getBody().get("roles"))
                .containsExactly("asn", "notes-editor");
        assertThat(get(token, "/api/v1/platform/tenants").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void tenantRolesNeverReachThePlatformApi() {
        String a = onboardWithUser("boss", Role.TENANT_ADMIN);

        ResponseEntity<Map> response = get(TestRealms.token(a, "boss"), "/api/v1/platform/tenants");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .isTrue();
    }

    @Test
    void aSuspendedTenantIsRefusedUntilResumedAndAnArchivedOneStopsWorking() {
        String a = onboardWithUser("asn", Role.ASN);
        String token = TestRealms.token(a, "asn");
        assertThat(get(token, "/api/v1/t/" + a + "/me").getStatusCode()).isEqualTo(HttpStatus.OK);

        assertThat(platform("/api/v1/platform/tenants/" + a + "/suspend").getBody())
                .containsEntry("status", "SUSPENDED");
        ResponseEntity<Map> suspended = get(token, "/api/v1/t/" + a + "/me");
        assertThat(suspended.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat((String) suspended.getBody().get("detail")).contains("suspended", "data is kept");
        assertThat(jdbc.sql("select visits from tenant_" + a + ".app_user")
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);

        assertThat(platform("/api/v1/platform/tenants/" + a + "/resume").getBody())
                .containsEntry("status", "ACTIVE");
        assertThat(get(token, "/api/v1/t/" + a + "/me").getBody()).containsEntry("visits", 2);

        assertThat(platform("/api/v1/platform/tenants/" + a + "/archive").getBody())
                .containsEntry("status", "ARCHIVED");
        assertThat(get(token, "/api/v1/t/" + a + "/me").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(TestRealms.realm(a)).containsEntry("enabled", false);
        assertThat(jdbc.sql("select visits from tenant_" + a + ".app_user")
                        .query(Long.class)
                        .single())
                .isEqualTo(2L);
        ResponseEntity<Map> resumeArchived = platform("/api/v1/platform/tenants/" + a + "/resume");
        assertThat(resumeArchived.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void aVerifiedTokenIsKeptWholeSoNoAlteredCopyOfItPasses() {
        String a = onboardWithUser("asn", Role.ASN);
        String token = TestRealms.token(a, "asn");
        assertThat(get(token, "/api/v1/t/" + a + "/me").getStatusCode()).isEqualTo(HttpStatus.OK); // verified, and kept

        String[] parts = token.split("\\.");
        String otherSignature = parts[0] + "." + parts[1] + "." + flipped(parts[2]);
        String otherPayload = parts[0] + "." + flipped(parts[1]) + "." + parts[2];

        assertThat(get(otherSignature, "/api/v1/t/" + a + "/me").getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(get(otherPayload, "/api/v1/t/" + a + "/me").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(get(token, "/api/v1/t/" + a + "/me").getBody()).containsEntry("visits", 2);
    }

    /** The same Base64url text with one character in its middle changed. */
    private static String flipped(String part) {
        int at = part.length() / 2;
        return part.substring(0, at) + (part.charAt(at) == 'A' ? 'B' : 'A') + part.substring(at + 1);
    }

    @Test
    void aTenantWhoseSchemaIsBehindIsNotServed() {
        String a = onboardWithUser("asn", Role.ASN);
        String token = TestRealms.token(a, "asn");
        jdbc.sql("update platform.tenant set applied_change_sets = 0, migration_state = 'FAILED' where code = ?")
                .param(a)
                .update();

        ResponseEntity<Map> behind = get(token, "/api/v1/t/" + a + "/me");

        assertThat(behind.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat((String) behind.getBody().get("detail")).contains("not served until its database is upgraded");
        assertThat(jdbc.sql("select count(*) from tenant_" + a + ".app_user")
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void unknownTenantsAndBadCodesInThePathAre404Problems() {
        String a = onboardWithUser("asn", Role.ASN);
        String token = TestRealms.token(a, "asn");

        assertThat(get(token, "/api/v1/t/nosuchtenant/me").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get(token, "/api/v1/t/DROP/me").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(platform("/api/v1/platform/tenants/nosuchtenant/suspend").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void theOpenApiDocumentDescribesThePlatformAndTenantApis() {
        ResponseEntity<Map> doc = get(null, "/v3/api-docs");

        assertThat(doc.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat((Map<String, Object>) doc.getBody().get("paths"))
                .containsKeys(
                        "/api/v1/platform/tenants",
                        "/api/v1/platform/tenants/{code}/suspend",
                        "/api/v1/platform/tenants/{code}/resume",
                        "/api/v1/t/{code}/me");
    }

    /** Onboards a tenant through the API while Fleksi runs, with a test client and one user. */
    private String onboardWithUser(String username, Role role) {
        String code = removeAfter(TestRealms.unique("t"));
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
        TestRealms.addUser(realmUsers, code, username, role);
        return code;
    }

    private ResponseEntity<Map> get(String token, String path) {
        return api(token).get().uri(path).retrieve().toEntity(Map.class);
    }

    private ResponseEntity<Map> platform(String path) {
        return api(operatorToken()).post().uri(path).retrieve().toEntity(Map.class);
    }
}
