package id.fleksi.provisioning.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.fleksi.platform.organisation.EmployeeStatus;
import id.fleksi.platform.organisation.Employees;
import id.fleksi.platform.organisation.EmploymentType;
import id.fleksi.platform.organisation.NewEmployee;
import id.fleksi.platform.organisation.OrgUnit;
import id.fleksi.platform.organisation.OrgUnitRepository;
import id.fleksi.platform.organisation.UnitKind;
import id.fleksi.platform.security.Role;
import id.fleksi.platform.tenancy.RegionTimeZone;
import id.fleksi.platform.tenancy.TenantCode;
import id.fleksi.platform.tenancy.TenantContext;
import id.fleksi.platform.tenancy.TenantKind;
import id.fleksi.provisioning.onboarding.NewTenant;
import id.fleksi.provisioning.onboarding.TenantOnboarding;
import id.fleksi.provisioning.testing.ProvisioningIntegrationTest;
import id.fleksi.provisioning.testing.TestRealms;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.UserRepresentation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Each employee is a realm user, and the two stay in step through create, rename, move and retire. */
class EmployeeRealmSyncTest extends ProvisioningIntegrationTest {

    static final String NIP = "198503122010012004";
    static final id.fleksi.platform.security.Caller BKD =
            new id.fleksi.platform.security.Caller("any", "bkd-subject", "bkd", java.util.Set.of(Role.BKD.realmRole()));

    @Autowired
    TenantOnboarding onboarding;

    @Autowired
    Employees employees;

    @Autowired
    OrgUnitRepository units;

    @Autowired
    id.fleksi.platform.calendar.WorkingCalendar calendar;

    @Test
    void anEmployeesRealmUserIsMadeRenamedAndDisabledWithThem() {
        TenantCode tenant = tenant();
        TenantContext.runAs(tenant, () -> {
            OrgUnit diskes = units.save(new OrgUnit(null, "DINKES", "Dinas Kesehatan", UnitKind.DINAS));
            OrgUnit puskesmas =
                    units.save(new OrgUnit(diskes.id(), "PKM-TOBADAK", "UPT Puskesmas Tobadak", UnitKind.UPT));

            Employees.Created created = employees.create(pns("Siti Rahmawati", diskes.id()), "bkd");
            assertThat(realmUser(tenant)).satisfies(user -> {
                assertThat(user.getFirstName()).isEqualTo("Siti Rahmawati");
                assertThat(user.isEnabled()).isTrue();
                assertThat(user.getRequiredActions()).containsExactly("UPDATE_PASSWORD");
            });
            assertThat(created.oneTimePassword()).hasSize(14);
            UUID id = created.employee().id();

            employees.update(id, pns("Siti Rahmawati, S.Kep.", puskesmas.id()), "bkd");
            assertThat(realmUser(tenant).getFirstName()).isEqualTo("Siti Rahmawati, S.Kep.");
            assertThat(employees.find(id).unitId()).isEqualTo(puskesmas.id());

            employees.setStatus(id, EmployeeStatus.RETIRED, BKD);
            assertThat(realmUser(tenant).isEnabled()).isFalse();
            employees.setStatus(id, EmployeeStatus.ACTIVE, BKD);
            assertThat(realmUser(tenant).isEnabled()).isTrue();
        });
    }

    @Test
    void aRealmUserIsNotLeftBehindWhenTheEmployeeCannotBeStored() {
        TenantCode tenant = tenant();
        TenantContext.runAs(tenant, () -> {
            OrgUnit unit = units.save(new OrgUnit(null, "BKPSDM", "BKPSDM", UnitKind.BADAN));
            employees.create(pns("Andi", unit.id()), "bkd");
            int users = TestRealms.admin().realm(tenant.realmName()).users().count();

            // Same NIP again: refused before Keycloak is touched.
            assertThatThrownBy(() -> employees.create(pns("Andi Lagi", unit.id()), "bkd"))
                    .hasMessageContaining("already exists");
            // A PPPK employee whose row the database refuses (position longer than its column): the realm user goes
            // too.
            NewEmployee tooLong = new NewEmployee(
                    null,
                    "202401010000000123",
                    null,
                    "Budi",
                    EmploymentType.PPPK,
                    "x".repeat(201),
                    null,
                    unit.id(),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null);
            assertThatThrownBy(() -> employees.create(tooLong, "bkd")).isInstanceOf(RuntimeException.class);

            assertThat(TestRealms.admin().realm(tenant.realmName()).users().count())
                    .isEqualTo(users);
            assertThat(TestRealms.admin()
                            .realm(tenant.realmName())
                            .users()
                            .searchByUsername("202401010000000123", true))
                    .isEmpty();
        });
    }

