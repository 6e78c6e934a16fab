package id.fleksi.app.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a {@code fleksi} command finds Fleksi's database and Keycloak. The application's own answer is what is
 * configured and nothing else ({@code FLEKSI_DB_URL}, {@code FLEKSI_KEYCLOAK_URL}, else application.yaml's defaults):
 * it starts nothing. On a developer's machine fleksi-dev's {@link DevelopmentMachine} finds or starts them instead.
 */
public interface CommandServices {

    /** The Spring properties that point Fleksi at the services, to be given as command-line arguments. */
    List<String> properties();

    /** Stops what was started for the command, if anything was. */
    void stop();

    /** The configured services: the settings of the environment (or system properties), nothing started. */
    static CommandServices configured() {
        List<String> properties = new ArrayList<>();
        String database = setting("FLEKSI_DB_URL");
        if (database != null) {
            properties.add("spring.datasource.url=" + database);
        }
        String keycloak = setting("FLEKSI_KEYCLOAK_URL");
        if (keycloak != null) {
            properties.add("fleksi.identity.keycloak-url=" + keycloak);
        }
        List<String> fixed = List.copyOf(properties);
        return new CommandServices() {
            @Override
            public List<String> properties() {
                return fixed;
            }

            @Override
            public void stop() {}
        };
    }

    /**
     * A {@code FLEKSI_*} setting: a system property of that name, else the environment variable; null when blank. The
     * same order as fleksi-dev's {@code LocalServices} reads them, so both jars see the same instance.
     */
    static String setting(String name) {
        String value = System.getProperty(name, System.getenv(name));
        return value == null || value.isBlank() ? null : value;
    }
}
