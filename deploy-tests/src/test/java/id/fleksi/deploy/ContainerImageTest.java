package id.fleksi.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The image fleksi-app's build wrote (Jib, target/image/fleksi-image.tar), read as a container runtime would read
 * it: the config (entrypoint, user, port, labels) and the layers, each checked against its digest. Containers
 * cannot run on these machines, so the image's own classes are loaded from its layers instead, to show that what
 * the entrypoint starts offers the {@code migrate} command the chart's Job runs.
 */
class ContainerImageTest {

    static final Path IMAGE =
            Path.of(System.getProperty("fleksi.image.tar", "../fleksi-app/target/image/fleksi-image.tar"));
    static JsonNode config;
    /** Each layer's entries: path (without the leading "./" or "/") to entry. */
    static List<Map<String, TarArchiveEntry>> layers = new ArrayList<>();

    static Map<String, byte[]> small = new HashMap<>();

    @BeforeAll
    static void readImage() throws Exception {
        assumeTrue(Files.exists(IMAGE), "no image at " + IMAGE + ": fleksi-app was built with -DskipImage");
        ObjectMapper json = new ObjectMapper();
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(Files.newInputStream(IMAGE))) {
            for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null; ) {
                if (entry.isFile()) {
                    files.put(entry.getName(), tar.readAllBytes());
                }
            }
        }
        JsonNode manifest = json.readTree(files.get("manifest.json")).get(0);
        config = json.readTree(files.get(manifest.get("Config").asString()));
        JsonNode diffIds = config.get("rootfs").get("diff_ids");
        JsonNode layerNames = manifest.get("Layers");
        assertThat(layerNames.size()).isEqualTo(diffIds.size());
        for (int i = 0; i < layerNames.size(); i++) {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            Map<String, TarArchiveEntry> entries = new LinkedHashMap<>();
            try (InputStream layer = new DigestInputStream(
                            new GZIPInputStream(new java.io.ByteArrayInputStream(
                                    files.get(layerNames.get(i).asString()))),
                            sha256);
                    TarArchiveInputStream tar = new TarArchiveInputStream(layer)) {
                for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null; ) {
                    String path = entry.getName()
                            .replaceFirst("^\\./", "")
                            .replaceFirst("^/", "")
                            .replaceFirst("/$", "");
                    entries.put(path, entry);
                    if (entry.isFile() && (path.equals("etc/passwd") || path.startsWith("app/jib-"))) {
                        small.put(path, tar.readAllBytes());
                    }
                }
                layer.transferTo(java.io.OutputStream.nullOutputStream());
            }
            assertThat("sha256:" + HexFormat.of().formatHex(sha256.digest()))
                    .as("layer %d's digest", i)
                    .isEqualTo(diffIds.get(i).asString());
            layers.add(entries);
        }
    }

    @Test
    void theImageRunsTheApplicationAsANonRootUserWithTheHeapSizedByTheContainer() {
        JsonNode container = config.get("config");
        List<String> entrypoint = strings(container.get("Entrypoint"));

        assertThat(container.get("User").asString()).isEqualTo("65532:65532");
        assertThat(new String(small.get("etc/passwd"))).contains("nonroot:x:65532:65532:");
        assertThat(entrypoint.get(0)).isEqualTo("java");
        assertThat(entrypoint).contains("-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError");
        assertThat(entrypoint.get(entrypoint.size() - 1)).isEqualTo("id.fleksi.FleksiApplication");
        assertThat(container.has("Cmd")
                        && !container.get("Cmd").isNull()
                        && !container.get("Cmd").isEmpty())
                .as("no default arguments: without any, Fleksi serves")
                .isFalse();
        assertThat(strings(container.get("Env")))
                .contains("FLEKSI_HTTP_ADDRESS=0.0.0.0", "FLEKSI_MIGRATE_ON_STARTUP=false")
                .anySatisfy(env -> assertThat(env).startsWith("PATH=/usr/lib/jvm/java-17-openjdk-amd64/bin:"));
        assertThat(container.get("ExposedPorts").propertyNames()).containsExactly("8080/tcp");
        assertThat(container.get("Volumes").propertyNames()).containsExactly("/tmp");
    }

    @Test
    void theLabelsCarryTheVersionAndTheRevision() {
        JsonNode labels = config.get("config").get("Labels");

        assertThat(labels.get("org.opencontainers.image.version").asString())
                .isEqualTo(System.getProperty("fleksi.version"));
        assertThat(labels.get("org.opencontainers.image.revision").asString()).matches("[0-9a-f]{40}");
        assertThat(labels.get("org.opencontainers.image.title").asString()).isEqualTo("Fleksi");
    }

    @Test
    void theLayersHoldTheJavaRuntimeAndTheApplicationOwnedByRootAndNoShell() {
        Map<String, TarArchiveEntry> all = new HashMap<>();
        layers.forEach(all::putAll);

        assertThat(all)
                .containsKeys(
                        "usr/lib/jvm/java-17-openjdk-amd64/bin/java",
                        "usr/lib/jvm/java-17-openjdk-amd64/lib/server/libjvm.so",
                        "etc/ssl/certs/java/cacerts",
                        "app/classes/id/fleksi/FleksiApplication.class",
                        "app/classes/id/fleksi/app/cli/MigrateCommand.class",
                        "app/libs/platform-core-" + System.getProperty("fleksi.version") + ".jar",
                        "app/libs/tenant-provisioning-" + System.getProperty("fleksi.version") + ".jar");
        assertThat(all.keySet())
                .as("no shell or package manager in the image")
                .noneMatch(path -> path.matches("(usr/)?bin/(sh|bash|dash|apt|apt-get|dpkg)"));
        assertThat(all.get("tmp").getMode() & 01777)
                .as("/tmp is sticky and open to the user")
                .isEqualTo(01777);
        assertThat(all.values())
                .as("nothing in the image belongs to the user it runs as, so it cannot change it")
                .allSatisfy(entry -> assertThat(entry.getLongUserId()).isZero());
        // The application's classes sit in a layer of their own above the runtime and the libraries, so a release
        // that changes only Fleksi's code ships only that layer.
        int classesLayer = indexOf("app/classes/id/fleksi/FleksiApplication.class");
        assertThat(classesLayer)
                .isGreaterThan(indexOf("usr/lib/jvm/java-17-openjdk-amd64/bin/java"))
                .isGreaterThan(indexOf("app/libs/platform-core-" + System.getProperty("fleksi.version") + ".jar"));
    }

    @Test
    void whatTheEntrypointStartsOffersTheMigrateCommandTheChartsJobRuns(@TempDir Path root) throws Exception {
        List<String> classpath = new String(small.get("app/jib-classpath-file"))
                .strip()
                .lines()
                .flatMap(line -> List.of(line.split(":")).stream())
                .toList();
        assertThat(classpath).contains("/app/classes", "/app/resources");
        extractApp(root);

        List<URL> urls = new ArrayList<>();
        for (String entry : classpath) {
            urls.add(root.resolve(entry.substring(1)).toUri().toURL());
        }
        try (URLClassLoader image =
                new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
            Class<?> commandLine = image.loadClass("picocli.CommandLine");
            Object cli = image.loadClass("id.fleksi.app.cli.FleksiCli")
                    .getConstructor()
                    .newInstance();
            Object parsed = commandLine.getConstructor(Object.class).newInstance(cli);
            Method subcommands = commandLine.getMethod("getSubcommands");
            Map<?, ?> commands = (Map<?, ?>) subcommands.invoke(parsed);
            assertThat(commands.containsKey("migrate"))
                    .as("subcommands %s", commands.keySet())
                    .isTrue();
            Class<?> main = image.loadClass(config.get("config")
                    .get("Entrypoint")
                    .get(config.get("config").get("Entrypoint").size() - 1)
                    .asString());
            assertThat(main.getMethod("main", String[].class)).isNotNull();
        }
    }

    static void extractApp(Path root) throws IOException {
        try (TarArchiveInputStream tar = new TarArchiveInputStream(Files.newInputStream(IMAGE))) {
            for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null; ) {
                if (!entry.getName().endsWith(".tar.gz")) {
                    continue;
                }
                TarArchiveInputStream layer = new TarArchiveInputStream(new GZIPInputStream(tar));
                for (TarArchiveEntry file; (file = layer.getNextEntry()) != null; ) {
                    String path = file.getName().replaceFirst("^\\./", "").replaceFirst("^/", "");
                    if (file.isFile() && path.startsWith("app/")) {
                        Path target = root.resolve(path);
                        Files.createDirectories(target.getParent());
                        Files.copy(layer, target);
                    }
                }
            }
        }
    }

    static int indexOf(String path) {
        for (int i = 0; i < layers.size(); i++) {
            if (layers.get(i).containsKey(path)) {
                return i;
            }
        }
        return -1;
    }

    static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.asString()));
        return values;
    }
}
