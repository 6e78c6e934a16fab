package id.fleksi.app.bundle;

import static id.fleksi.app.bundle.DemoTenants.document;
import static id.fleksi.app.bundle.DemoTenants.fingerprint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.fleksi.dev.demo.DemoSeed;
import id.fleksi.platform.problem.Problem;
import id.fleksi.platform.tenancy.Hosting;
import id.fleksi.platform.tenancy.RegionTimeZone;
import id.fleksi.platform.tenancy.TenantCode;
import id.fleksi.platform.tenancy.TenantKind;
import id.fleksi.platform.tenancy.TenantRegistry;
import id.fleksi.platform.tenancy.TenantStatus;
import id.fleksi.platform.testing.TestDatabase;
import id.fleksi.platform.testing.TestKeycloak;
import id.fleksi.platform.testing.TestTokens;
import id.fleksi.provisioning.bundle.InstanceKeys;
import id.fleksi.provisioning.bundle.TenantExport;
import id.fleksi.provisioning.bundle.TenantImport;
import id.fleksi.provisioning.onboarding.NewTenant;
import id.fleksi.provisioning.realm.RealmProvisioner;
import id.fleksi.provisioning.realm.RealmUsers;
import id.fleksi.provisioning.testing.TestRealms;
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
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
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
@ExtendWith(SecondInstance.Shared.class)
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

    @Autowired
    DemoSeed demo;

    @Autowired
    TenantExport export;

    @Autowired
    InstanceKeys keys;

    @Autowired
    RealmProvisioner realms;

    @Autowired
    RealmUsers realmUsers;

    @Autowired
    TenantRegistry registry;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    private Path files;

    private DemoTenants tenants;
    private String province;
    private String kabupaten;
    private SecondInstance replica;
    private Path bundle;

    @BeforeAll
    void twoTenantsHereAndASecondInstance(SecondInstance replica) throws IOException {
        files = Files.createTempDirectory("fleksi-bundles-");
        tenants = DemoTenants.seed(demo, realmUsers, jdbc);
        province = tenants.province();
        kabupaten = tenants.kabupaten();
        this.replica = replica;
    }

    @AfterAll
    void removeEverything() {
        if (replica != null) {
            replica.removeTenant(kabupaten);
        }
        if (tenants != null) {
            tenants.remove(realms, jdbc);
        }
        try (var paths = Files.walk(files)) {
            paths.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // the temporary directory goes with the machine's
        }
    }

    @Test
    void matengMovesWholeToASecondInstanceAndSitiKeepsHerPasswordAndHistory() throws Exception {
        bundle = null; // a bundle of the tenant as it is now, whatever the other tests did to it before
        Path file = exported();
        List<String> progress = new ArrayList<>();

        TenantImport.Imported imported =
                replica.bean(TenantImport.class).importBundle(file, keys.publicKey(), null, progress::add);

        assertThat(progress.get(0)).startsWith("signed by SHA256:").endsWith("(the key you gave)");
        assertThat(progress).anyMatch(line -> line.startsWith("verified: every table's rows"));
        assertThat(imported.tenant().status()).isEqualTo(TenantStatus.ACTIVE);
        assertThat(imported.tenant().hosting()).isEqualTo(Hosting.SELF_HOSTED);
        assertThat(imported.tenant().parent()).isNull();
        JdbcClient there = replica.bean(JdbcClient.class);
        String schema = TenantCode.of(kabupaten).schemaName();
        assertThat(DemoTenants.tables(jdbc, schema))
                .contains("employee", "attendance_check_in", "attendance_absence_document", "fwa_policy_version");
        DemoTenants.assertSameRows(jdbc, there, schema);
        assertThat(fingerprint(jdbc, schema, "attendance_check_in")).doesNotStartWith("0:");
        // The load drops every key and index and builds them again over the rows: all are there again, as they were.
        assertThat(keysAndIndexes(there, schema))
                .contains("PRIMARY KEY", "UNIQUE", "FOREIGN KEY", "CREATE INDEX")
                .isEqualTo(keysAndIndexes(jdbc, schema));
        byte[] documentThere = there.sql("select content from " + schema + ".attendance_absence_document")
                .query(byte[].class)
                .single();
        assertThat(documentThere).isEqualTo(document());
        // A report day's count of activities arrives with it; the load's triggers do not count it again.
        String activities = "select coalesce(sum(activities), 0) from " + schema + ".report_day";
        assertThat(there.sql(activities).query(Integer.class).single())
                .isPositive()
                .isEqualTo(jdbc.sql(activities).query(Integer.class).single());
        assertThat(there.sql("select count(*) from " + schema + ".report_day d where d.activities <> (select count(*)"
                                + " from " + schema + ".report_activity a where a.day_id = d.id)")
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(there.sql("select id || ':' || author from " + schema + ".databasechangelog order by orderexecuted")
                        .query(String.class)
                        .list())
                .isEqualTo(jdbc.sql("select id || ':' || author from " + schema
                                + ".databasechangelog order by orderexecuted")
                        .query(String.class)
                        .list());

        // Siti logs in on the kabupaten's Keycloak with her old password and sees her month as she saw it here.
        HttpResponse<String> token = replica.token(kabupaten, "asn", TestRealms.PASSWORD);
        assertThat(token.statusCode()).isEqualTo(200);
        String thereToken = token.body().replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");
        String month = java.time.YearMonth.now(java.time.ZoneId.of("Asia/Makassar"))
                .minusMonths(0)
                .toString();
        String path = "/api/v1/t/" + kabupaten + "/attendance/months/" + month;
        HttpResponse<String> hers = get(replica.url() + path, thereToken);
        assertThat(hers.statusCode()).isEqualTo(200);
        assertThat(hers.body())
                .isEqualTo(get(
                                "http://127.0.0.1:" + port + path,
                                TestTokens.accessToken(kabupaten, "asn", TestRealms.PASSWORD))
                        .body());
        HttpResponse<String> wrong = replica.token(kabupaten, "asn", "not-her-password");
        assertThat(wrong.statusCode()).as(wrong.body()).isNotEqualTo(200);
        assertThat(wrong.body()).contains("invalid_grant");

        // The disabled account stays disabled; the one-time password still waits to be replaced.
        var users = replica.keycloakAdmin().realm(kabupaten).users();
        assertThat(users.searchByUsername("pensiun", true))
                .singleElement()
                .extracting(UserRepresentation::isEnabled)
                .isEqualTo(false);
        UserRepresentation baru = users.searchByUsername("baru", true).get(0);
        assertThat(baru.getRequiredActions()).contains("UPDATE_PASSWORD");
        assertThat(users.get(baru.getId()).credentials())
                .extracting(c -> c.getType())
                .containsExactly("password");
        assertThat(users.count())
                .isEqualTo(TestRealms.admin().realm(kabupaten).users().count());
        assertThat(users.searchByUsername("asn", true).get(0).getId())
                .isEqualTo(TestRealms.admin()
                        .realm(kabupaten)
                        .users()
                        .searchByUsername("asn", true)
                        .get(0)
                        .getId());

        // Nothing of the province is in the bundle: none of its employees' NIPs, in any part.
        String schemaOfProvince = TenantCode.of(province).schemaName();
        List<String> provinceNips = jdbc.sql(
                        "select nip from " + schemaOfProvince + ".employee where nip is not null and nip not in"
                                + " (select nip from " + schema + ".employee where nip is not null)")
                .query(String.class)
                .list();
        assertThat(provinceNips).hasSizeGreaterThan(30);
        String everything = allParts(file);
        assertThat(everything)
                .contains(jdbc.sql("select nip from " + schema + ".employee where username = 'asn'")
                        .query(String.class)
                        .single());
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

        byte[] header = bytes.clone();
        header[10] ^= 0x01; // the first entry's time in its local header: no part's content changes, the bundle does
        assertRefused(importer, write("header.zip", header), keys.publicKey(), null, "bundle-altered");

        byte[] truncated = java.util.Arrays.copyOf(bytes, bytes.length - 200);
        assertRefused(importer, write("truncated.zip", truncated), keys.publicKey(), null, "bundle-truncated");

        var stranger = id.fleksi.provisioning.bundle.BundleSignatures.generate().getPublic();
        assertRefused(importer, file, stranger, null, "bundle-signer-mismatch");
    }

    @Test
    void anEncryptedBundleOpensOnlyWithItsPassphrase() throws Exception {
        Path file = files.resolve("encrypted.bundle");
        try (OutputStream out = Files.newOutputStream(file)) {
            export.export(TenantCode.of(kabupaten), out, "kata-sandi-panjang".toCharArray(), line -> {});
        }
        TenantImport importer = replica.bean(TenantImport.class);
        assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1))
                .doesNotContain("attendance_check_in")
                .doesNotContain(
                        jdbc.sql("select nip from " + TenantCode.of(kabupaten).schemaName()
                                        + ".employee where nip is not null" + " limit 1")
                                .query(String.class)
                                .single());
        assertRefused(importer, file, keys.publicKey(), "salah".toCharArray(), "bundle-wrong-passphrase");
        assertRefused(importer, file, keys.publicKey(), null, "bundle-encrypted");
    }

    @Test
    void aBundleFromANewerFleksiIsRefusedEvenWhenProperlySigned() throws Exception {
        Path file = exported();
        Path newer = resigned(
                file,
                "newer.bundle",
                manifest -> manifest.replaceFirst(
                        "\"changeSets\" : \\[", "\"changeSets\" : [ \"zz-999-from-the-future::fleksi\","));
        assertRefused(replica.bean(TenantImport.class), newer, keys.publicKey(), null, "bundle-too-new");
        int format = id.fleksi.provisioning.bundle.BundleManifest.FORMAT;
        Path newerFormat = resigned(
                file,
                "newer-format.bundle",
                manifest ->
                        manifest.replaceFirst("\"format\" : " + format + ",", "\"format\" : " + (format + 1) + ","));
        assertRefused(replica.bean(TenantImport.class), newerFormat, keys.publicKey(), null, "bundle-too-new");
    }

    @Test
    void aBundleFromAnOlderReleaseIsMigratedForwardAfterItsRowsAreIn() throws Exception {
        // A tenant as the release before attendance-009 left it: two identical pending absences were still possible,
        // and
        // (before attendance-010 and -011) a check-in's flags were comma-joined text and its work mode unchecked, and
        // (before attendance-012) approved absences had no index by date, (before attendance-013) the day was open, and
        // (before attendance-014) a check-in had a fix, (before attendance-015) check-ins had no index by date range,
        // and (before attendance-016) flagged check-ins had no index of their own.
        String older = TestRealms.unique("old");
        demo.tenant(
                new NewTenant(older, "Kabupaten Lama", TenantKind.KABUPATEN, null, "76.05", RegionTimeZone.WITA),
                "mateng",
                40);
        String schema = TenantCode.of(older).schemaName();
        try {
            jdbc.sql("drop index " + schema + ".ux_absence_one_pending").update();
            jdbc.sql("drop index " + schema + ".ix_absence_approved_to_date").update();
            jdbc.sql("drop index " + schema + ".ix_check_in_work_date_brin").update();
            jdbc.sql("drop index " + schema + ".ix_check_in_flagged").update();
            jdbc.sql("alter table " + schema + ".attendance_check_in drop constraint ck_check_in_work_mode")
                    .update();
            jdbc.sql("alter table " + schema + ".attendance_check_in alter column flags drop default")
                    .update();
            jdbc.sql("alter table " + schema + ".attendance_check_in alter column flags type varchar(200)"
                            + " using array_to_string(flags, ',')")
                    .update();
            jdbc.sql("alter table " + schema + ".attendance_check_in alter column flags set default ''")
                    .update();
            jdbc.sql("alter table " + schema
                            + ".attendance_check_in drop constraint ck_check_in_whole_fix, alter column latitude set not null,"
                            + " alter column longitude set not null, alter column accuracy_metres set not null")
                    .update();
            jdbc.sql("delete from " + schema
                            + ".databasechangelog where id in ('attendance-009-one-pending-absence-of-a-kind-and-dates',"
                            + " 'attendance-010-flags-as-array', 'attendance-011-work-mode-checked', 'attendance-012-approved-absences-by-date',"
                            + " 'attendance-013-keep-open-windows-of-existing-tenants', 'attendance-014-check-in-without-a-fix',"
                            + " 'attendance-015-check-ins-by-date-range', 'attendance-016-flagged-check-ins')")
                    .update();
            UUID siti = jdbc.sql("select id from " + schema + ".employee where username = 'asn'")
                    .query(UUID.class)
                    .single();
            for (int i = 0; i < 2; i++) {
                jdbc.sql(
                                "insert into " + schema
                                        + ".attendance_absence (id, employee_id, kind, from_date, to_date, reason, status,"
                                        + " created_at) values (?, ?, 'CUTI', '2026-12-21', '2026-12-22', 'Cuti tahunan', 'PENDING', now() + ? * interval '1 second')")
                        .params(UUID.randomUUID(), siti, i)
                        .update();
            }
            Path file = files.resolve("older.bundle");
            try (OutputStream out = Files.newOutputStream(file)) {
                export.export(TenantCode.of(older), out, null, line -> {});
            }
            List<String> progress = new ArrayList<>();

            replica.bean(TenantImport.class).importBundle(file, keys.publicKey(), null, progress::add);

            assertThat(progress).contains("migrated forward: 8 change sets of this release");
            JdbcClient there = replica.bean(JdbcClient.class);
            assertThat(there.sql("select status from " + schema
                                    + ".attendance_absence where kind = 'CUTI' order by created_at")
                            .query(String.class)
                            .list())
                    .containsExactly("PENDING", "RETURNED");
            assertThat(there.sql("select flags::text from " + schema
                                    + ".attendance_check_in where cardinality(flags) > 0")
                            .query(String.class)
                            .list())
                    .containsExactly("{TOO_PERFECT}"); // the demo's one flagged check-in
            assertThat(there.sql(
                                    "select count(*) from pg_indexes where schemaname = ? and indexname = 'ux_absence_one_pending'")
                            .param(schema)
                            .query(Integer.class)
                            .single())
                    .isEqualTo(1);
            assertThat(there.sql("select applied_change_sets from platform.tenant where code = ?")
                            .param(older)
                            .query(Integer.class)
                            .single())
                    .isEqualTo(replica.bean(id.fleksi.platform.migration.TenantMigrator.class)
                            .expectedChangeSets());
        } finally {
            replica.removeTenant(older);
            TestRealms.removeTenant(realms, jdbc, older);
        }
    }

    @Test
    void anExportWhileAbsencesAndTheirDocumentsKeepArrivingIsOneSnapshot() throws Exception {
        String schema = TenantCode.of(kabupaten).schemaName();
        UUID siti = jdbc.sql("select id from " + schema + ".employee where username = 'asn'")
                .query(UUID.class)
                .single();
        List<UUID> made = new ArrayList<>();
        Path file = files.resolve("during-writes.bundle");
        try (OutputStream out = Files.newOutputStream(file)) {
            export.export(TenantCode.of(kabupaten), out, null, line -> {
                if (line.contains(" attendance_absence:")) {
                    // Between reading the absences and their documents, a few absences arrive, each with its document.
                    for (int i = 0; i < 3; i++) {
                        UUID absence = UUID.randomUUID();
                        made.add(absence);
                        jdbc.sql(
                                        "insert into " + schema
                                                + ".attendance_absence (id, employee_id, kind, from_date, to_date, reason,"
                                                + " status, created_at) values (?, ?, 'IZIN', ?, ?, 'Urusan keluarga', 'PENDING', now())")
                                .params(
                                        absence,
                                        siti,
                                        java.time.LocalDate.of(2027, 1, 4 + i),
                                        java.time.LocalDate.of(2027, 1, 4 + i))
                                .update();
                        jdbc.sql("insert into " + schema
                                        + ".attendance_absence_document (absence_id, file_name, content_type,"
                                        + " size_bytes, content) values (?, 'surat.pdf', 'application/pdf', 8, ?)")
                                .params(absence, "%PDF-1.4".getBytes(StandardCharsets.US_ASCII))
                                .update();
                    }
                }
            });
        } finally {
            for (UUID absence : made) {
                jdbc.sql("delete from " + schema + ".attendance_absence where id = ?")
                        .param(absence)
                        .update();
            }
        }
        assertThat(made).hasSize(3);
        String absences = part(file, "tables/attendance_absence.tsv");
        String documents = part(file, "tables/attendance_absence_document.tsv");
        for (String line : documents.split("\n")) {
            assertThat(absences)
                    .as("the absence of document " + line.substring(0, 36))
                    .contains(line.substring(0, 36));
        }
        assertThat(made).noneMatch(id -> absences.contains(id.toString()) || documents.contains(id.toString()));
    }

    @Test
    void aHandoverStopsWritesAndACancelBringsTheTenantBackAsItWas() throws Exception {
        String schema = TenantCode.of(kabupaten).schemaName();
        String before = fingerprint(jdbc, schema, "attendance_check_in") + fingerprint(jdbc, schema, "employee");
        String token = TestTokens.accessToken(kabupaten, "asn", TestRealms.PASSWORD);
        String base = "http://127.0.0.1:" + port + "/api/v1/t/" + kabupaten;
        List<Integer> duringExport = new ArrayList<>();
        Path file = files.resolve("handover.bundle");
        try (OutputStream out = Files.newOutputStream(file)) {
            bean(id.fleksi.provisioning.bundle.TenantHandover.class)
                    .handOver(TenantCode.of(kabupaten), "https://fleksi.mamujutengahkab.go.id", out, null, line -> {
                        if (line.startsWith("table 1/")) {
                            duringExport.add(post(base + "/attendance/absences", token, "{}")
                                    .statusCode());
                            duringExport.add(uncheckedGet(base + "/attendance/absences", token)
                                    .statusCode());
                        }
                    });
        }
        assertThat(duringExport).containsExactly(503, 200);
        assertThat(registry.find(TenantCode.of(kabupaten)).orElseThrow().status())
                .isEqualTo(TenantStatus.HANDED_OVER);
        HttpResponse<String> moved = uncheckedGet(base + "/attendance/absences", token);
        assertThat(moved.statusCode()).isEqualTo(403);
        assertThat(moved.body()).contains("tenant-handed-over");

        bean(id.fleksi.provisioning.bundle.TenantHandover.class).cancel(TenantCode.of(kabupaten));

        assertThat(registry.find(TenantCode.of(kabupaten)).orElseThrow().status())
                .isEqualTo(TenantStatus.ACTIVE);
        assertThat(fingerprint(jdbc, schema, "attendance_check_in") + fingerprint(jdbc, schema, "employee"))
                .isEqualTo(before);
        assertThat(uncheckedGet(base + "/attendance/absences", token).statusCode())
                .isEqualTo(200);
        assertThat(post(base + "/attendance/absences", token, "{}").statusCode())
                .isEqualTo(400);
        assertThat(jdbc.sql(
                                "select state from platform.tenant_transfer where tenant_code = ? and direction = 'HANDOVER'")
                        .param(kabupaten)
                        .query(String.class)
                        .list())
                .containsExactly("CANCELLED");
    }

    @Test
    void theApiExportsAsAJobWithProgressAndItsBundleImportsElsewhereWhileADamagedUploadFails() throws Exception {
        TestRealms.createPlatformRealm(realms, PLATFORM);
        try {
            String operator = TestRealms.token(PLATFORM, "operator");
            String api = "http://127.0.0.1:" + port + "/api/v1/platform";
            HttpResponse<String> key = get(api + "/instance-key", operator);
            String fingerprint = key.body().replaceAll(".*\"fingerprint\":\"([^\"]+)\".*", "$1");
            assertThat(fingerprint)
                    .isEqualTo(id.fleksi.provisioning.bundle.BundleSignatures.fingerprint(keys.publicKey()));

            HttpResponse<String> started = post(api + "/tenants/" + kabupaten + "/export", operator, "{}");
            assertThat(started.statusCode()).isEqualTo(202);
            String job = started.headers().firstValue("Location").orElseThrow();
            String done = awaitJob("http://127.0.0.1:" + port + job, operator);
            assertThat(done).contains("\"state\":\"DONE\"").contains("table 1/").contains("realm " + kabupaten);
            HttpResponse<byte[]> bundleBytes = HTTP.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + job + "/bundle"))
                            .header("Authorization", "Bearer " + operator)
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(bundleBytes.statusCode()).isEqualTo(200);
            assertThat(bundleBytes.headers().firstValue("X-Bundle-Sha256").orElseThrow())
                    .matches("[0-9a-f]{64}");
            // Downloaded: the operator removes the job, and its file with it (the bundle holds personal data).
            HttpResponse<String> removed = HTTP.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + job))
                            .header("Authorization", "Bearer " + operator)
                            .DELETE()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(removed.statusCode()).isEqualTo(204);
            assertThat(HTTP.send(
                                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + job + "/bundle"))
                                            .header("Authorization", "Bearer " + operator)
                                            .GET()
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString())
                            .statusCode())
                    .isEqualTo(404);
            replica.removeTenant(kabupaten);
            Path downloaded = write("downloaded.bundle", bundleBytes.body());
            assertThat(replica.bean(TenantImport.class)
                            .importBundle(downloaded, fingerprint, null, line -> {})
                            .tenant()
                            .status())
                    .isEqualTo(TenantStatus.ACTIVE);
            replica.removeTenant(kabupaten);

            byte[] damaged = bundleBytes.body().clone();
            damaged[damaged.length / 3] ^= 0x10;
            HttpResponse<String> upload = HTTP.send(
                    HttpRequest.newBuilder(URI.create(api + "/bundle-imports?signedBy="
                                    + java.net.URLEncoder.encode(fingerprint, StandardCharsets.UTF_8)))
                            .header("Authorization", "Bearer " + operator)
                            .header("Content-Type", "application/octet-stream")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(damaged))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(upload.statusCode()).isEqualTo(202);
            String failed = awaitJob(
                    "http://127.0.0.1:" + port
                            + upload.headers().firstValue("Location").orElseThrow(),
                    operator);
            assertThat(failed).contains("\"state\":\"FAILED\"").containsPattern("altered|not a whole");
            assertThat(post(api + "/bundle-imports?signedBy=nonsense", operator, "x")
                            .statusCode())
                    .isIn(400, 415);
        } finally {
            TestRealms.admin().realm(PLATFORM).remove();
        }
    }

    private static String awaitJob(String url, String token) throws Exception {
        for (int i = 0; i < 600; i++) {
            String body = get(url, token).body();
            if (!body.contains("\"state\":\"RUNNING\"")) {
                return body;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the job at " + url + " did not finish");
    }

    private void assertRefused(
            TenantImport importer, Path file, java.security.PublicKey key, char[] passphrase, String type) {
        assertThatThrownBy(() -> importer.importBundle(file, key, passphrase, line -> {}))
                .isInstanceOfSatisfying(
                        Problem.class, p -> assertThat(p.typeUri()).endsWith(type));
        JdbcClient there = replica.bean(JdbcClient.class);
        assertThat(there.sql("select count(*) from platform.tenant where code = ?")
                        .param(kabupaten)
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(there.sql("select count(*) from information_schema.schemata where schema_name = ?")
                        .param(TenantCode.of(kabupaten).schemaName())
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(replica.keycloakAdmin().realms().findAll())
                .noneMatch(r -> r.getRealm().equals(kabupaten));
    }

    private synchronized Path exported() throws IOException {
        if (bundle == null) {
            bundle = files.resolve(kabupaten + ".bundle");
            try (OutputStream out = Files.newOutputStream(bundle)) {
                export.export(TenantCode.of(kabupaten), out, null, line -> {});
            }
        }
        replica.removeTenant(kabupaten);
        return bundle;
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(files.resolve(name), bytes);
    }

    /** Every index and constraint of the schema, as PostgreSQL would write them. */
    private static String keysAndIndexes(JdbcClient jdbc, String schema) {
        return jdbc.sql("""
                select string_agg(definition, E'\\n' order by definition) from (
                  select indexdef as definition from pg_indexes where schemaname = :schema
                  union all
                  select c.conrelid::regclass || ' ' || c.conname || ' ' || pg_get_constraintdef(c.oid) || ' ' || c.convalidated
                  from pg_constraint c join pg_namespace n on n.oid = c.connamespace where n.nspname = :schema) d""").param("schema", schema).query(String.class).single();
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

    @Autowired
    org.springframework.context.ApplicationContext context;

    private <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    private static HttpResponse<String> post(String url, String token, String json) {
        try {
            return HTTP.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .header("Authorization", "Bearer " + token)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(json))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> uncheckedGet(String url, String token) {
        try {
            return get(url, token);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The bundle with its manifest changed and signed again by this instance's key, as a newer Fleksi would sign it. */
    private Path resigned(Path file, String name, java.util.function.UnaryOperator<String> change)
            throws IOException, java.security.NoSuchAlgorithmException {
        Path target = files.resolve(name);
        var key = keys.signingKey();
        var entries = new java.security.DigestOutputStream(
                Files.newOutputStream(target), java.security.MessageDigest.getInstance("SHA-256"));
        try (ZipFile zip = new ZipFile(file.toFile());
                var out = new java.util.zip.ZipOutputStream(entries)) {
            byte[] manifest = change.apply(new String(
                            zip.getInputStream(zip.getEntry("manifest.json")).readAllBytes(), StandardCharsets.UTF_8))
                    .getBytes(StandardCharsets.UTF_8);
            for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                switch (entry.getName()) {
                    case "manifest.json" -> out.write(manifest);
                    case "manifest.sig" ->
                        out.write(java.util.Base64.getEncoder()
                                .encode(id.fleksi.provisioning.bundle.BundleSignatures.sign(
                                        key.getPrivate(), manifest)));
                    default -> zip.getInputStream(entry).transferTo(out);
                }
                out.closeEntry();
            }
            // As Fleksi signs off a bundle: the hash of every byte before the central directory.
            out.setComment(id.fleksi.provisioning.bundle.BundleManifest.ENTRIES_HASH
                    + java.util.HexFormat.of()
                            .formatHex(entries.getMessageDigest().digest()));
        }
        return target;
    }

    private static String part(Path file, String name) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile());
                InputStream in = zip.getInputStream(zip.getEntry(name))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static HttpResponse<String> get(String url, String token) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Authorization", "Bearer " + token)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
