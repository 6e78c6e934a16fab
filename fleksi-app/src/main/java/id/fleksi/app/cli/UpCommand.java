package id.fleksi.app.cli;

import java.util.concurrent.Callable;

import id.fleksi.FleksiApplication;
import id.fleksi.app.demo.DemoSeed;
import id.fleksi.app.devstack.LocalServices;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

import picocli.CommandLine.Command;

/**
 * {@code fleksi up}: PostgreSQL and Keycloak found or started, Fleksi served on 127.0.0.1:8080, the demo
 * seeded once, the URLs and logins printed. Ctrl-C stops everything it started.
 */
@Command(name = "up", description = "Run Fleksi on this machine with the demo (sulbar, mateng).")
class UpCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        LocalServices services = LocalServices.prepare(true);
        Runtime.getRuntime().addShutdownHook(new Thread(services::stop, "fleksi-up-stop"));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(FleksiApplication.class)
                .run(FleksiCli.asArguments(java.util.List.of("spring.datasource.url=" + services.databaseUrl(),
                        "fleksi.identity.keycloak-url=" + services.keycloakUrl())));
        context.getBean(DemoSeed.class).seed();
        Environment env = context.getEnvironment();
        String base = "http://" + env.getProperty("server.address", "127.0.0.1") + ":" + env.getProperty("local.server.port");
        System.out.printf("""

                Fleksi is up.
                  Mamuju Tengah (ASN):  %1$s/t/mateng/   users admin, atasan, asn
                  Sulawesi Barat:       %1$s/t/sulbar/   users admin, atasan, asn
                  Platform console:     %1$s/platform/   user operator
                  Password for all:     %2$s
                  API document:         %1$s/v3/api-docs
                  Keycloak:             %3$s  (admin / admin, loopback only)
                Ctrl-C stops Fleksi%4$s.
                """, base, DemoSeed.PASSWORD, services.keycloakUrl(),
                services.keycloak() != null ? " and the Keycloak it started" : "");
        return FleksiCli.SERVING;
    }
}
