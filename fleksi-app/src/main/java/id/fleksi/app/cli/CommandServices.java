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

    /** An environment variable, else the system property of the same name; null when neither is set or blank. */
    static String setting(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            value = System.getProperty(name);
        }
        return value == null || value.isBlank() ? null : value.strip();
    }
}
