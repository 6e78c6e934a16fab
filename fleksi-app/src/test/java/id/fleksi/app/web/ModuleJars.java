package id.fleksi.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds a module project the way its own build would (compile against Fleksi, pack classes and resources into a jar),
 * with the JDK's compiler, so a test can drop the jar into a modules folder.
 */
final class ModuleJars {

    private ModuleJars() {}

    /** The project's {@code src/main/java} compiled against this test's class path, then jarred with {@code src/main/resources}. */
    static Path build(Path project, Path jar) {
        return build(project.resolve("src/main/java"), project.resolve("src/main/resources"), jar, List.of());
    }

    /** As {@link #build(Path, Path)} from these folders, leaving out the compiled classes named in {@code leaveOut}. */
    static Path build(Path sources, Path resources, Path jar, List<String> leaveOut) {
        try {
            Path classes = Files.createTempDirectory("module-classes");
            List<String> arguments = new ArrayList<>(List.of(
                    "-d",
                    classes.toString(),
                    "--release",
                    "17",
                    "-proc:none",
                    "-parameters",
                    "-classpath",
                    classPath()));
            try (Stream<Path> files = Files.walk(sources)) {
                files.filter(file -> file.toString().endsWith(".java")).forEach(file -> arguments.add(file.toString()));
            }
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            assertThat(javac.run(null, null, null, arguments.toArray(String[]::new)))
                    .as("the module compiles")
                    .isZero();
            for (String name : leaveOut) {
                Files.delete(classes.resolve(name.replace('.', '/') + ".class"));
            }
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
                java.util.Set<String> folders = new java.util.HashSet<>();
                add(out, classes, folders);
                add(out, resources, folders);
            }
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Surefire's real class path (its own {@code java.class.path} may be a manifest-only jar). */
    private static String classPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    private static void add(JarOutputStream out, Path root, java.util.Set<String> seen) throws IOException {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(file -> !file.equals(root)).sorted().toList()) {
                String name = root.relativize(file).toString().replace('\\', '/');
                if (Files.isDirectory(file)) {
                    // Folder entries, as jar and Maven write them: Spring's scanning of a package lists them.
                    if (seen.add(name)) {
                        out.putNextEntry(new JarEntry(name + "/"));
                        out.closeEntry();
                    }
                    continue;
                }
                out.putNextEntry(new JarEntry(name));
                Files.copy(file, out); // leaves the jar open
                out.closeEntry();
            }
        }
    }

    /** Writes a file, making its folders. */
    static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
