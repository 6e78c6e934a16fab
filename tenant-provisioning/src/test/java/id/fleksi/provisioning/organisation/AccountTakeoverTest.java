package id.fleksi.provisioning.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import id.fleksi.platform.organisation.EmployeeImport;
import id.fleksi.platform.organisation.Spreadsheet;
import id.fleksi.platform.security.Role;
import id.fleksi.platform.tenancy.RegionTimeZone;
import id.fleksi.platform.tenancy.TenantCode;
import id.fleksi.platform.tenancy.TenantContext;
import id.fleksi.platform.tenancy.TenantKind;
import id.fleksi.provisioning.onboarding.NewTenant;
import id.fleksi.provisioning.onboarding.TenantOnboarding;
import id.fleksi.provisioning.testing.ProvisioningIntegrationTest;
import id.fleksi.provisioning.testing.TestRealms;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.UserRepresentation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/**
 * An employee record never becomes a way into an account it did not make: an import naming a username the realm
 * already has is refused, a one-time password or a retirement never reaches an account above the caller's role, a
 * supervisor chain never loops, and a retired employee's token stops working at once.
 */
class AccountTakeoverTest extends ProvisioningIntegrationTest {

    @Autowired
    TenantOnboarding onboarding;

    @Autowired
    EmployeeImport employeeImport;

