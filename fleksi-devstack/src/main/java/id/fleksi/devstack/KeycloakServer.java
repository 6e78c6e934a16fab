package id.fleksi.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Keycloak from the official distribution, run on loopback with its data in PostgreSQL.
 *
 * <p>If something already answers on the port it is reused as is, so one Keycloak serves a whole test run
 * across Maven modules (and a developer's repeated runs). The first start runs {@code kc.sh build} once;
 * later starts use {@code start --optimized}, which saves Keycloak's build step (~20 s). Keycloaks on
 * different ports run side by side from one distribution, each with its own database, log and pid file.
 */
public final class KeycloakServer {

    private static final Logger log = LoggerFactory.getLogger(KeycloakServer.class);
    public static final String ADMIN_USER = "admin";
    public static final String ADMIN_PASSWORD = "admin";

    private final Path home;
    private final int port;
    private final PostgresServer database;
    private final String databaseName;
    private Process process;

    public KeycloakServer(Path home, int port, PostgresServer database, String databaseName) {
        this.home = home;
        this.port = port;
        this.database = database;
        this.databaseName = databaseName;
    }

    /** The distribution unpacked by the build: {@code -Dfleksi.keycloak.home}, else {@code .fleksi/keycloak-*}. */
    public static Path defaultHome() {
        String configured = System.getProperty("fleksi.keycloak.home", System.getenv("FLEKSI_KEYCLOAK_HOME"));
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        Path dir = Path.of(".fleksi").toAbsolutePath();
        try (var entries = Files.list(dir)) {
            return entries.filter(p -> p.getFileName().toString().startsWith("keycloak-"))
                    .filter(p -> Files.isRegularFile(p.resolve("bin/kc.sh")))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("No Keycloak distribution under " + dir
                            + ": run ./mvnw -pl fleksi-devstack generate-resources to unpack it"));
        } catch (IOException e) {
            throw new IllegalStateException("No Keycloak distribution under " + dir, e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Starts Keycloak unless one already answers on the port; returns when it serves the master realm. */
    public KeycloakServer start(Duration timeout) {
        if (answers()) {
            log.info("Reusing the Keycloak already listening on {}", url());
            return this;
        }
        Path fleksiDir = home.getParent().resolve("run");
        try {
            Files.createDirectories(fleksiDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (FileChannel channel = FileChannel.open(
                        fleksiDir.resolve("keycloak-" + port + ".lock"),
                        StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE);
                FileLock ignored = channel.lock()) {
            if (answers()) {
                return this;
            }
            database.createDatabaseIfMissing(databaseName);
            ensureBuilt();
            process = launch(fleksiDir.resolve("keycloak-" + port + ".log"));
            Files.writeString(fleksiDir.resolve("keycloak-" + port + ".pid"), Long.toString(process.pid()));
            awaitReady(timeout);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start Keycloak from " + home, e);
        }
        return this;
    }

    /** Stops Keycloak if this object started it. */
    public void stop() {
        if (process != null && process.isAlive()) {
            process.toHandle().descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public boolean startedHere() {
        return process != null;
    }

    /**
     * Runs {@code kc.sh build} once per distribution. Keycloaks on other ports share the distribution, and two
     * instances are often started together, so the build is guarded by a lock of the distribution's own.
     */
    private void ensureBuilt() throws IOException {
        Path marker = home.resolve("data").resolve("fleksi-built-for-postgres");
        if (Files.exists(marker)) {
            return;
        }
        try (FileChannel channel = FileChannel.open(
                        home.getParent().resolve("run/keycloak-build.lock"),
                        StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE);
                FileLock ignored = channel.lock()) {
            if (!Files.exists(marker)) {
                build(marker);
            }
        }
    }

    private void build(Path marker) throws IOException {
        log.info("Building Keycloak for PostgreSQL (once per distribution)...");
        List<String> command =
                List.of(home.resolve("bin/kc.sh").toString(), "build", "--db=postgres", "--health-enabled=true");
        Process build = new ProcessBuilder(command)
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(
                        home.getParent().resolve("run/keycloak-build.log").toFile())
                .start();
        try {
            if (build.waitFor() != 0) {
                throw new IllegalStateException(
                        "kc.sh build failed; see " + home.getParent().resolve("run/keycloak-build.log"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while building Keycloak", e);
        }
        Files.createDirectories(marker.getParent());
        Files.writeString(marker, Instant.now().toString());
    }

    private Process launch(Path logFile) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                home.resolve("bin/kc.sh").toString(),
                "start",
                "--optimized",
                "--http-enabled=true",
                "--http-host=127.0.0.1",
                "--http-port=" + port,
                "--http-management-port=" + (port + 1000),
                "--hostname-strict=false",
                "--db-url=" + database.jdbcUrl(databaseName),
                "--db-username=" + database.user(),
                "--cache=local"));
        database.password().ifPresent(p -> command.add("--db-password=" + p));
        log.info("Starting Keycloak on {} (log: {})", url(), logFile);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(logFile.toFile());
        Map<String, String> env = builder.environment();
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USER);
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.putIfAbsent("JAVA_OPTS_KC_HEAP", "-XX:MaxRAMPercentage=10 -XX:InitialRAMPercentage=2");
        return builder.start();
    }

    private void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + process.exitValue() + "; see "
                        + home.getParent().resolve("run/keycloak-" + port + ".log"));
            }
            if (answers()) {
                log.info("Keycloak ready on {}", url());
                return;
            }
            sleep(Duration.ofMillis(500));
        }
        stop();
        throw new IllegalStateException("Keycloak did not answer on " + url() + " within " + timeout);
    }

    /** True when a Keycloak answers the master realm's discovery document on this port. */
    public boolean answers() {
        if (!portOpen()) {
            return false;
        }
        try {
            HttpURLConnection connection = (HttpURLConnection)
                    URI.create(url() + "/realms/master").toURL().openConnection();
            connection.setConnectTimeout(1000);
            connection.setReadTimeout(5000);
            return connection.getResponseCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    private boolean portOpen() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
