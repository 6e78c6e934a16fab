package id.fleksi.dev;

import id.fleksi.FleksiApplication;
import id.fleksi.app.cli.FleksiCli;
import id.fleksi.app.cli.PlatformCommand;
import id.fleksi.app.settings.OperatorSettings;
import id.fleksi.dev.demo.DemoSeed;
import id.fleksi.devstack.PostgresServer;
import id.fleksi.platform.tenancy.Tenant;
import id.fleksi.platform.tenancy.TenantCode;
import id.fleksi.platform.tenancy.TenantRegistry;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code fleksi up}: PostgreSQL and Keycloak found or started, Fleksi served on 127.0.0.1:8080 (or
 * {@code FLEKSI_HTTP_PORT}), the demo seeded once, the URLs and logins printed. Ctrl-C stops everything it
 * started. With {@code --no-demo}, an empty instance: only a platform operator, ready for its first tenant;
 * the same variables that name it ({@code FLEKSI_DB_URL}, {@code FLEKSI_HTTP_PORT},
 * {@code FLEKSI_KEYCLOAK_PORT}) let a second instance run beside it.
 */
@Command(
        name = "up",
        mixinStandardHelpOptions = true,
        description = "Run Fleksi on this machine with the demo (sulbar, mateng), or empty with --no-demo.")
class UpCommand implements Callable<Integer> {

    /** What names an instance; printed so the operator's other commands act on this one. Never a password. */
    private static final List<String> INSTANCE_SETTINGS = List.of(
            "FLEKSI_DB_URL",
            "FLEKSI_DB_USER",
            "FLEKSI_HTTP_PORT",
            "FLEKSI_PUBLIC_URL",
            "FLEKSI_KEYCLOAK_URL",
            "FLEKSI_KEYCLOAK_PORT");

    @Option(names = "--no-demo", description = "Seed no demo: an empty instance with a platform operator.")
    boolean noDemo;

    @Override
    public Integer call() {
        if (OperatorSettings.PRODUCTION.equals(PostgresServer.setting(OperatorSettings.MODE))) {
            System.err.println(
                    "fleksi up runs Fleksi on a developer's machine (its own Keycloak with admin/admin, a demo);"
                            + " with FLEKSI_MODE=production, start Fleksi without a command (README.md, \"Running in production\").");
            return 2;
        }
        LocalServices services = LocalServices.prepare(true);
        Runtime.getRuntime().addShutdownHook(new Thread(services::stop, "fleksi-up-stop"));
        ConfigurableApplicationContext context =
                FleksiApplication.application().run(FleksiCli.asArguments(services.properties()));
        Environment env = context.getEnvironment();
        String base =
                "http://" + env.getProperty("server.address", "127.0.0.1") + ":" + env.getProperty("local.server.port");
        String stops = services.keycloak() != null ? " and the Keycloak it started" : "";
        if (noDemo) {
            printEmpty(
                    base,
                    services,
                    PlatformCommand.platformOperator(context, "operator"),
                    stops,
                    context.getBean(TenantRegistry.class).list());
        } else {
            context.getBean(DemoSeed.class).seed();
            printDemo(base, services, stops, context.getBean(TenantRegistry.class));
        }
        return FleksiCli.SERVING;
    }

    private static void printDemo(String base, LocalServices services, String stops, TenantRegistry registry) {
        System.out.printf(
                """

                Fleksi is up.
                  Mamuju Tengah (ASN):  %5$s
                  Sulawesi Barat:       %6$s
                  Platform console:     %1$s/platform/   user operator
                  Password for all:     %2$s
                  API document:         %1$s/v3/api-docs
                  Keycloak:             %3$s  (admin / admin, loopback only)
                Ctrl-C stops Fleksi%4$s.
                """,
                base,
                DemoSeed.PASSWORD,
                services.keycloakUrl(),
                stops,
                where(base, registry, "mateng"),
                where(base, registry, "sulbar"));
    }

    /** A demo tenant's address, or what became of it (handed over to its own server, suspended). */
    private static String where(String base, TenantRegistry registry, String code) {
        return registry.find(TenantCode.of(code))
                .map(tenant -> tenant.isActive()
                        ? base + "/t/" + code + "/   users admin, atasan, asn"
                        : "not served here (" + tenant.status().words() + "; see ./fleksi tenant show " + code + ")")
                .orElse("not here");
    }

    private static void printEmpty(
            String base, LocalServices services, String operatorPassword, String stops, List<Tenant> tenants) {
        String login = operatorPassword == null
                ? "your platform operators"
                : "user operator, one-time password " + operatorPassword + " (shown once)";
        if (!tenants.isEmpty()) {
            System.out.printf(
                    """

                    Fleksi is up, with no demo.
                      Platform console:  %1$s/platform/   %2$s
                      Tenants:           %3$s
                      API document:      %1$s/v3/api-docs
                      Keycloak:          %4$s  (admin / admin, loopback only)
                    Ctrl-C stops Fleksi%5$s.
                    """,
                    base,
                    login,
                    tenants.stream()
                                    .map(t -> t.code() + " (" + t.status().words() + ")")
                                    .collect(Collectors.joining(", "))
                            + ", at " + base + "/t/CODE/",
                    services.keycloakUrl(),
                    stops);
            return;
        }
        String instance = INSTANCE_SETTINGS.stream()
                .filter(name -> PostgresServer.setting(name) != null)
                .map(name -> name + "=" + shellWord(withoutPassword(PostgresServer.setting(name))))
                .collect(Collectors.joining(" "));
        String prefix = instance.isEmpty()
                ? ""
                : "export " + instance
                        + (PostgresServer.setting("FLEKSI_DB_PASSWORD") != null ? " FLEKSI_DB_PASSWORD=..." : "")
                        + "\n  ";
        System.out.printf(
                """

                Fleksi is up, with no demo.
                  Platform console:  %1$s/platform/   %2$s
                  API document:      %1$s/v3/api-docs
                  Keycloak:          %3$s  (admin / admin, loopback only)
                  Database:          %4$s
                The first tenant, on the console or from another terminal acting on this instance:
                  %5$s./fleksi tenant create --code sulbar --name "Provinsi Sulawesi Barat" --kind PROVINCE --region 76
                  (a kabupaten or kota serving itself: --kind KABUPATEN or KOTA, no --parent), then its organisation:
                  ./fleksi import units|employees --tenant CODE FILE.xlsx
                or one moved here from another Fleksi, with the public key its operator sent:
                  ./fleksi tenant import BUNDLE --signed-by THEIR-KEY.pem
                Ctrl-C stops Fleksi%6$s.
                """, base, login, services.keycloakUrl(), withoutPassword(services.databaseUrl()), prefix, stops);
    }

    /** As the shell reads it back: quoted when it holds more than a URL's plain characters ({@code &}, say). */
    private static String shellWord(String value) {
        return value.matches("[A-Za-z0-9_:/.@%+=,-]*") ? value : "'" + value.replace("'", "'\\''") + "'";
    }

    /** A password given as a URL parameter is not printed. */
    private static String withoutPassword(String value) {
        return value.replaceAll("(?i)(password=)[^&]*", "$1...");
    }
}
