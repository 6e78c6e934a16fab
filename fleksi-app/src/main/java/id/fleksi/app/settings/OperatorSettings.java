package id.fleksi.app.settings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.env.ConfigTreePropertySource;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Before the configuration files are read: the mode, and the secrets kept in files.
 * <ul>
 * <li>{@code FLEKSI_MODE=production} turns on the {@value #PRODUCTION} profile ({@code application-production.yaml}: no
 * laptop defaults for what must be given, JSON logs, the management port) and with it {@link ProductionChecks};
 * {@code development}, the default, changes nothing.</li>
 * <li>{@code FLEKSI_X_FILE=/path} gives {@code FLEKSI_X} the file's content (without its last line break), the convention
 * of container images and of systemd's credentials ({@code %d/name}); giving both {@code FLEKSI_X} and
 * {@code FLEKSI_X_FILE} is refused, since one of them would be silently ignored.</li>
 * <li>{@code FLEKSI_SECRETS_DIR=/dir}: every file in it is a setting named after the file (a Kubernetes Secret mounted as
 * a volume, read as Spring's {@code configtree:}); a variable given in the environment wins.</li>
 * </ul>
 * A secret's value is never logged or shown in a message.
 */
public class OperatorSettings implements EnvironmentPostProcessor, Ordered {

    public static final String MODE = "FLEKSI_MODE";
    public static final String PRODUCTION = "production";
    public static final String DEVELOPMENT = "development";
    static final String SECRETS_DIR = "FLEKSI_SECRETS_DIR";
    private static final String FILE_SUFFIX = "_FILE";

    @Override
    public int getOrder() {
        return ConfigDataEnvironmentPostProcessor.ORDER - 1;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        List<String> problems = new ArrayList<>();
        String mode = environment.getProperty(MODE, DEVELOPMENT).strip();
        if (mode.equals(PRODUCTION)) {
            environment.addActiveProfile(PRODUCTION);
        } else if (!mode.equals(DEVELOPMENT)) {
            problems.add(MODE + "=" + mode + " is not a mode: say " + DEVELOPMENT + " (the default) or " + PRODUCTION);
        }
        Map<String, Object> fromFiles = secretFiles(environment, problems);
        if (!problems.isEmpty()) {
            throw new SettingsRefused("Fleksi cannot read its settings", problems);
        }
        if (!fromFiles.isEmpty()) {
            environment.getPropertySources().addFirst(new MapPropertySource("fleksiSecretFiles", fromFiles));
        }
        String dir = environment.getProperty(SECRETS_DIR);
        if (dir != null && !dir.isBlank()) {
            Path path = Path.of(dir.strip());
            if (!Files.isDirectory(path)) {
                throw new SettingsRefused(
                        "Fleksi cannot read its settings",
                        List.of(SECRETS_DIR + "=" + dir + " is not a directory Fleksi can read"));
            }
            PropertySource<?> tree = new ConfigTreePropertySource(
                    "fleksiSecretsDir", path, ConfigTreePropertySource.Option.AUTO_TRIM_TRAILING_NEW_LINE);
            String after = StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME;
            if (environment.getPropertySources().contains(after)) {
                environment.getPropertySources().addAfter(after, tree);
            } else {
                environment.getPropertySources().addLast(tree);
            }
        }
    }

    /** {@code FLEKSI_X} for each {@code FLEKSI_X_FILE} given as a variable, a system property or an argument. */
    static Map<String, Object> secretFiles(ConfigurableEnvironment environment, List<String> problems) {
        TreeSet<String> names = new TreeSet<>();
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (source instanceof EnumerablePropertySource<?> enumerable) {
                for (String name : enumerable.getPropertyNames()) {
                    if (name.startsWith("FLEKSI_")
                            && name.endsWith(FILE_SUFFIX)
                            && name.length() > "FLEKSI__FILE".length()) {
                        names.add(name);
                    }
                }
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (String fileName : names) {
            String file = environment.getProperty(fileName);
            String name = fileName.substring(0, fileName.length() - FILE_SUFFIX.length());
            if (file == null || file.isBlank()) {
                continue;
            }
            String direct = environment.getProperty(name);
            if (direct != null && !direct.isBlank()) {
                problems.add(name + " and " + fileName + " are both set; keep one");
                continue;
            }
            try {
                String content = Files.readString(Path.of(file.strip()), StandardCharsets.UTF_8);
                values.put(
                        name,
                        content.endsWith("\r\n")
                                ? content.substring(0, content.length() - 2)
                                : content.endsWith("\n") ? content.substring(0, content.length() - 1) : content);
            } catch (IOException | RuntimeException e) {
                problems.add(fileName + "=" + file + ": the file cannot be read ("
                        + e.getClass().getSimpleName() + ")");
            }
        }
        return values;
    }
}
