package id.fleksi.app.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import id.fleksi.modules.evaluation.EvaluationModule;
import id.fleksi.platform.modules.ModuleSwitches;
import id.fleksi.platform.security.Role;
import id.fleksi.platform.tenancy.RegionTimeZone;
import id.fleksi.platform.tenancy.TenantCode;
import id.fleksi.platform.tenancy.TenantKind;
import id.fleksi.platform.testing.TestClock;
import id.fleksi.platform.testing.TestDatabase;
import id.fleksi.platform.testing.TestKeycloak;
import id.fleksi.provisioning.lifecycle.TenantLifecycle;
import id.fleksi.provisioning.onboarding.NewTenant;
import id.fleksi.provisioning.onboarding.TenantOnboarding;
import id.fleksi.provisioning.realm.RealmProvisioner;
import id.fleksi.provisioning.realm.RealmUsers;
import id.fleksi.provisioning.testing.TestRealms;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A service's public rating page over HTTP against the running application, as a citizen's phone meets it: no login,
 * no session, reached through the address its printed QR code holds; a script's honeypot, a form sent back at once and
 * one without the page's proof of work sent back within ten seconds keep nothing; a flood from one address is answered 429 after its allowance; a pemda that is unknown, suspended or has
 * the module off is a plain page in Bahasa Indonesia. Addresses are told apart by X-Forwarded-For, which the application
 * honours from the loopback proxy as it would from the pemda's TLS proxy.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PublicFeedbackTest {

    static final String PUBLIC_URL = "https://fleksi.example.go.id";

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
        TestKeycloak.register(registry);
        registry.add("fleksi.keycloak-admin.public-web-url", () -> PUBLIC_URL);
    }

    @Autowired
    TenantOnboarding onboarding;

    @Autowired
    TenantLifecycle lifecycle;

    @Autowired
    RealmProvisioner realms;

    @Autowired
    RealmUsers realmUsers;

    @Autowired
    ModuleSwitches switches;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    @LocalServerPort
    int port;

    /** The server's clock, which the form's minimum time is measured on: moved by the test, not waited for. */
    @TestConfiguration
    static class Clocks {

        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock(Instant.now().toString());
        }
    }

    private void later(int seconds) {
        clock.set(clock.instant().plusSeconds(seconds).atOffset(ZoneOffset.UTC).toString());
    }

    final String code = TestRealms.unique("suara");
    final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @AfterEach
    void remove() {
        TestRealms.removeTenant(realms, jdbc, code);
    }

    @Test
    void aCitizenRatesThroughThePrintedQrCodeWithoutLoggingInAndTheRowHoldsNothingOfThem() throws Exception {
        onboard();
        unit("DUKCAPIL", "Dinas Kependudukan dan Pencatatan Sipil");
        TestRealms.addTestClient(code, "fleksi-api");
        TestRealms.addUser(realmUsers, code, "pengelola", Role.TENANT_ADMIN);
        String token = TestRealms.token(code, "pengelola");
        HttpResponse<String> defined =
                send(HttpRequest.newBuilder(local("/api/v1/t/" + code + "/evaluation/feedback/services"))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"unit\":\"DUKCAPIL\",\"name\":\"Pembuatan KTP-el\",\"slug\":\"ktp-el\"}")));
        assertThat(defined.statusCode()).as(defined.body()).isEqualTo(201);
        String id = field(defined.body(), "id");

        HttpResponse<String> qr =
                send(HttpRequest.newBuilder(local("/api/v1/t/" + code + "/evaluation/feedback/services/" + id + "/qr"))
                        .header("Authorization", "Bearer " + token));
        assertThat(qr.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("image/svg+xml"));
        String printed = readQr(qr.body());
        assertThat(printed).isEqualTo(PUBLIC_URL + "/publik/" + code + "/layanan/ktp-el");
        String path = URI.create(printed).getPath();

        String citizen = "198.51.100.20";
        String phone = "Mozilla/5.0 (Linux; Android 9; HargaMurah-1) Mobile";
        HttpResponse<String> page = send(from(citizen, path).header("User-Agent", phone));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.headers().allValues("Set-Cookie"))
                .as("no session for a visitor")
                .isEmpty();
        assertThat(page.body())
                .contains(
                        "Pembuatan KTP-el",
                        "Bagaimana layanan kami hari ini?",
                        "Kirim penilaian",
                        "Kami tidak menanyakan atau menyimpan nama, nomor telepon, e-mail maupun alamat IP Anda");
        String form = formToken(page.body());

        HttpResponse<String> tooFast =
                post(citizen, path, phone, Map.of("score", "5", "comment", "Cepat", "token", form, "work", work(form)));
        assertThat(tooFast.statusCode()).isEqualTo(400);
        assertThat(tooFast.body()).contains("Formulir terkirim terlalu cepat. Periksa isinya, lalu kirim lagi.");
        HttpResponse<String> bot =
                post(citizen, path, phone, Map.of("score", "1", "website", "http://obat.example", "token", form));
        assertThat(bot.statusCode()).isEqualTo(200);
        assertThat(bot.body()).contains("Terima kasih");
        assertThat(ratingsKept()).as("neither the hasty form nor the script's").isZero();

        later(5); // a person takes longer than the form's minimum to fill it in
        HttpResponse<String> noScript = post(citizen, path, phone, Map.of("score", "5", "token", form));
        assertThat(noScript.statusCode())
                .as("without the page's proof of work, 5 seconds are too few")
                .isEqualTo(400);
        assertThat(noScript.body()).contains("Formulir terkirim terlalu cepat.");
        HttpResponse<String> rated = post(
                citizen,
                path,
                phone,
                Map.of(
                        "score",
                        "5",
                        "comment",
                        "Cepat, 20 menit selesai",
                        "served",
                        "OFFICE",
                        "website",
                        "",
                        "token",
                        form,
                        "work",
                        work(form)));
        assertThat(rated.statusCode()).isEqualTo(302);
        assertThat(rated.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith(path + "/terima-kasih"));
        assertThat(post(citizen, path, phone, Map.of("score", "5", "token", form, "work", work(form)))
                        .body())
                .as("sent twice, kept once")
                .contains("Terima kasih");
        assertThat(ratingsKept()).isEqualTo(1);

        String schema = "tenant_" + code;
        assertThat(jdbc.sql("select column_name from information_schema.columns where table_schema = ? and table_name ="
                                + " 'evaluation_feedback' order by ordinal_position")
                        .param(schema)
                        .query(String.class)
                        .list())
                .containsExactly(
                        "id",
                        "number",
                        "service_id",
                        "given_on",
                        "score",
                        "comment",
                        "served_mode",
                        "status",
                        "decided_by",
                        "decided_at");
        Map<String, Object> row = jdbc.sql("select score, comment, served_mode, status, decided_by, decided_at from "
                        + schema + ".evaluation_feedback")
                .query()
                .singleRow();
        assertThat(row)
                .containsEntry("score", 5)
                .containsEntry("comment", "Cepat, 20 menit selesai")
                .containsEntry("served_mode", "OFFICE")
                .containsEntry("status", "PENDING")
                .containsEntry("decided_by", null);
        String everything =
                jdbc.sql("select coalesce(string_agg(t::text, ' '), '') from " + schema + ".evaluation_feedback t")
                                .query(String.class)
                                .single()
                        + jdbc.sql("select coalesce(string_agg(t::text, ' '), '') from " + schema + ".audit_event t")
                                .query(String.class)
                                .single();
        assertThat(everything)
                .doesNotContain(citizen)
                .doesNotContain("HargaMurah")
                .doesNotContain("198.51");
    }

    @Test
    void aFloodFromOneAddressGetsItsAllowanceThen429AndKeepsNothingMore() throws Exception {
        onboard();
        UUID unit = unit("DUKCAPIL", "Dinas Kependudukan dan Pencatatan Sipil");
        service(unit, "akta", true);
        String path = "/publik/" + code + "/layanan/akta";
        String flooder = "203.0.113.7";
        List<String> forms = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            forms.add(formToken(send(from(flooder, path)).body()));
        }
        later(5);
        List<Integer> statuses = new ArrayList<>();
        HttpResponse<String> refused = null;
        for (String form : forms) {
            HttpResponse<String> answer = post(
                    flooder,
                    path,
                    "curl/8",
                    Map.of("score", "1", "comment", "spam", "token", form, "work", work(form)));
            statuses.add(answer.statusCode());
            if (answer.statusCode() == 429 && refused == null) {
                refused = answer;
            }
        }
        assertThat(statuses).containsExactly(302, 302, 302, 302, 302, 429, 429, 429);
        assertThat(refused.headers().firstValue("Retry-After"))
                .hasValueSatisfying(s -> assertThat(Long.parseLong(s)).isPositive());
        assertThat(refused.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(refused.body()).contains("Terlalu banyak kiriman", "Tidak ada yang disimpan.");
        assertThat(ratingsKept()).isEqualTo(5);

        assertThat(send(from("203.0.113.8", path)).statusCode())
                .as("a neighbour is not held up")
                .isEqualTo(200);
    }

    @Test
    void anUnknownOrSuspendedPemdaAModuleOffOrAServiceOffIsAPlainPageInIndonesian() throws Exception {
        HttpResponse<String> unknown = send(from("192.0.2.1", "/publik/tidakada/layanan/ktp-el"));
        assertPage(unknown, 404, "Pemda tidak dikenal");

        onboard();
        UUID unit = unit("DUKCAPIL", "Dinas Kependudukan dan Pencatatan Sipil");
        service(unit, "ktp-el", false);
        assertPage(send(from("192.0.2.1", "/publik/" + code + "/layanan/ktp-el")), 404, "Layanan tidak ditemukan");
        assertPage(send(from("192.0.2.1", "/publik/" + code + "/layanan/tidak-ada")), 404, "Layanan tidak ditemukan");

        switches.change(TenantCode.of(code), EvaluationModule.ID, false, Map.of(), "test");
        assertPage(send(from("192.0.2.1", "/publik/" + code + "/layanan/ktp-el")), 404, "Tidak menerima penilaian");
        switches.change(TenantCode.of(code), EvaluationModule.ID, true, Map.of(), "test");

        lifecycle.suspend(TenantCode.of(code));
        assertPage(send(from("192.0.2.1", "/publik/" + code + "/layanan/ktp-el")), 403, "Pemda dihentikan sementara");
    }

    private void assertPage(HttpResponse<String> answer, int status, String title) {
        assertThat(answer.statusCode()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(answer.body())
                .contains("<h1 id=\"problem-title\">" + title + "</h1>")
                .doesNotContain("urn:fleksi:problem");
    }

    private void onboard() {
        onboarding.onboard(
                new NewTenant(code, "Kabupaten Suara", TenantKind.KABUPATEN, null, "76.06", RegionTimeZone.WITA));
    }

    private UUID unit(String unitCode, String name) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into tenant_" + code + ".org_unit (id, code, name, kind) values (?, ?, ?, 'DINAS')")
                .params(id, unitCode, name)
                .update();
        return id;
    }

    private void service(UUID unit, String slug, boolean active) {
        jdbc.sql("insert into tenant_" + code
                        + ".evaluation_service (id, unit_id, slug, name, active, created_by, created_at,"
                        + " updated_at) values (?, ?, ?, 'Akta kelahiran', ?, 'test', now(), now())")
                .params(UUID.randomUUID(), unit, slug, active)
                .update();
    }

    private long ratingsKept() {
        return jdbc.sql("select count(*) from tenant_" + code + ".evaluation_feedback")
                .query(Long.class)
                .single();
    }

    private URI local(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private HttpRequest.Builder from(String address, String path) {
        return HttpRequest.newBuilder(local(path)).header("X-Forwarded-For", address);
    }

    private HttpResponse<String> post(String address, String path, String agent, Map<String, String> fields)
            throws IOException, InterruptedException {
        String body = fields.entrySet().stream()
                .map(e -> e.getKey() + "="
                        + java.net.URLEncoder.encode(e.getValue(), java.nio.charset.StandardCharsets.UTF_8))
                .reduce((a, b) -> a + "&" + b)
                .orElse("");
        return send(from(address, path)
                .header("User-Agent", agent)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String formToken(String html) {
        Matcher token = Pattern.compile("name=\"token\" value=\"([^\"]+)\"").matcher(html);
        assertThat(token.find()).as(html).isTrue();
        return token.group(1);
    }

    /** The page script's proof of work, found as a phone finds it: SHA-256(token:n) starting with 12 zero bits. */
    static String work(String token) throws java.security.NoSuchAlgorithmException {
        java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
        for (int n = 0; ; n++) {
            byte[] hash = sha.digest((token + ":" + n).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            if (hash[0] == 0 && (hash[1] & 0xF0) == 0) {
                return String.valueOf(n);
            }
        }
    }

    private static String field(String json, String name) {
        Matcher value = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
        assertThat(value.find()).as(json).isTrue();
        return value.group(1);
    }

    /** Rasterises the SVG's unit squares (4 pixels a module) and reads the picture with ZXing, as a phone's camera would. */
    static String readQr(String svg) throws Exception {
        Matcher box = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"").matcher(svg);
        assertThat(box.find()).as(svg).isTrue();
        int size = Integer.parseInt(box.group(1)) * 4;
        int[] pixels = new int[size * size];
        java.util.Arrays.fill(pixels, 0xFFFFFFFF);
        Matcher square = Pattern.compile("M(\\d+),(\\d+)h1v1h-1z").matcher(svg);
        while (square.find()) {
            int x = Integer.parseInt(square.group(1)) * 4;
            int y = Integer.parseInt(square.group(2)) * 4;
            for (int dy = 0; dy < 4; dy++) {
                for (int dx = 0; dx < 4; dx++) {
                    pixels[(y + dy) * size + x + dx] = 0xFF000000;
                }
            }
        }
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(size, size, pixels)));
        return new QRCodeReader()
                .decode(bitmap, Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE))
                .getText();
    }
}
