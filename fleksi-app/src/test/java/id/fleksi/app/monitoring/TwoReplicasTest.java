package id.fleksi.app.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import id.fleksi.FleksiApplication;
import id.fleksi.app.testing.AppIntegrationTest;
import id.fleksi.modules.monitoring.LiveView;
import id.fleksi.platform.calendar.WorkingCalendar;
import id.fleksi.platform.modules.ModuleSwitches;
import id.fleksi.platform.organisation.Employee;
import id.fleksi.platform.organisation.EmployeeStatus;
import id.fleksi.platform.organisation.Employees;
import id.fleksi.platform.organisation.EmploymentType;
import id.fleksi.platform.organisation.NewEmployee;
import id.fleksi.platform.organisation.Offices;
import id.fleksi.platform.organisation.OrgUnit;
import id.fleksi.platform.organisation.OrgUnitRepository;
import id.fleksi.platform.organisation.UnitKind;
import id.fleksi.platform.security.Caller;
import id.fleksi.platform.security.Role;
import id.fleksi.platform.tenancy.RegionTimeZone;
import id.fleksi.platform.tenancy.TenantCode;
import id.fleksi.platform.tenancy.TenantContext;
import id.fleksi.platform.tenancy.TenantKind;
import id.fleksi.provisioning.onboarding.NewTenant;
import id.fleksi.provisioning.onboarding.TenantOnboarding;
import id.fleksi.provisioning.realm.RealmProvisioner;
import id.fleksi.provisioning.realm.RealmUsers;
import id.fleksi.provisioning.testing.TestRealms;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

/**
 * Two replicas of Fleksi on one database, as a province runs them behind its load balancer: a check-in taken by one
 * shows in the other's live view, and a confirmation at the apel sent to one shows in the other's ranking.
 */
class TwoReplicasTest extends AppIntegrationTest {

    static final String NIP = "199203142018012002";

    @Autowired
    TenantOnboarding onboarding;

    @Autowired
    RealmProvisioner realms;

    @Autowired
    RealmUsers realmUsers;

    @Autowired
    Employees employees;

    @Autowired
    OrgUnitRepository units;

    @Autowired
    Offices offices;

    @Autowired
    ModuleSwitches switches;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    WorkingCalendar calendar;

    @Autowired
    Environment environment;

    @LocalServerPort
    int port;

    String code = TestRealms.unique("replika");
    ConfigurableApplicationContext replica;

    @AfterEach
    void remove() {
        if (replica != null) {
            replica.close();
        }
        TestRealms.removeTenant(realms, jdbc, code);
    }

    @Test
    void aCheckInAndAnApelConfirmationTakenByOneReplicaShowOnTheOther() throws InterruptedException {
        ZonedDateTime now = ZonedDateTime.now(ZoneId.of("Asia/Makassar"));
        // An apel that began 5 minutes ago, its window up to an hour but not past midnight: only the ten minutes around
        // midnight are left out.
        LocalTime starts = now.toLocalTime().minusMinutes(5).withSecond(0).withNano(0);
        int window = (int) Math.min(
                60, java.time.Duration.between(starts, LocalTime.of(23, 59)).toMinutes());
        Assumptions.assumeTrue(
                now.toLocalTime().isAfter(LocalTime.of(0, 5)) && window >= 10,
                "an apel's window that does not cross midnight");
        onboarding.onboard(
                new NewTenant(code, "Kabupaten Replika", TenantKind.KABUPATEN, null, "76.06", RegionTimeZone.WITA));
        // It checks in at the hour the test runs: the day open, not the new tenant's 06:00-12:00 and 14:00-18:00.
        switches.change(
                TenantCode.of(code),
                "attendance",
                null,
                Map.of("checkInWindow", "00:00-23:59", "checkOutWindow", "00:00-23:59"),
                "test");
        TenantContext.runAs(TenantCode.of(code), () -> {
            OrgUnit unit = units.save(new OrgUnit(null, "DISKOMINFO", "Diskominfo", UnitKind.DINAS));
            offices.add(new Offices.NewOffice("Kantor", null, -1.7356, 119.5461, 5000, List.of(unit.id())), "test");
            employees.create(pns(NIP, "Rina", unit.id()), "test");
        });
        realmUsers.setPassword(code, NIP, TestRealms.PASSWORD, false);
        TestRealms.addTestClient(code, "fleksi-api");
        TestRealms.addUser(realmUsers, code, "boss", Role.TENANT_ADMIN);
        replica = startReplica();
        RestClient a = RestClient.create("http://127.0.0.1:" + port);
        RestClient b =
                RestClient.create("http://127.0.0.1:" + replica.getEnvironment().getProperty("local.server.port"));
        String boss = "Bearer " + TestRealms.token(code, "boss");
        String rina = "Bearer " + TestRealms.token(code, NIP);

        // An employee added, then retired, here: who is expected changes at the next call (on a day off nobody is).
        TenantCode tenant = TenantCode.of(code);
        LocalDate today = LocalDate.from(now);
        UUID unit = TenantContext.callAs(tenant, () -> units.findAll().get(0).id());
        int one = TenantContext.callAs(tenant, () -> calendar.of(unit, today).isWorking()) ? 1 : 0;
        int before = expected(a, boss);
        Employee sari = TenantContext.callAs(
                tenant,
                () -> employees
                        .create(pns("199505052020122003", "Sari", unit), "test")
                        .employee());
        assertThat(expected(a, boss)).as("an employee added").isEqualTo(before + one);
        TenantContext.runAs(
                tenant,
                () -> employees.setStatus(
                        sari.id(),
                        EmployeeStatus.RETIRED,
                        new Caller(tenant.realmName(), "boss", "boss", Set.of(Role.TENANT_ADMIN.realmRole()))));
        assertThat(expected(a, boss)).as("an employee retired").isEqualTo(before);

        assertThat(checkedIn(b, boss)).isZero();
        a.post()
                .uri("/api/v1/t/" + code + "/attendance/check-ins")
                .header("Authorization", rina)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of(
                        "kind",
                        "IN",
                        "latitude",
                        -1.7357,
                        "longitude",
                        119.5462,
                        "accuracy",
                        12,
                        "clientRequestId",
                        "press-" + UUID.randomUUID()))
                .retrieve()
                .toBodilessEntity();
        assertThat(checkedIn(a, boss))
                .as("the live view of the replica that took it, at once")
                .isEqualTo(1);
        // The other replica serves the day as it counted it for up to the live interval, then counts again.
        long asked = System.nanoTime();
        int seen = checkedIn(b, boss);
        while (seen == 0
                && System.nanoTime() - asked < LiveView.INTERVAL.multipliedBy(2).toNanos()) {
            Thread.sleep(100);
            seen = checkedIn(b, boss);
        }
        assertThat(seen)
                .as("the other replica's live view, within the interval")
                .isEqualTo(1);

