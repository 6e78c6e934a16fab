package id.fleksi.app.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import id.fleksi.app.demo.DemoSeed;
import id.fleksi.platform.tenancy.Hosting;
import id.fleksi.platform.tenancy.RegionTimeZone;
import id.fleksi.platform.tenancy.TenantCode;
import id.fleksi.platform.tenancy.TenantKind;
import id.fleksi.platform.tenancy.TenantRegistry;
import id.fleksi.platform.tenancy.TenantStatus;
import id.fleksi.platform.testing.TestDatabase;
import id.fleksi.platform.testing.TestKeycloak;
import id.fleksi.platform.testing.TestTokens;
import id.fleksi.platform.web.Problem;
import id.fleksi.provisioning.bundle.InstanceKeys;
import id.fleksi.provisioning.bundle.TenantExport;
import id.fleksi.provisioning.bundle.TenantImport;
import id.fleksi.provisioning.onboarding.NewTenant;
import id.fleksi.provisioning.realm.RealmProvisioner;
import id.fleksi.provisioning.realm.RealmUser;
import id.fleksi.provisioning.testing.TestRealms;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.keycloak.representations.idm.UserRepresentation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A kabupaten takes its Fleksi home: the demo's mateng (under a code of its own, hosted by a province with data of its
 * own) is exported from this instance and imported into a second one with its own database and its own Keycloak server.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantBundleTest {

    private static final String PLATFORM = TestRealms.unique("platform");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
        TestKeycloak.register(registry);
        registry.add("fleksi.identity.platform-realm", () -> PLATFORM);
        registry.add("fleksi.rate-limit.enabled", () -> false);
    }

    @Autowired DemoSeed demo;
    @Autowired TenantExport export;
    @Autowired InstanceKeys keys;
    @Autowired RealmProvisioner realms;
    @Autowired TenantRegistry registry;
    @Autowired JdbcClient jdbc;
    @LocalServerPort int port;
    private Path files;

    private final String province = TestRealms.unique("prov");
    private final String kabupaten = TestRealms.unique("kab");
    private SecondInstance replica;
    private Path bundle;

    @BeforeAll
    void twoTenantsHereAndASecondInstance() throws IOException {
        files = Files.createTempDirectory("fleksi-bundles-");
        demo.tenant(new NewTenant(province, "Provinsi Uji", TenantKind.PROVINCE, null, "76", RegionTimeZone.WITA), "sulbar", 40);
        demo.tenant(new NewTenant(kabupaten, "Kabupaten Uji", TenantKind.KABUPATEN, province, "76.06", RegionTimeZone.WITA),
                "mateng", 90);
        String schema = TenantCode.of(kabupaten).schemaName();
        // Siti's sick day carries a document; the password grant's client comes along with the realm's clients.
        UUID sickDay = jdbc.sql("select id from " + schema + ".attendance_absence where kind = 'SAKIT'").query(UUID.class).single();
        jdbc.sql("insert into " + schema + ".attendance_absence_document (absence_id, file_name, content_type, size_bytes, content)"
                + " values (?, 'surat-sakit.pdf', 'application/pdf', 4096, ?)").params(sickDay, document()).update();
        TestRealms.addTestClient(kabupaten, "fleksi-api");
        realms.setPassword(kabupaten, "asn", TestRealms.PASSWORD, false);
        // One account disabled, one waiting for its first login with a one-time password.
        realms.createUser(kabupaten, new RealmUser("pensiun", "Pensiun", null, "sandi-lama-123", false, java.util.Set.of()));
        var disabled = TestRealms.admin().realm(kabupaten).users().searchByUsername("pensiun", true).get(0);
        disabled.setEnabled(false);
        TestRealms.admin().realm(kabupaten).users().get(disabled.getId()).update(disabled);
        realms.createUser(kabupaten, "baru", "Pegawai Baru", "sandi-sekali-99", java.util.Set.of("asn"));
        replica = new SecondInstance();
    }

    @AfterAll
    void removeEverything() {
        if (replica != null) {
            replica.removeTenant(kabupaten);
            replica.close();
        }
        TestRealms.removeTenant(realms, jdbc, kabupaten);
        TestRealms.removeTenant(realms, jdbc, province);
        try (var paths = Files.walk(files)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // the temporary directory goes with the machine's
        }
    }

    @Test
    void matengMovesWholeToASecondInstanceAndSitiKeepsHerPasswordAndHistory() throws Exception {
        Path file = exported();
        List<String> progress = new ArrayList<>();

        TenantImport.Imported imported = replica.bean(TenantImport.class).importBundle(file, keys.publicKey(), null, progress::add);

        assertThat(progress.get(0)).startsWith("signed by SHA256:").endsWith("(the key you gave)");
        assertThat(progress).anyMatch(line -> line.startsWith("verified: every table's rows"));
        assertThat(imported.tenant().status()).isEqualTo(TenantStatus.ACTIVE);
        assertThat(imported.tenant().hosting()).isEqualTo(Hosting.SELF_HOSTED);
        assertThat(imported.tenant().parent()).isNull();
        JdbcClient there = replica.bean(JdbcClient.class);
        String schema = TenantCode.of(kabupaten).schemaName();
        List<String> tables = jdbc.sql("select table_name from information_schema.tables where table_schema = ? and table_type ="
                + " 'BASE TABLE' and table_name not like 'databasechangelog%' order by 1").param(schema).query(String.class).list();
        assertThat(tables).contains("employee", "attendance_check_in", "attendance_absence_document", "fwa_policy_version");
        for (String table : tables) {
            assertThat(fingerprint(there, schema, table)).as(table).isEqualTo(fingerprint(jdbc, schema, table));
        }
        assertThat(fingerprint(jdbc, schema, "attendance_check_in")).doesNotStartWith("0:");
        byte[] documentThere = there.sql("select content from " + schema + ".attendance_absence_document").query(byte[].class).single();
        assertThat(documentThere).isEqualTo(document());
        assertThat(there.sql("select id || ':' || author from " + schema + ".databasechangelog order by orderexecuted")
                .query(String.class).list()).isEqualTo(jdbc.sql("select id || ':' || author from " + schema
                + ".databasechangelog order by orderexecuted").query(String.class).list());

        // Siti logs in on the kabupaten's Keycloak with her old password and sees her month as she saw it here.
        HttpResponse<String> token = replica.token(kabupaten, "asn", TestRealms.PASSWORD);
        assertThat(token.statusCode()).isEqualTo(200);
        String thereToken = token.body().replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");
        String month = java.time.YearMonth.now(java.time.ZoneId.of("Asia/Makassar")).minusMonths(0).toString();
        String path = "/api/v1/t/" + kabupaten + "/attendance/months/" + month;
        HttpResponse<String> hers = get(replica.url() + path, thereToken);
        assertThat(hers.statusCode()).isEqualTo(200);
        assertThat(hers.body()).isEqualTo(get("http://127.0.0.1:" + port + path,
                TestTokens.accessToken(kabupaten, "asn", TestRealms.PASSWORD)).body());
        HttpResponse<String> wrong = replica.token(kabupaten, "asn", "not-her-password");
        assertThat(wrong.statusCode()).as(wrong.body()).isNotEqualTo(200);
        assertThat(wrong.body()).contains("invalid_grant");

        // The disabled account stays disabled; the one-time password still waits to be replaced.
        var users = replica.keycloakAdmin().realm(kabupaten).users();
        assertThat(users.searchByUsername("pensiun", true)).singleElement().extracting(UserRepresentation::isEnabled).isEqualTo(false);
        UserRepresentation baru = users.searchByUsername("baru", true).get(0);
        assertThat(baru.getRequiredActions()).contains("UPDATE_PASSWORD");
        assertThat(users.get(baru.getId()).credentials()).extracting(c -> c.getType()).containsExactly("password");
        assertThat(users.count()).isEqualTo(TestRealms.admin().realm(kabupaten).users().count());
        assertThat(users.searchByUsername("asn", true).get(0).getId())
                .isEqualTo(TestRealms.admin().realm(kabupaten).users().searchByUsername("asn", true).get(0).getId());

        // Nothing of the province is in the bundle: none of its employees' NIPs, in any part.
        String schemaOfProvince = TenantCode.of(province).schemaName();
        List<String> provinceNips = jdbc.sql("select nip from " + schemaOfProvince + ".employee where nip is not null and nip not in"
                + " (select nip from " + schema + ".employee where nip is not null)").query(String.class).list();
        assertThat(provinceNips).hasSizeGreaterThan(30);
        String everything = allParts(file);
        assertThat(everything).contains(jdbc.sql("select nip from " + schema + ".employee where username = 'asn'")
                .query(String.class).single());
        assertThat(provinceNips).noneMatch(everything::contains);
    }

    @Test
    void aBundleThatWasAlteredTruncatedOrSignedByAnotherInstanceIsRefusedBeforeAnythingIsWritten() throws Exception {
        Path file = exported();
        byte[] bytes = Files.readAllBytes(file);
        TenantImport importer = replica.bean(TenantImport.class);

        byte[] flipped = bytes.clone();
        flipped[bytes.length / 2] ^= 0x01;
        assertRefused(importer, write("flipped.zip", flipped), keys.publicKey(), null, "bundle-altered");

        byte[] truncated = java.util.Arrays.copyOf(bytes, bytes.length - 200);
        assertRefused(importer, write("truncated.zip", truncated), keys.publicKey(), null, "bundle-truncated");

        var stranger = id.fleksi.provisioning.bundle.BundleSignatures.generate().getPublic();
        assertRefused(importer, file, stranger, null, "bundle-signer-mismatch");
    }

    @Test
    void anEncryptedBundleOpensOnlyWithItsPassphrase() throws Exception {
        Path file = files.resolve("encrypted.bundle");
        try (OutputStream out = Files.newOutputStream(file)) {
            export.export(TenantCode.of(kabupaten), out, "kata-sandi-panjang".toCharArray(), line -> { });
        }
        TenantImport importer = replica.bean(TenantImport.class);
        assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).doesNotContain("attendance_check_in")
                .doesNotContain(jdbc.sql("select nip from " + TenantCode.of(kabupaten).schemaName() + ".employee where nip is not null"
                        + " limit 1").query(String.class).single());
        assertRefused(importer, file, keys.publicKey(), "salah".toCharArray(), "bundle-wrong-passphrase");
        assertRefused(importer, file, keys.publicKey(), null, "bundle-encrypted");
    }

    private void assertRefused(TenantImport importer, Path file, java.security.PublicKey key, char[] passphrase, String type) {
        assertThatThrownBy(() -> importer.importBundle(file, key, passphrase, line -> { }))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.getBody().getType().toString()).endsWith(type));
        JdbcClient there = replica.bean(JdbcClient.class);
        assertThat(there.sql("select count(*) from platform.tenant where code = ?").param(kabupaten).query(Integer.class).single())
                .isZero();
        assertThat(there.sql("select count(*) from information_schema.schemata where schema_name = ?")
                .param(TenantCode.of(kabupaten).schemaName()).query(Integer.class).single()).isZero();
        assertThat(replica.keycloakAdmin().realms().findAll()).noneMatch(r -> r.getRealm().equals(kabupaten));
    }

    private synchronized Path exported() throws IOException {
        if (bundle == null) {
            bundle = files.resolve(kabupaten + ".bundle");
            try (OutputStream out = Files.newOutputStream(bundle)) {
                export.export(TenantCode.of(kabupaten), out, null, line -> { });
            }
        }
        replica.removeTenant(kabupaten);
        return bundle;
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(files.resolve(name), bytes);
    }

    /** A table's rows as one value: how many, and a hash of them all in a fixed order. */
    private static String fingerprint(JdbcClient jdbc, String schema, String table) {
        return jdbc.sql("select count(*) || ':' || coalesce(md5(string_agg(md5(t::text), '' order by md5(t::text))), '') from "
                + schema + "." + table + " t").query(String.class).single();
    }

    private static String allParts(Path file) throws IOException {
        StringBuilder all = new StringBuilder();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                try (InputStream in = zip.getInputStream(entry)) {
                    all.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        return all.toString();
    }

    private static HttpResponse<String> get(String url, String token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] document() {
        byte[] pdf = new byte[4096];
        new java.util.Random(42).nextBytes(pdf);
        System.arraycopy("%PDF-1.4".getBytes(StandardCharsets.US_ASCII), 0, pdf, 0, 8);
        return pdf;
    }
}
