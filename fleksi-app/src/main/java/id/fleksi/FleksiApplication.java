package id.fleksi;

import id.fleksi.app.cli.FleksiCli;
import id.fleksi.platform.modules.ExternalModules;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * Fleksi: platform-core, tenant-provisioning and the feature modules, assembled. Without arguments it
 * serves; with a command ({@code tenant ...}, {@code migrate}; fleksi-dev adds {@code up}) it is the operator's CLI.
 */
@SpringBootApplication
public class FleksiApplication {

    /** Where a kabupaten drops its own modules' jars; read before anything else starts, so an environment variable. */
    public static final String MODULES_DIR = "FLEKSI_MODULES_DIR";

    public static void main(String[] args) {
        int exitCode = FleksiCli.run(args);
        if (exitCode != FleksiCli.SERVING) {
            System.exit(exitCode);
        }
    }

    /** Fleksi as the serving process, the CLI and {@code up} build it: with the external modules of {@value #MODULES_DIR}. */
    public static SpringApplicationBuilder application() {
        String folder = System.getenv(MODULES_DIR);
        if (folder == null || folder.isBlank()) {
            folder = System.getProperty("fleksi.modules.dir");
        }
        return application(folder == null || folder.isBlank() ? null : Path.of(folder));
    }

    /**
     * Fleksi with the feature modules in the jars of {@code modules} (none if null): each jar is checked first, a broken
     * one is refused with its name and the rest starts ({@link ExternalModules}). The context is built on a class loader
     * that sees the accepted jars, so their configuration, pages, templates and changelogs are found like Fleksi's own.
     */
    public static SpringApplicationBuilder application(@Nullable Path modules) {
        ExternalModules external = ExternalModules.load(modules, FleksiApplication.class.getClassLoader());
        return new SpringApplicationBuilder(FleksiApplication.class)
                .resourceLoader(new DefaultResourceLoader(external.classLoader()))
                .initializers(context -> context.getBeanFactory().registerSingleton("externalModules", external));
    }
}
