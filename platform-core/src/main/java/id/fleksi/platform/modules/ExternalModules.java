package id.fleksi.platform.modules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import liquibase.changelog.ChangeLogParameters;
import liquibase.parser.ChangeLogParserFactory;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.resource.ResourceAccessor;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feature modules built outside this repository, as jars dropped into a folder ({@code FLEKSI_MODULES_DIR}): a kabupaten's
 * own features without a fork. Each jar is checked on its own before Fleksi starts, and a broken one is refused with its
 * name and the reason while the rest of Fleksi starts without it:
 * <ul>
 * <li>it declares its Spring configuration in {@code META-INF/spring/...AutoConfiguration.imports} (how Spring Boot finds
 * configuration in a jar it was not built with) and holds at least one {@link FeatureModule};
 * <li>every class in it loads and its signatures resolve against this Fleksi (a module built against another release,
 * or with a class left out, fails here rather than halfway through start-up);
 * <li>every Liquibase changelog under {@code db/} parses.
 * </ul>
 * The jars accepted are put on one class loader, the parent of which is Fleksi's own; the application context is built on
 * it, so their configuration, pages, templates, static files and changelogs are found like Fleksi's own.
 */
public final class ExternalModules {

    /** The Spring Boot file that names a jar's configuration classes. */
    public static final String IMPORTS =
            "META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports";

    private static final Logger log = LoggerFactory.getLogger(ExternalModules.class);

    /** A jar accepted, with the configuration classes it declares. */
    public record Accepted(Path jar, List<String> configurations) {}

    /** A jar refused, and why, in words an operator can act on. */
    public record Refused(Path jar, String reason) {}

    private final ClassLoader classLoader;
    private final List<Accepted> accepted;
    private final List<Refused> refused;

    private ExternalModules(ClassLoader classLoader, List<Accepted> accepted, List<Refused> refused) {
        this.classLoader = classLoader;
        this.accepted = List.copyOf(accepted);
        this.refused = List.copyOf(refused);
    }

    /** None: Fleksi as built. */
    public static ExternalModules none(ClassLoader parent) {
        return new ExternalModules(parent, List.of(), List.of());
    }

    /** The jars in {@code folder} (none if it is null or missing), each checked, the good ones on a class loader over {@code parent}. */
    public static ExternalModules load(@Nullable Path folder, ClassLoader parent) {
        if (folder == null || !Files.isDirectory(folder)) {
            if (folder != null) {
                log.warn("The modules folder {} does not exist; Fleksi starts with its own modules only.", folder);
            }
            return none(parent);
        }
        List<Accepted> accepted = new ArrayList<>();
        List<Refused> refused = new ArrayList<>();
        for (Path jar : jars(folder)) {
            String problem = problemOf(jar, parent);
            if (problem == null) {
                accepted.add(new Accepted(jar, configurations(jar)));
                log.info("External module {} loaded.", jar.getFileName());
            } else {
                refused.add(new Refused(jar, problem));
                log.error("External module {} refused: {} Fleksi starts without it.", jar.getFileName(), problem);
            }
        }
        if (accepted.isEmpty()) {
            return new ExternalModules(parent, accepted, refused);
        }
        URL[] urls = accepted.stream().map(a -> url(a.jar())).toArray(URL[]::new);
        return new ExternalModules(new URLClassLoader("fleksi-external-modules", urls, parent), accepted, refused);
    }

    /** The class loader Fleksi's context is built on: its own, or one over the accepted jars. */
    public ClassLoader classLoader() {
        return classLoader;
    }

    public List<Accepted> accepted() {
        return accepted;
    }

    public List<Refused> refused() {
        return refused;
    }

    private static List<Path> jars(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".jar"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the modules folder " + folder, e);
        }
    }

    /** What is wrong with the jar, or null when nothing is. */
    static @Nullable String problemOf(Path jar, ClassLoader parent) {
        List<String> configurations;
        List<String> classes;
        List<String> changelogs;
        try (JarFile file = new JarFile(jar.toFile())) {
            configurations = configurations(file);
            classes = file.stream()
                    .map(JarEntry::getName)
                    .filter(name -> name.endsWith(".class") && !name.contains("-"))
                    .map(name ->
                            name.substring(0, name.length() - ".class".length()).replace('/', '.'))
                    .toList();
            changelogs = file.stream()
                    .map(JarEntry::getName)
                    .filter(name -> name.startsWith("db/")
                            && (name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".xml")))
                    .toList();
        } catch (IOException e) {
            return "it is not a readable jar (" + e.getMessage() + ").";
        }
        if (configurations.isEmpty()) {
            return "it names no configuration in " + IMPORTS + ", so Fleksi would not find its module.";
        }
        try (URLClassLoader trial = new URLClassLoader(new URL[] {url(jar)}, parent)) {
            boolean hasModule = false;
            for (String name : classes) {
                String missing = missingFor(name, trial);
                if (missing != null) {
                    return "its class " + name + " needs " + missing + ", which neither the jar nor this Fleksi has"
                            + " (built against another release, or packed without it).";
                }
                hasModule |= FeatureModule.class.isAssignableFrom(Class.forName(name, false, trial));
            }
            if (!hasModule) {
                return "it holds no class implementing " + FeatureModule.class.getName() + ".";
            }
            for (String name : configurations) {
                if (!classes.contains(name)) {
                    return "its configuration " + name + " (named in " + IMPORTS + ") is not in the jar.";
                }
            }
            ResourceAccessor resources = new ClassLoaderResourceAccessor(trial);
            for (String changelog : changelogs) {
                try {
                    ChangeLogParserFactory.getInstance()
                            .getParser(changelog, resources)
                            .parse(changelog, new ChangeLogParameters(), resources);
                } catch (Exception e) {
                    return "its changelog " + changelog + " cannot be read: " + firstLine(e) + ".";
                }
            }
            return null;
        } catch (IOException | ClassNotFoundException e) {
            return "it could not be read (" + e + ").";
        }
    }

    /** The class a class of the jar refers to in its signatures and cannot find, or null. */
    private static @Nullable String missingFor(String name, ClassLoader loader) {
        try {
            Class<?> type = Class.forName(name, false, loader);
            type.getDeclaredFields();
            type.getDeclaredMethods();
            type.getDeclaredConstructors();
            type.getDeclaredAnnotations();
            return null;
        } catch (ClassNotFoundException e) {
            return e.getMessage();
        } catch (LinkageError e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            return message.replace('/', '.');
        }
    }

    private static List<String> configurations(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            return configurations(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> configurations(JarFile file) throws IOException {
        JarEntry imports = file.getJarEntry(IMPORTS);
        if (imports == null) {
            return List.of();
        }
        try (InputStream in = file.getInputStream(imports)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .toList();
        }
    }

    private static String firstLine(Exception e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getMessage() == null) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? cause.toString() : cause.getMessage();
        return message.lines().findFirst().orElse(message).strip();
    }

    private static URL url(Path jar) {
        try {
            return jar.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
