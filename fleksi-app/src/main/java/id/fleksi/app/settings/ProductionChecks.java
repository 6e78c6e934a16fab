package id.fleksi.app.settings;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * In production mode, Fleksi starts only with every required setting given and no published default as a secret;
 * otherwise it stops before any bean is made (no connection opened, no realm touched) with one message listing every
 * problem, each naming its variable. Development mode (a laptop, {@code ./fleksi up}) is not checked.
 *
 * <p>Run as a bean factory post-processor: after every source of settings is in place (the tests' too), before anything
 * uses them.
 */
@Component
class ProductionChecks implements BeanFactoryPostProcessor {

    /** Passwords published with Keycloak, PostgreSQL images, the demo, and tutorials: never a production secret. */
    static final Set<String> DEFAULT_PASSWORDS =
            Set.of("admin", "postgres", "password", "fleksi", "fleksi-demo", "changeme", "secret", "keycloak");

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        Environment environment = beanFactory.getBean(Environment.class);
        if (!environment.acceptsProfiles(Profiles.of(OperatorSettings.PRODUCTION))) {
            return;
        }
        List<String> problems = problems(environment);
        if (!problems.isEmpty()) {
            throw new SettingsRefused(
                    "Fleksi runs in production mode (" + OperatorSettings.MODE + "=production) and will not"
                            + " start: " + problems.size() + (problems.size() == 1 ? " setting" : " settings")
                            + " to fix",
                    problems);
        }
    }

    /** Every problem of these settings for production, each naming the variable to set; empty when there is none. */
    static List<String> problems(Environment env) {
        List<String> problems = new ArrayList<>();
        String dbUrl = env.getProperty("spring.datasource.url");
        if (blank(dbUrl)) {
            problems.add("FLEKSI_DB_URL is not set: the PostgreSQL database, jdbc:postgresql://HOST:5432/DATABASE");
        }
        String dbPassword = env.getProperty("spring.datasource.password");
        boolean passwordInUrl = dbUrl != null && dbUrl.toLowerCase(Locale.ROOT).matches(".*[?&]password=[^&]+.*");
        if (blank(dbPassword) && !passwordInUrl) {
            problems.add("FLEKSI_DB_PASSWORD is not set: the database user's password (or FLEKSI_DB_PASSWORD_FILE)");
        } else if (isDefault(dbPassword)) {
            problems.add("FLEKSI_DB_PASSWORD is a published default password ('" + dbPassword + "'); choose another");
        }

        String keycloak = env.getProperty("fleksi.identity.keycloak-url");
        if (blank(keycloak)) {
            problems.add("FLEKSI_KEYCLOAK_URL is not set: Keycloak's public address, as browsers and tokens name it");
        } else {
            requireTls(problems, "FLEKSI_KEYCLOAK_URL", keycloak);
        }
        String publicUrl = env.getProperty("fleksi.keycloak-admin.public-web-url");
        if (blank(publicUrl)) {
            problems.add("FLEKSI_PUBLIC_URL is not set: Fleksi's public address, https://... as users reach it");
        } else {
            requireTls(problems, "FLEKSI_PUBLIC_URL", publicUrl);
        }

        if (blank(env.getProperty("fleksi.keycloak-admin.client-secret"))) {
            String admin = env.getProperty("fleksi.keycloak-admin.username");
            String password = env.getProperty("fleksi.keycloak-admin.password");
            if (blank(admin)) {
                problems.add("FLEKSI_KEYCLOAK_ADMIN is not set: the Keycloak admin Fleksi provisions realms as"
                        + " (or, better, FLEKSI_KEYCLOAK_ADMIN_CLIENT_SECRET for a service-account client)");
            }
            if (blank(password)) {
                problems.add(
                        "FLEKSI_KEYCLOAK_ADMIN_PASSWORD is not set: that admin's password (or FLEKSI_KEYCLOAK_ADMIN_CLIENT_SECRET)");
            } else if (isDefault(password) || password.equals(admin)) {
                problems.add("FLEKSI_KEYCLOAK_ADMIN_PASSWORD is a default password (Keycloak's "
                        + (admin == null ? "" : admin) + "/" + password
                        + "): change it in Keycloak, then here, or use FLEKSI_KEYCLOAK_ADMIN_CLIENT_SECRET");
            }
        } else if (isDefault(env.getProperty("fleksi.keycloak-admin.client-secret"))) {
            problems.add(
                    "FLEKSI_KEYCLOAK_ADMIN_CLIENT_SECRET is a published default; use the secret Keycloak generated");
        }

        if (!blank(env.getProperty("fleksi.keycloak-database.url"))) {
            String password = env.getProperty("fleksi.keycloak-database.password");
            if (blank(password)) {
                problems.add(
                        "FLEKSI_KEYCLOAK_DB_PASSWORD is not set, while FLEKSI_KEYCLOAK_DB_URL is: the read-only login's password");
            } else if (isDefault(password)) {
                problems.add("FLEKSI_KEYCLOAK_DB_PASSWORD is a published default password ('" + password
                        + "'); choose another");
            }
        }
        String passphrase = env.getProperty("FLEKSI_BUNDLE_PASSPHRASE");
        if (!blank(passphrase) && isDefault(passphrase)) {
            problems.add("FLEKSI_BUNDLE_PASSPHRASE is a published default ('" + passphrase + "'); choose another");
        }
        if (env.getProperty("fleksi.demo.seed", Boolean.class, false)) {
            problems.add(
                    "FLEKSI_DEMO=true: the demo's users share the published password 'fleksi-demo'; leave it unset");
        }
        if (!ManagementEndpoints.separatePort(env)) {
            problems.add(
                    "FLEKSI_MANAGEMENT_PORT must differ from FLEKSI_HTTP_PORT: the metrics and health endpoints stay off"
                            + " the public port");
        }
        return problems;
    }

    /** Plain http only to this machine (a proxy on the same host); anything else goes over TLS. */
    private static void requireTls(List<String> problems, String name, String url) {
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            problems.add(name + "=" + url + " is not an address (https://host[:port])");
            return;
        }
        if (uri.getHost() == null || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
            problems.add(name + "=" + url + " is not an address (https://host[:port])");
        } else if ("http".equals(uri.getScheme()) && !isLoopback(uri.getHost())) {
            problems.add(name + "=" + url + " is plain http: give the https:// address the TLS proxy in front serves");
        }
    }

    private static boolean isLoopback(String host) {
        return host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]");
    }

    private static boolean isDefault(@Nullable String secret) {
        return secret != null && DEFAULT_PASSWORDS.contains(secret.strip().toLowerCase(Locale.ROOT));
    }

    private static boolean blank(@Nullable String value) {
        return value == null || value.isBlank();
    }
}