        Map<?, ?> apel = a.post()
                .uri("/api/v1/t/" + code + "/monitoring/apels")
                .header("Authorization", boss)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of(
                        "title",
                        "Apel siang",
                        "date",
                        LocalDate.from(now).toString(),
                        "startsAt",
                        starts.toString(),
                        "windowMinutes",
                        window))
                .retrieve()
                .body(Map.class);
        String apelId = (String) apel.get("id");
        b.post()
                .uri("/api/v1/t/" + code + "/monitoring/apels/" + apelId + "/confirm")
                .header("Authorization", rina)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("latitude", -1.7357, "longitude", 119.5462, "accuracy", 12))
                .retrieve()
                .toBodilessEntity();
        for (RestClient replicaSeen : List.of(a, b)) {
            Map<?, ?> ranking = replicaSeen
                    .get()
                    .uri("/api/v1/t/" + code + "/monitoring/apels/" + apelId + "/ranking")
                    .header("Authorization", boss)
                    .retrieve()
                    .body(Map.class);
            assertThat(ranking.get("confirmed")).isEqualTo(1);
        }
    }

    /** A PNS of the unit, with nothing but a NIP and a name. */
    private static NewEmployee pns(String nip, String name, UUID unit) {
        return new NewEmployee(
                nip,
                null,
                null,
                name,
                EmploymentType.PNS,
                null,
                null,
                unit,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    private int expected(RestClient replicaSeen, String token) {
        return total(replicaSeen, token, "expected");
    }

    private int checkedIn(RestClient replicaSeen, String token) {
        return total(replicaSeen, token, "checkedIn");
    }

    /** One count of the whole pemda's day, as the tenant admin reads it from the replica. */
    private int total(RestClient replicaSeen, String token, String count) {
        @SuppressWarnings("unchecked")
        Map<String, Object> view = replicaSeen
                .get()
                .uri("/api/v1/t/" + code + "/monitoring/today")
                .header("Authorization", token)
                .retrieve()
                .body(Map.class);
        assertThat(view).doesNotContainKey("people"); // the tenant admin sees counts only
        return (Integer) ((Map<?, ?>) view.get("total")).get(count);
    }

    /** The same application on the same database and Keycloak, on a port of its own. */
    private ConfigurableApplicationContext startReplica() {
        String[] shared = Stream.of(
                        "spring.datasource.url",
                        "spring.datasource.username",
                        "spring.datasource.password",
                        "fleksi.identity.keycloak-url",
                        "fleksi.keycloak-admin.url",
                        "fleksi.keycloak-admin.username",
                        "fleksi.keycloak-admin.password",
                        "fleksi.keycloak-database.url",
                        "fleksi.keycloak-database.username",
                        "fleksi.keycloak-database.password")
                .filter(key -> environment.getProperty(key) != null)
                .map(key -> "--" + key + "=" + environment.getProperty(key))
                .toArray(String[]::new);
        String[] own = {
            "--server.port=0",
            "--server.address=127.0.0.1",
            "--fleksi.jobs.enabled=false",
            "--fleksi.rate-limit.enabled=false"
        };
        return new SpringApplicationBuilder(FleksiApplication.class)
                .run(Stream.concat(Stream.of(shared), Stream.of(own)).toArray(String[]::new));
    }
}
