package id.fleksi.provisioning.feed;

import static org.assertj.core.api.Assertions.assertThat;

import id.fleksi.platform.tenancy.RegionTimeZone;
import id.fleksi.platform.tenancy.Tenant;
import id.fleksi.platform.tenancy.TenantCode;
import id.fleksi.platform.tenancy.TenantKind;
import id.fleksi.platform.tenancy.TenantRegistry;
import id.fleksi.provisioning.bundle.BundleSignatures;
import id.fleksi.provisioning.bundle.InstanceKeys;
import id.fleksi.provisioning.bundle.TenantHandover;
import id.fleksi.provisioning.lifecycle.TenantLifecycle;
import id.fleksi.provisioning.onboarding.NewTenant;
import id.fleksi.provisioning.onboarding.TenantOnboarding;
import id.fleksi.provisioning.testing.ProvisioningIntegrationTest;
import id.fleksi.provisioning.testing.TestRealms;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.LocalDate;
import java.util.Base64;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The feed from a self-hosted replica to its province, with this one Fleksi playing both: its outbox posts to its own
 * receiver on the test's port. The tenant is handed over (so the province side takes its feed) and its tables are filled
 * as a replica's would be (so the replica side counts them); both sides sign and verify with this instance's key, and a
 * test that needs a stranger makes a second key pair.
 */
abstract class FeedIntegration extends ProvisioningIntegrationTest {

    static final RegionTimeZone WITA = RegionTimeZone.WITA;

    @Autowired
    TenantOnboarding onboarding;

    @Autowired
    TenantHandover handovers;

    @Autowired
    TenantLifecycle lifecycle;

    @Autowired
    TenantRegistry registry;

    @Autowired
    ReplicaKeys replicaKeys;

    @Autowired
    InstanceKeys instanceKeys;

    @Autowired
    DailyFigures figures;

    @Autowired
    FeedOutbox outbox;

    @Autowired
    FeedDays days;

    @Autowired
    FeedSchedule schedule;

    @Autowired
    FeedJson json;

    @Autowired
    DataSource dataSource;

    private final HttpClient http = HttpClient.newHttpClient();
    final LocalDate today = LocalDate.now(WITA.zone());
    final LocalDate day = today.minusDays(1);
    String code;
    TenantRows rows;

    @AfterEach
    void forgetTransfers() {
        if (code != null) {
            jdbc.sql("delete from platform.tenant_transfer where tenant_code = ?")
                    .param(code)
                    .update();
        }
    }

    /** A tenant handed over from here with its replica's key registered, and the module tables a replica has. */
    Tenant selfHosted() {
        code = removeAfter(TestRealms.unique("feed"));
        TenantCode tenant = onboarding
                .onboard(new NewTenant(code, "Kabupaten Umpan", TenantKind.KABUPATEN, null, "76.06", WITA))
                .tenant()
                .code();
        handovers.handOver(tenant, "https://fleksi.example.go.id", OutputStream.nullOutputStream(), null, line -> {});
        try {
            ModuleTables.addTo(dataSource, tenant);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        replicaKeys.register(tenant, instanceKeys.publicKey());
        rows = new TenantRows(jdbc, tenant);
        return registry.find(tenant).orElseThrow();
    }

    FeedSender sender(int port) {
        return new FeedSender(
                outbox, instanceKeys, dataSource, new FeedProperties(true, "http://127.0.0.1:" + port).endpoint());
    }

    static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    HttpResponse<String> signed(String body) throws Exception {
        return signed(body.getBytes(StandardCharsets.UTF_8));
    }

    HttpResponse<String> signed(byte[] body) throws Exception {
        return post(
                body, BundleSignatures.sign(instanceKeys.signingKey().getPrivate(), body), instanceKeys.publicKey());
    }

    HttpResponse<String> post(byte[] body, byte[] signature, PublicKey signer) throws Exception {
        return send(body, Base64.getEncoder().encodeToString(signature), BundleSignatures.fingerprint(signer));
    }

    HttpResponse<String> send(byte[] body, String signature, String signer) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + DailyFeed.PATH))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (signature != null) {
            request.header(DailyFeed.SIGNATURE_HEADER, signature).header(DailyFeed.SIGNER_HEADER, signer);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static void assertProblem(HttpResponse<String> response, int status, String type, String detail) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(contentType -> assertThat(contentType).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"type\":\"urn:fleksi:problem:" + type + "\"", detail);
    }

    int count(String table) {
        return jdbc.sql("select count(*) from platform." + table + " where tenant_code = ?")
                .param(code)
                .query(Integer.class)
                .single();
    }

    static DailyFeed.Opd opd(
            String code,
            String name,
            int employees,
            @Nullable Integer expected,
            DailyFeed.CheckIns in,
            DailyFeed.Absences away,
            int flagged,
            int reports) {
        return new DailyFeed.Opd(code, name, employees, expected, in, away, flagged, reports);
    }

    static DailyFeed.CheckIns checkIns(int total, int wfo, int wfa, int dinasLuar, int late) {
        return new DailyFeed.CheckIns(total, wfo, wfa, dinasLuar, late);
    }

    static DailyFeed.Absences away(int izin, int sakit, int cuti, int dinasLuar) {
        return new DailyFeed.Absences(izin, sakit, cuti, dinasLuar);
    }
}
