package id.fleksi.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import id.fleksi.devstack.PostgresServer;
import id.fleksi.platform.testing.TestDatabase;
import id.fleksi.platform.testing.TestKeycloak;
import id.fleksi.provisioning.testing.TestRealms;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The operator's {@code fleksi} command, run in-process against the test database and Keycloak. */
class FleksiCliTest {

    static final String CODE = TestRealms.unique("cli");

    record Run(int exitCode, String out, String err) {}

    @BeforeAll
    static void services() {
        PostgresServer db = TestDatabase.get();
        System.setProperty(
                "FLEKSI_DB_URL",
                db.jdbcUrl() + "?user=" + db.user()
                        + db.password().map(p -> "&password=" + p).orElse(""));
        System.setProperty("FLEKSI_KEYCLOAK_URL", TestKeycloak.url());
        System.setProperty(
                "FLEKSI_KEYCLOAK_DB_URL",
                db.jdbcUrl(TestKeycloak.DATABASE) + "?user=" + db.user()
                        + db.password().map(p -> "&password=" + p).orElse(""));
    }

    @AfterAll
    static void cleanUp() throws Exception {
        TestRealms.admin().realms().realm(CODE).remove();
        try (var connection = TestDatabase.get().connect(TestDatabase.get().database());
                var statement = connection.createStatement()) {
            statement.execute("drop schema if exists tenant_" + CODE + " cascade");
            statement.execute("delete from platform.tenant where code = '" + CODE + "'");
        }
        System.clearProperty("FLEKSI_DB_URL");
        System.clearProperty("FLEKSI_KEYCLOAK_URL");
        System.clearProperty("FLEKSI_KEYCLOAK_DB_URL");
        try (var connection = TestDatabase.get().connect(TestDatabase.get().database());
                var statement = connection.createStatement()) {
            statement.execute("delete from platform.tenant_transfer where tenant_code = '" + CODE + "'");
        } catch (java.sql.SQLException e) {
            // nothing was moved
        }
    }