    @Test
    void theApiNamesEveryInvalidFieldAndOnlyBkdOrTheTenantAdminMayAddEmployees() {
        TenantCode tenant = tenant();
        TestRealms.addTestClient(tenant.realmName(), "fleksi-api");
        TestRealms.addUser(realmUsers, tenant.realmName(), "bkd", Role.BKD);
        TestRealms.addUser(realmUsers, tenant.realmName(), "siti", Role.ASN);
        var bkd = api(TestRealms.token(tenant.realmName(), "bkd"));
        ResponseEntity<Map> unit = bkd.post()
                .uri("/api/v1/t/" + tenant + "/units")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("code", "DISKOMINFO", "name", "Dinas Komunikasi dan Informatika", "kind", "DINAS"))
                .retrieve()
                .toEntity(Map.class);
        assertThat(unit.getStatusCode()).isEqualTo(HttpStatus.CREATED);

        ResponseEntity<Map> bad = bkd.post()
                .uri("/api/v1/t/" + tenant + "/employees")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of(
                        "nip",
                        "198502301010013004",
                        "name",
                        "X",
                        "employmentType",
                        "PNS",
                        "unitId",
                        UUID.randomUUID(),
                        "talentBox",
                        10))
                .retrieve()
                .toEntity(Map.class);
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((List<Map<String, String>>) bad.getBody().get("errors"))
                .extracting(e -> e.get("field"))
                .contains("talentBox");

        ResponseEntity<Map> badNip = bkd.post()
                .uri("/api/v1/t/" + tenant + "/employees")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of(
                        "nip",
                        "198502301010013004",
                        "name",
                        "X",
                        "employmentType",
                        "PNS",
                        "unitId",
                        unit.getBody().get("id")))
                .retrieve()
                .toEntity(Map.class);
        assertThat(badNip.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) badNip.getBody().get("detail")).contains("nip: digits 1-8 are not a real birth date");

        ResponseEntity<Map> good = bkd.post()
                .uri("/api/v1/t/" + tenant + "/employees")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of(
                        "nip",
                        NIP,
                        "name",
                        "Nur",
                        "employmentType",
                        "PNS",
                        "unitId",
                        unit.getBody().get("id")))
                .retrieve()
                .toEntity(Map.class);
        assertThat(good.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat((Map<String, Object>) good.getBody().get("employee")).containsEntry("username", NIP);

        String nurId = (String) ((Map<String, Object>) good.getBody().get("employee")).get("id");
        ResponseEntity<Map> head = bkd.put()
                .uri("/api/v1/t/" + tenant + "/units/" + unit.getBody().get("id") + "/head")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("employeeId", nurId))
                .retrieve()
                .toEntity(Map.class);
        assertThat(head.getBody()).containsEntry("headEmployeeId", nurId);
        var workingDay = TenantContext.callAs(
                tenant, () -> calendar.forEmployee(UUID.fromString(nurId), java.time.LocalDate.parse("2026-01-02")));
        assertThat(workingDay.hours().end()).isEqualTo(java.time.LocalTime.of(16, 30));

        ResponseEntity<Map> farAway = bkd.post()
                .uri("/api/v1/t/" + tenant + "/offices")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("name", "Kantor", "latitude", 50.0, "longitude", 119.5, "radiusMetres", 5))
                .retrieve()
                .toEntity(Map.class);
        assertThat(farAway.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((List<Map<String, String>>) farAway.getBody().get("errors"))
                .extracting(e -> e.get("field"))
                .containsExactlyInAnyOrder("latitude", "radiusMetres");
        ResponseEntity<Map> office = bkd.post()
                .uri("/api/v1/t/" + tenant + "/offices")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of(
                        "name",
                        "Kantor Diskominfo",
                        "latitude",
                        -1.7356,
                        "longitude",
                        119.5461,
                        "radiusMetres",
                        100,
                        "unitIds",
                        List.of(unit.getBody().get("id"))))
                .retrieve()
                .toEntity(Map.class);
        assertThat(office.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        List<Map<String, Object>> offices =
                bkd.get().uri("/api/v1/t/" + tenant + "/offices").retrieve().body(List.class);
        assertThat(offices)
                .singleElement()
                .satisfies(o -> assertThat((List<String>) o.get("unitIds"))
                        .containsExactly((String) unit.getBody().get("id")));

        ResponseEntity<Map> asAsn = api(TestRealms.token(tenant.realmName(), "siti"))
                .get()
                .uri("/api/v1/t/" + tenant + "/employees")
                .retrieve()
                .toEntity(Map.class);
        assertThat(asAsn.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    private TenantCode tenant() {
        String code = removeAfter(TestRealms.unique("org"));
        onboarding.onboard(
                new NewTenant(code, "Kabupaten " + code, TenantKind.KABUPATEN, null, "76.06", RegionTimeZone.WITA));
        return TenantCode.of(code);
    }

    private static NewEmployee pns(String name, UUID unit) {
        return new NewEmployee(
                NIP,
                null,
                null,
                name,
                EmploymentType.PNS,
                "Perawat",
                "III/b",
                unit,
                null,
                5,
                true,
                true,
                true,
                null,
                null,
                null);
    }

    private static UserRepresentation realmUser(TenantCode tenant) {
        return TestRealms.admin()
                .realm(tenant.realmName())
                .users()
                .searchByUsername(NIP, true)
                .get(0);
    }
}