    @Test
    void anImportNamingTheTenantAdminsUsernameIsRefusedAndTheAdminsAccountIsUntouched() {
        TenantCode tenant = tenantWithUnit();
        UserRepresentation adminBefore = user(tenant, TenantOnboarding.FIRST_ADMIN);

        EmployeeImport.Report report = importCsv(tenant, """
                name,employment_type,unit_code,username
                Siti Aparatur,NON_ASN,DISKOMINFO,siti.aparatur
                X,NON_ASN,DISKOMINFO,admin
                """);

        assertThat(report.imported()).isFalse();
        assertThat(report.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.row()).isEqualTo(3);
            assertThat(problem.column()).isEqualTo("username");
            assertThat(problem.reason())
                    .isEqualTo("the username admin already belongs to another account of this tenant"
                            + " (not an employee's); Fleksi never takes over an existing account");
        });
        assertThat(employeeCount(tenant)).isZero();
        assertThat(realm(tenant).users().searchByUsername("siti.aparatur", true))
                .as("the other row's new user is removed")
                .isEmpty();
        UserRepresentation adminAfter = user(tenant, TenantOnboarding.FIRST_ADMIN);
        assertThat(adminAfter.getId()).isEqualTo(adminBefore.getId());
        assertThat(adminAfter.isEnabled()).isTrue();
        assertThat(realm(tenant)
                        .users()
                        .get(adminAfter.getId())
                        .roles()
                        .realmLevel()
                        .listEffective())
                .extracting(r -> r.getName())
                .contains(Role.TENANT_ADMIN.realmRole());
    }

    @Test
    void anUnusedAccountLeftByAnInterruptedImportIsLinkedButOneWithAPasswordIsNot() {
        TenantCode tenant = tenantWithUnit();
        String orphan = createUser(tenant, "left.behind", null); // no credential, no role but the defaults
        createUser(tenant, "has.password", "s3cret-passw0rd");

        EmployeeImport.Report refused = importCsv(tenant, """
                name,employment_type,unit_code,username
                Left Behind,NON_ASN,DISKOMINFO,left.behind
                Has Password,NON_ASN,DISKOMINFO,has.password
                """);
        assertThat(refused.problems())
                .extracting(EmployeeImport.RowProblem::row)
                .containsExactly(3);
        assertThat(employeeCount(tenant)).isZero();

        EmployeeImport.Report linked = importCsv(tenant, """
                name,employment_type,unit_code,username
                Left Behind,NON_ASN,DISKOMINFO,left.behind
                """);
        assertThat(linked.created()).isEqualTo(1);
        assertThat(jdbc.sql("select realm_user_id from " + tenant.schemaName()
                                + ".employee where username = 'left.behind'")
                        .query(String.class)
                        .single())
                .isEqualTo(orphan);
    }

    @Test
    void bkdCannotResetThePasswordOfNorRetireAnEmployeeWhoIsATenantAdminButATenantAdminCan() {
        TenantCode tenant = tenantWithUnit();
        TestRealms.addTestClient(tenant.realmName(), "fleksi-api");
        TestRealms.addUser(realmUsers, tenant.realmName(), "bkd", Role.BKD);
        TestRealms.addUser(realmUsers, tenant.realmName(), "tenant.admin", Role.TENANT_ADMIN);
        RestClient bkd = api(TestRealms.token(tenant.realmName(), "bkd"));
        String unitId = unitId(tenant);
        Map<String, Object> nur = employeeOf(bkd.post()
                .uri("/api/v1/t/" + tenant + "/employees")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("username", "nur.admin", "name", "Nur", "employmentType", "NON_ASN", "unitId", unitId))
                .retrieve()
                .toEntity(Map.class));
        String realmUserId = user(tenant, "nur.admin").getId();
        realm(tenant)
                .users()
                .get(realmUserId)
                .roles()
                .realmLevel()
                .add(List.of(
                        realm(tenant).roles().get(Role.TENANT_ADMIN.realmRole()).toRepresentation()));
        Long passwordSet =
                realm(tenant).users().get(realmUserId).credentials().get(0).getCreatedDate();

        ResponseEntity<Map> reset = bkd.post()
                .uri("/api/v1/t/" + tenant + "/employees/" + nur.get("id") + "/one-time-password")
                .retrieve()
                .toEntity(Map.class);
        assertThat(reset.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(reset.getBody())
                .containsEntry("type", "urn:fleksi:problem:account-above-yours")
                .doesNotContainKey("oneTimePassword");
        ResponseEntity<Map> retire = bkd.post()
                .uri("/api/v1/t/" + tenant + "/employees/" + nur.get("id") + "/status")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("status", "RETIRED"))
                .retrieve()
                .toEntity(Map.class);
        assertThat(retire.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(user(tenant, "nur.admin").isEnabled()).isTrue();
        assertThat(jdbc.sql("select status from " + tenant.schemaName() + ".employee where username = 'nur.admin'")
                        .query(String.class)
                        .single())
                .isEqualTo("ACTIVE");
        assertThat(realm(tenant).users().get(realmUserId).credentials())
                .as("the password is the one set at creation")
                .singleElement()
                .satisfies(c -> assertThat(c.getCreatedDate()).isEqualTo(passwordSet));

        ResponseEntity<Map> byTenantAdmin = api(TestRealms.token(tenant.realmName(), "tenant.admin"))
                .post()
                .uri("/api/v1/t/" + tenant + "/employees/" + nur.get("id") + "/one-time-password")
                .retrieve()
                .toEntity(Map.class);
        assertThat(byTenantAdmin.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat((String) byTenantAdmin.getBody().get("oneTimePassword")).hasSize(14);
    }

    @Test
    void whatKeycloakRefusesForGoodIsAClientErrorNotTryAgainLater() {
        TenantCode tenant = tenantWithUnit();
        TestRealms.addTestClient(tenant.realmName(), "fleksi-api");
        TestRealms.addUser(realmUsers, tenant.realmName(), "bkd", Role.BKD);
        RestClient bkd = api(TestRealms.token(tenant.realmName(), "bkd"));
        String unitId = unitId(tenant);

        ResponseEntity<Map> taken = bkd.post()
                .uri("/api/v1/t/" + tenant + "/employees")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("username", "admin", "name", "Nur", "employmentType", "NON_ASN", "unitId", unitId))
                .retrieve()
                .toEntity(Map.class);
        assertThat(taken.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(taken.getBody()).containsEntry("type", "urn:fleksi:problem:username-taken");
        assertThat(taken.getHeaders().getFirst("Retry-After")).isNull();

        ResponseEntity<Map> markup = bkd.post()
                .uri("/api/v1/t/" + tenant + "/employees")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of(
                        "username", "budi.markup", "name", "Budi <b>", "employmentType", "NON_ASN", "unitId", unitId))
                .retrieve()
                .toEntity(Map.class);
        assertThat(markup.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(markup.getBody()).containsEntry("type", "urn:fleksi:problem:identity-refused");
        assertThat(employeeCount(tenant)).isZero();
    }

    @Test
    void aSupervisorIsNeverTheEmployeeThemselfNorAnyoneBelowThem() {
        TenantCode tenant = tenantWithUnit();
        TestRealms.addTestClient(tenant.realmName(), "fleksi-api");
        TestRealms.addUser(realmUsers, tenant.realmName(), "bkd", Role.BKD);
        RestClient bkd = api(TestRealms.token(tenant.realmName(), "bkd"));
        String unitId = unitId(tenant);
        Map<String, Object> andi = create(bkd, tenant, "andi.atasan", "Andi", unitId, null);
        Map<String, Object> siti = create(bkd, tenant, "siti.aparatur", "Siti", unitId, (String) andi.get("id"));
        Map<String, Object> rina = create(bkd, tenant, "rina.aparatur", "Rina", unitId, (String) siti.get("id"));

        ResponseEntity<Map> self = update(bkd, tenant, siti, (String) siti.get("id"));
        assertThat(self.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(self.getBody().get("detail"))
                .isEqualTo("supervisorId: an employee cannot be their own supervisor. Nothing was changed.");

        ResponseEntity<Map> loop = update(bkd, tenant, andi, (String) rina.get("id"));
        assertThat(loop.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(loop.getBody().get("detail"))
                .isEqualTo("supervisorId: the chain of supervisors would loop back:"
                        + " Andi > Rina > Siti > Andi. Nothing was changed.");
        assertThat(jdbc.sql("select count(*) from " + tenant.schemaName() + ".employee where supervisor_id is null")
                        .query(Integer.class)
                        .single())
                .as("Andi still heads the chain")
                .isEqualTo(1);

        assertThat(update(bkd, tenant, rina, (String) andi.get("id")).getStatusCode())
                .as("a move up the chain is fine")
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void aRetiredEmployeesTokenIsRefusedAtOnceAndTheirKeycloakSessionsEnd() {
        TenantCode tenant = tenantWithUnit();
        TestRealms.addTestClient(tenant.realmName(), "fleksi-api");
        TestRealms.addUser(realmUsers, tenant.realmName(), "bkd", Role.BKD);
        RestClient bkd = api(TestRealms.token(tenant.realmName(), "bkd"));
        String unitId = unitId(tenant);
        Map<String, Object> siti = create(bkd, tenant, "siti.aparatur", "Siti", unitId, null);
        String calendar = "/api/v1/t/" + tenant + "/calendar?unitId=" + unitId + "&from=2026-01-05&to=2026-01-09";
        realmUsers.setPassword(tenant.realmName(), "siti.aparatur", TestRealms.PASSWORD, false);
        RestClient sitiApi = api(TestRealms.token(tenant.realmName(), "siti.aparatur"));
        assertThat(sitiApi.get().uri(calendar).retrieve().toEntity(String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(realm(tenant)
                        .users()
                        .get(user(tenant, "siti.aparatur").getId())
                        .getUserSessions())
                .isNotEmpty();

        bkd.post()
                .uri("/api/v1/t/" + tenant + "/employees/" + siti.get("id") + "/status")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("status", "RETIRED"))
                .retrieve()
                .toBodilessEntity();

        ResponseEntity<Map> after = sitiApi.get().uri(calendar).retrieve().toEntity(Map.class);
        assertThat(after.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(after.getBody()).containsEntry("type", "urn:fleksi:problem:account-retired");
        assertThat(realm(tenant)
                        .users()
                        .get(user(tenant, "siti.aparatur").getId())
                        .getUserSessions())
                .isEmpty();
    }

    private TenantCode tenantWithUnit() {
        String code = removeAfter(TestRealms.unique("take"));
        onboarding.onboard(
                new NewTenant(code, "Kabupaten " + code, TenantKind.KABUPATEN, null, "76.06", RegionTimeZone.WITA));
        TenantCode tenant = TenantCode.of(code);
        jdbc.sql("insert into " + tenant.schemaName()
                        + ".org_unit (id, code, name, kind) values (gen_random_uuid(), 'DISKOMINFO',"
                        + " 'Dinas Komunikasi dan Informatika', 'DINAS')")
                .update();
        return tenant;
    }

    private String unitId(TenantCode tenant) {
        return jdbc.sql("select id::text from " + tenant.schemaName() + ".org_unit where code = 'DISKOMINFO'")
                .query(String.class)
                .single();
    }

    private EmployeeImport.Report importCsv(TenantCode tenant, String csv) {
        return TenantContext.callAs(tenant, () -> employeeImport.importEmployees(sheet(csv), "bkd", line -> {}));
    }

    private static Spreadsheet sheet(String csv) {
        try {
            return Spreadsheet.read(
                    new java.io.ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "employees.csv");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Map<String, Object> create(
            RestClient bkd, TenantCode tenant, String username, String name, String unitId, String supervisorId) {
        Map<String, Object> body = new java.util.HashMap<>(
                Map.of("username", username, "name", name, "employmentType", "NON_ASN", "unitId", unitId));
        if (supervisorId != null) {
            body.put("supervisorId", supervisorId);
        }
        return employeeOf(bkd.post()
                .uri("/api/v1/t/" + tenant + "/employees")
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve()
                .toEntity(Map.class));
    }

    private ResponseEntity<Map> update(
            RestClient bkd, TenantCode tenant, Map<String, Object> employee, String supervisorId) {
        return bkd.put()
                .uri("/api/v1/t/" + tenant + "/employees/" + employee.get("id"))
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of(
                        "username",
                        employee.get("username"),
                        "name",
                        employee.get("name"),
                        "employmentType",
                        "NON_ASN",
                        "unitId",
                        employee.get("unitId"),
                        "supervisorId",
                        supervisorId))
                .retrieve()
                .toEntity(Map.class);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> employeeOf(ResponseEntity<Map> created) {
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return (Map<String, Object>) created.getBody().get("employee");
    }

    private String createUser(TenantCode tenant, String username, String password) {
        UserRepresentation user = new UserRepresentation();
        user.setUsername(username);
        user.setEnabled(true);
        if (password != null) {
            org.keycloak.representations.idm.CredentialRepresentation credential =
                    new org.keycloak.representations.idm.CredentialRepresentation();
            credential.setType("password");
            credential.setValue(password);
            user.setCredentials(List.of(credential));
        }
        try (Response response = realm(tenant).users().create(user)) {
            assertThat(response.getStatus()).isEqualTo(201);
        }
        return user(tenant, username).getId();
    }

    private int employeeCount(TenantCode tenant) {
        return jdbc.sql("select count(*) from " + tenant.schemaName() + ".employee")
                .query(Integer.class)
                .single();
    }

    private static RealmResource realm(TenantCode tenant) {
        return TestRealms.admin().realm(tenant.realmName());
    }

    private static UserRepresentation user(TenantCode tenant, String username) {
        return realm(tenant).users().searchByUsername(username, true).get(0);
    }
}