    @Test
    void anOperatorOnboardsListsSuspendsResumesImportsAndMigratesFromTheCommandLine() throws Exception {
        Run created = fleksi(
                "tenant",
                "create",
                "--code",
                CODE,
                "--name",
                "Kabupaten Baris Perintah",
                "--kind",
                "kabupaten",
                "--region",
                "76.06",
                "--tz",
                "WITA");
        assertThat(created.exitCode()).as(created.err()).isZero();
        assertThat(created.out()).contains(CODE, "ACTIVE", "first admin: admin", "one-time password:");

        assertThat(fleksi("tenant", "list").out()).contains(CODE, "KABUPATEN", "Kabupaten Baris Perintah");
        assertThat(fleksi("tenant", "show", CODE).out()).contains("schema tenant_" + CODE, "migration CURRENT");
        assertThat(fleksi("tenant", "suspend", CODE).out()).contains("SUSPENDED");
        assertThat(fleksi("tenant", "resume", CODE).out()).contains("ACTIVE");

        java.nio.file.Path bundle = java.nio.file.Files.createTempFile("fleksi-cli", ".bundle");
        Run handedOver =
                fleksi("tenant", "handover", CODE, "--to", "https://fleksi.contoh.go.id", "--out", bundle.toString());
        assertThat(handedOver.exitCode()).as(handedOver.err()).isZero();
        assertThat(fleksi("tenant", "show", CODE).out())
                .contains(
                        "HANDED_OVER",
                        "handed over to https://fleksi.contoh.go.id",
                        "waiting for the kabupaten's confirmation");
        assertThat(fleksi("tenant", "handover-cancel", CODE).out()).contains("ACTIVE");
        java.nio.file.Files.delete(bundle);
        Run help = fleksi("tenant", "key", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("Usage: fleksi tenant key", "-h, --help");

        Run needsNotes = fleksi("module", "enable", "--tenant", CODE, "reminders");
        assertThat(needsNotes.exitCode()).isEqualTo(2);
        assertThat(needsNotes.err()).contains("needs notes switched on first");
        assertThat(fleksi("module", "enable", "--tenant", CODE, "notes").out()).contains(CODE + ": Notes is on");
        assertThat(fleksi("module", "list", "--tenant", CODE).out()).containsPattern("notes\\s+yes");
        assertThat(fleksi("module", "disable", "--tenant", CODE, "notes").out()).contains("Notes is off");

        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("fleksi-cli");
        java.nio.file.Path units = java.nio.file.Files.writeString(
                dir.resolve("unit.csv"),
                "code;name;kind;parent_code\nDISKOMINFO;Dinas Komunikasi dan Informatika;DINAS;\n");
        java.nio.file.Path staff = java.nio.file.Files.writeString(
                dir.resolve("pegawai.csv"),
                "nip,name,employment_type,unit_code\n198503122010012004,Siti,PNS,DISKOMINFO\n198503121990011004,Andi,PNS,DISKOMINFO\n");
        assertThat(fleksi("import", "units", "--tenant", CODE, units.toString()).out())
                .contains("1 new");
        Run refused = fleksi("import", "employees", "--tenant", CODE, staff.toString());
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("Nothing imported: 1 problems", "row 3, nip: the start month");
        java.nio.file.Files.writeString(
                staff, "nip,name,employment_type,unit_code\n198503122010012004,Siti,PNS,DISKOMINFO\n");
        Run imported = fleksi("import", "employees", "--tenant", CODE, staff.toString());
        assertThat(imported.out()).contains("realm users 1/1", "imported 1 rows: 1 new");

        org.keycloak.representations.idm.RealmRepresentation olderRelease =
                new org.keycloak.representations.idm.RealmRepresentation();
        olderRelease.setLoginTheme("keycloak"); // as a realm made before Fleksi's login theme has it
        TestRealms.admin().realm(CODE).update(olderRelease);
        Run migrated = fleksi("migrate");
        assertThat(migrated.exitCode()).isZero();
        assertThat(migrated.out())
                .containsPattern("migrated \\d+/\\d+ " + CODE)
                .contains("tenants current in")
                .containsPattern("login page \\d+/\\d+ " + CODE + " updated");
        assertThat(TestRealms.admin().realm(CODE).toRepresentation().getLoginTheme())
                .isEqualTo("fleksi");
    }

    @Test
    void badInputIsRefusedWithAReasonAndANonZeroExitCode() {
        Run bad = fleksi("tenant", "create", "--code", "DROP", "--name", "X", "--kind", "KOTA", "--region", "76");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("Invalid tenant code 'DROP'");

        Run unknown = fleksi("tenant", "suspend", "nosuchtenant");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("There is no tenant 'nosuchtenant'");

        Run badRegion = fleksi(
                "tenant",
                "create",
                "--code",
                TestRealms.unique("cli"),
                "--name",
                "X",
                "--kind",
                "KOTA",
                "--region",
                "seventy-six");
        assertThat(badRegion.exitCode()).isEqualTo(2);
        assertThat(badRegion.err()).contains("regionCode is a Kemendagri region code");
    }

    @Test
    void platformInitMakesTheOperatorsRealmOnceAndTheApplicationHasNoUp() {
        String realm = TestRealms.unique("platform");
        System.setProperty("fleksi.identity.platform-realm", realm);
        try {
            Run first = fleksi("platform", "init", "--operator", "diskominfo");
            Run again = fleksi("platform", "init");

            assertThat(first.exitCode()).as(first.err()).isZero();
            assertThat(first.out())
                    .contains("Platform realm '" + realm + "' made. First operator: diskominfo, one-time password ");
            assertThat(TestRealms.admin().realm(realm).users().search("diskominfo"))
                    .singleElement()
                    .satisfies(user -> assertThat(user.getRequiredActions()).contains("UPDATE_PASSWORD"));
            assertThat(again.exitCode()).isZero();
            assertThat(again.out()).contains("is there already");
        } finally {
            System.clearProperty("fleksi.identity.platform-realm");
            TestRealms.admin().realm(realm).remove();
        }
        // The application a production server runs has no `up` and no benchmarks: those are fleksi-dev's
        // (UpCommandTest).
        Run up = fleksi("up");
        assertThat(up.exitCode()).isEqualTo(2);
        assertThat(up.err()).startsWith("Unmatched argument at index 0: 'up'").doesNotContain("bench");
    }

    private static Run fleksi(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream capturedOut = new ByteArrayOutputStream();
        ByteArrayOutputStream capturedErr = new ByteArrayOutputStream();
        System.setOut(new PrintStream(capturedOut, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(capturedErr, true, StandardCharsets.UTF_8));
        try {
            int exitCode = FleksiCli.run(args);
            return new Run(
                    exitCode,
                    capturedOut.toString(StandardCharsets.UTF_8),
                    capturedErr.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }
}
