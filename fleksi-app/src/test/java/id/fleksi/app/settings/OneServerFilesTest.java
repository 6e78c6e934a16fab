package id.fleksi.app.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.fleksi.devstack.PostgresServer;
import id.fleksi.platform.testing.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The one-server install's files (deploy/one-server, docs/install-one-server.md) as far as this machine can run them:
 * systemd's own check of the units, the example settings read by Fleksi's production mode, the backup script against
 * the real PostgreSQL.
 */
class OneServerFilesTest {

    static final Path FILES = Path.of("..", "deploy", "one-server");

    /** Only the settings, their files and the production checks: no server, no database. */
    @Configuration(proxyBeanMethods = false)
    @Import(ProductionChecks.class)
    static class SettingsOnly {}

    @Test
    void theUnitsPassSystemdsOwnCheck(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(
                Files.isExecutable(Path.of("/usr/bin/systemd-analyze")), "systemd-analyze is on this machine kind");
        // The programs the units start, where this machine has none, are stand-ins under the temporary directory.
        Path stub = Files.writeString(dir.resolve("stub"), "#!/bin/sh\n");
        stub.toFile().setExecutable(true);
        List<String> units = new ArrayList<>(List.of("systemd-analyze", "verify"));
        try (Stream<Path> files = Files.list(FILES)) {
            for (Path unit : files.filter(f ->
                            f.toString().endsWith(".service") || f.toString().endsWith(".timer"))
                    .sorted()
                    .toList()) {
                String text = Files.readString(unit)
                        .replace("/opt/keycloak/bin/kc.sh", stub.toString())
                        .replace("/usr/local/sbin/fleksi-backup", stub.toString());
                units.add(
                        Files.writeString(dir.resolve(unit.getFileName()), text).toString());
            }
        }
        assertThat(units).hasSize(6);
        Process verify = new ProcessBuilder(units).redirectErrorStream(true).start();
        String said = new String(verify.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(verify.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(verify.exitValue()).as(said).isZero();
        assertThat(said).as("no warning either").isBlank();
    }

    @Test
    void theExampleSettingsLackOnlyTheSecretsThatLiveInTheirOwnFiles(@TempDir Path secrets) throws Exception {
        assertThatThrownBy(() -> start(secrets).close())
                .isInstanceOf(SettingsRefused.class)
                .satisfies(refused -> assertThat(((SettingsRefused) refused).problems())
                        .map(p -> p.substring(0, p.indexOf(' ')))
                        .containsExactly(
                                "FLEKSI_DB_PASSWORD", "FLEKSI_KEYCLOAK_ADMIN", "FLEKSI_KEYCLOAK_ADMIN_PASSWORD"));

        Files.writeString(secrets.resolve("FLEKSI_DB_PASSWORD"), "Vb8-chosen-at-install\n");
        Files.writeString(secrets.resolve("FLEKSI_KEYCLOAK_ADMIN_CLIENT_SECRET"), "6f1d0c2e-generated-by-keycloak\n");
        try (ConfigurableApplicationContext settings = start(secrets)) {
            assertThat(settings.getEnvironment().getActiveProfiles()).containsExactly("production");
            assertThat(settings.getEnvironment().getProperty("spring.datasource.password"))
                    .isEqualTo("Vb8-chosen-at-install");
            assertThat(settings.getEnvironment().getProperty("fleksi.keycloak-admin.url"))
                    .isEqualTo("http://127.0.0.1:8180");
            assertThat(settings.getEnvironment().getProperty("fleksi.identity.keycloak-url"))
                    .isEqualTo("https://login.example.go.id");
            assertThat(settings.getEnvironment().getProperty("management.server.address"))
                    .isEqualTo("127.0.0.1");
        }
    }

    @Test
    void theBackupDumpsEachDatabaseChecksItAndRemovesOldDumps(@TempDir Path backups) throws Exception {
        Assumptions.assumeTrue(
                Files.isExecutable(Path.of("/usr/bin/pg_dump")),
                "PostgreSQL's client programs are on this machine kind");
        PostgresServer db = TestDatabase.get();
        String schema = "tenant_backup" + Long.toHexString(System.nanoTime());
        try (var connection = db.connect(db.database());
                var statement = connection.createStatement()) {
            statement.execute("create schema " + schema);
            statement.execute("create table " + schema + ".attendance_check_in (id int primary key)");
        }
        Path old = Files.writeString(backups.resolve(db.database() + "-20250101T013000Z.dump"), "an old dump");
        Files.setLastModifiedTime(old, FileTime.from(Instant.now().minus(Duration.ofDays(20))));
        try {
            ProcessBuilder backup =
                    new ProcessBuilder(FILES.resolve("fleksi-backup").toString()).redirectErrorStream(true);
            backup.environment()
                    .putAll(Map.of(
                            "PGHOST",
                            db.host(),
                            "PGPORT",
                            String.valueOf(db.port()),
                            "PGUSER",
                            db.user(),
                            "FLEKSI_BACKUP_DIR",
                            backups.toString(),
                            "FLEKSI_BACKUP_DAYS",
                            "14",
                            "FLEKSI_BACKUP_DATABASES",
                            db.database()));
            db.password().ifPresent(password -> backup.environment().put("PGPASSWORD", password));
            Process run = backup.start();
            String said = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(run.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(run.exitValue()).as(said).isZero();

            assertThat(old).doesNotExist();
            List<Path> dumps;
            try (Stream<Path> files = Files.list(backups)) {
                dumps = files.toList();
            }
            assertThat(dumps)
                    .singleElement()
                    .satisfies(dump -> assertThat(dump.getFileName().toString())
                            .matches(db.database() + "-\\d{8}T\\d{6}Z\\.dump"));
            assertThat(said).contains("fleksi-backup: " + dumps.get(0), "removed old " + old);
            Process list = new ProcessBuilder(
                            "pg_restore", "--list", dumps.get(0).toString())
                    .redirectErrorStream(true)
                    .start();
            String contents = new String(list.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(list.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(contents).contains("TABLE " + schema + " attendance_check_in");
        } finally {
            try (var connection = db.connect(db.database());
                    var statement = connection.createStatement()) {
                statement.execute("drop schema " + schema + " cascade");
            }
        }
    }

    /** Fleksi's settings as the service reads them: the example environment file, its secrets from {@code secrets}. */
    private static ConfigurableApplicationContext start(Path secrets) throws IOException {
        List<String> arguments = new ArrayList<>();
        environmentFile(FILES.resolve("fleksi.env"))
                .forEach((name, value) -> arguments.add(
                        "--" + name + "=" + (name.equals("FLEKSI_SECRETS_DIR") ? secrets.toString() : value)));
        arguments.add("--spring.main.banner-mode=off");
        return new SpringApplicationBuilder(SettingsOnly.class)
                .web(WebApplicationType.NONE)
                .run(arguments.toArray(String[]::new));
    }

    /** KEY=value lines as systemd reads them (comments and blank lines skipped, one pair of double quotes removed). */
    static Map<String, String> environmentFile(Path file) throws IOException {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int equals = line.indexOf('=');
            String value = line.substring(equals + 1);
            values.put(
                    line.substring(0, equals),
                    value.startsWith("\"") && value.endsWith("\"") ? value.substring(1, value.length() - 1) : value);
        }
        return values;
    }
}
