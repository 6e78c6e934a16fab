package id.fleksi.app.attendance;

import static org.assertj.core.api.Assertions.assertThat;

import id.fleksi.devstack.EmbeddedPostgres;
import id.fleksi.devstack.PostgresServer;
import id.fleksi.platform.modules.ModuleSwitches;
import id.fleksi.platform.security.Role;
import id.fleksi.platform.tenancy.RegionTimeZone;
import id.fleksi.platform.tenancy.TenantCode;
import id.fleksi.platform.tenancy.TenantKind;
import id.fleksi.platform.testing.TestKeycloak;
import id.fleksi.provisioning.onboarding.NewTenant;
import id.fleksi.provisioning.onboarding.TenantOnboarding;
import id.fleksi.provisioning.realm.RealmProvisioner;
import id.fleksi.provisioning.realm.RealmUser;
import id.fleksi.provisioning.realm.RealmUsers;
import id.fleksi.provisioning.testing.TestRealms;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * PostgreSQL restarts in the middle of a burst of check-ins. Each phone retries what got no answer or a 5xx,
 * with the same client request id, as the page's queue does. Afterwards: every request answered 2xx is stored,
 * nothing is stored twice, and nothing is stored that was not answered. The server here is a PostgreSQL of
 * the test's own (the embedded one Fleksi falls back to), so restarting it disturbs nothing else.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CheckInBurstAcrossDatabaseRestartTest {

    static final int PHONES = 16;
    static final int PRESSES_EACH = 12; // one check-in, then check-outs (each replaces the one before)
    static final EmbeddedPostgres POSTGRES = new EmbeddedPostgres(Path.of("target/restart-postgres"), freePort());
    static final PostgresServer DATABASE = database();

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", DATABASE::jdbcUrl);
        registry.add("spring.datasource.username", DATABASE::user);
        // Fail fast while the database is away, so the phone hears 5xx and retries rather than waits.
        registry.add("spring.datasource.hikari.connection-timeout", () -> "1500");
        TestKeycloak.register(registry);
    }

    @Autowired
    TenantOnboarding onboarding;

    @Autowired
    RealmProvisioner realms;

    @Autowired
    RealmUsers realmUsers;

    @Autowired
    ModuleSwitches switches;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    final String code = TestRealms.unique("pulih");
    final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @AfterEach
    void remove() {
        TestRealms.removeTenant(realms, jdbc, code);
    }

    @AfterAll
    static void stopPostgres() {
        POSTGRES.stop();
    }

    @Test
    void everyCheckInAnswered2xxIsStoredOnceThroughARestart() throws Exception {
        onboarding.onboard(
                new NewTenant(code, "Kabupaten Pulih", TenantKind.KABUPATEN, null, "76.06", RegionTimeZone.WITA));
        TenantCode tenant = TenantCode.of(code);
        switches.change(tenant, "evaluation", false, Map.of(), "test"); // it needs activity reports, switched off next
        switches.change(tenant, "activity-reports", false, Map.of(), "test"); // check-outs here need no report
        // It checks in at the hour the test runs: the day open, not the new tenant's 06:00-12:00 and 14:00-18:00.
        switches.change(
                tenant,
                "attendance",
                null,
                Map.of("checkInWindow", "00:00-23:59", "checkOutWindow", "00:00-23:59"),
                "test");
        String s = tenant.schemaName();
        UUID unit = UUID.randomUUID();
        UUID office = UUID.randomUUID();
        jdbc.sql("insert into " + s
                        + ".org_unit (id, code, name, kind) values (?, 'DISKOMINFO', 'Diskominfo', 'DINAS')")
                .param(unit)
                .update();
        jdbc.sql(
                        "insert into " + s
                                + ".office (id, name, latitude, longitude, radius_metres) values (?, 'Kantor', -1.7356, 119.5461, 100)")
                .param(office)
                .update();
        jdbc.sql("insert into " + s + ".office_unit (office_id, unit_id) values (?, ?)")
                .params(office, unit)
                .update();
        TestRealms.addTestClient(code, "fleksi-api");
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < PHONES; i++) {
            String username = "asn" + i;
            String realmUser = realmUsers.createUser(
                    code, new RealmUser(username, "ASN " + i, null, TestRealms.PASSWORD, false, Set.of(Role.ASN)));
            jdbc.sql("insert into " + s
                            + ".employee (id, name, employment_type, unit_id, status, username, realm_user_id, created_at,"
                            + " updated_at) values (?, ?, 'NON_ASN', ?, 'ACTIVE', ?, ?, now(), now())")
                    .params(UUID.randomUUID(), "ASN " + i, unit, username, realmUser)
                    .update();
            tokens.add(TestRealms.token(code, username));
        }

        Set<String> answered = ConcurrentHashMap.newKeySet();
        ConcurrentLinkedQueue<String> refused = new ConcurrentLinkedQueue<>();
        AtomicInteger retries = new AtomicInteger();
        Set<Integer> retried = ConcurrentHashMap.newKeySet();
        AtomicInteger done = new AtomicInteger();
        CountDownLatch halfway = new CountDownLatch(PHONES * PRESSES_EACH / 3);
        ExecutorService phones = Executors.newFixedThreadPool(PHONES);
        List<Future<?>> running = new ArrayList<>();
        for (String token : tokens) {
            running.add(phones.submit(() -> {
                for (int press = 0; press < PRESSES_EACH; press++) {
                    String id = "burst-" + UUID.randomUUID();
                    String body = "{\"kind\":\"" + (press == 0 ? "IN" : "OUT")
                            + "\",\"latitude\":-1.7357,\"longitude\":119.5462,"
                            + "\"accuracy\":10,\"clientRequestId\":\"" + id + "\"}";
                    long giveUp = System.nanoTime() + Duration.ofSeconds(90).toNanos();
                    while (true) {
                        int status = send(token, body);
                        if (status >= 200 && status < 300) {
                            answered.add(id);
                            break;
                        }
                        if (status >= 400 && status < 500) {
                            refused.add(status + " " + id);
                            break;
                        }
                        retries.incrementAndGet();
                        retried.add(status);
                        if (System.nanoTime() > giveUp) {
                            throw new AssertionError("no answer for " + id + " in 90 s");
                        }
                        Thread.sleep(200);
                    }
                    done.incrementAndGet();
                    halfway.countDown();
                }
                return null;
            }));
        }
        halfway.await();
        POSTGRES.stop();
        Thread.sleep(1500);
        POSTGRES.start();
        for (Future<?> phone : running) {
            phone.get();
        }
        phones.shutdown();

        assertThat(refused).as("no press refused").isEmpty();
        assertThat(answered).hasSize(PHONES * PRESSES_EACH);
        assertThat(retries.get()).as("the restart interrupted the burst").isPositive();
        assertThat(retried)
                .as("while the database was away the answer was 503, try again (0: no answer)")
                .isSubsetOf(503, 0);
        List<String> stored = jdbc.sql("select client_request_id from " + s + ".attendance_check_in")
                .query(String.class)
                .list();
        assertThat(stored).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(answered);
        assertThat(jdbc.sql("select count(*) from " + s + ".attendance_check_in where kind = 'IN'")
                        .query(Integer.class)
                        .single())
                .isEqualTo(PHONES);
        assertThat(jdbc.sql("select count(*) from " + s + ".attendance_check_in where kind = 'OUT' and not superseded")
                        .query(Integer.class)
                        .single())
                .isEqualTo(PHONES);
    }

    private int send(String token, String body) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/v1/t/" + code + "/attendance/check-ins"))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.io.IOException e) {
            return 0; // no answer: retry, as a phone would
        }
    }

    private static PostgresServer database() {
        PostgresServer server = POSTGRES.start();
        String name = "fleksi_restart_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        server.createDatabaseIfMissing(name);
        return server.withDatabase(name);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
