package id.fleksi.dev.bench;

import id.fleksi.FleksiApplication;
import id.fleksi.app.cli.FleksiCli;
import id.fleksi.dev.LocalServices;
import id.fleksi.dev.loadtest.LoadTestRealms;
import id.fleksi.platform.modules.ModuleSwitches;
import id.fleksi.platform.organisation.EmployeeImport;
import id.fleksi.platform.organisation.Offices;
import id.fleksi.platform.organisation.OrgUnitRepository;
import id.fleksi.platform.organisation.Spreadsheet;
import id.fleksi.platform.organisation.UnitImport;
import id.fleksi.platform.tenancy.RegionTimeZone;
import id.fleksi.platform.tenancy.TenantCode;
import id.fleksi.platform.tenancy.TenantContext;
import id.fleksi.platform.tenancy.TenantKind;
import id.fleksi.provisioning.onboarding.NewTenant;
import id.fleksi.provisioning.onboarding.TenantOnboarding;
import id.fleksi.provisioning.realm.RealmProvisioner;
import id.fleksi.provisioning.realm.RealmUsers;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What the benchmarks over HTTP share ({@code bench-checkin}, {@code bench-history}): Fleksi served on a bench database
 * with the real Keycloak, tenants onboarded through the real onboarding with realm users, and the users' tokens.
 */
final class BenchTenants {

    static final String PASSWORD = "bench-password-1";
    static final String CLIENT = "fleksi-bench";
    static final double OFFICE_LAT = -1.7356;
    static final double OFFICE_LON = 119.5461;

    private BenchTenants() {}

    /** What a benchmark does while Fleksi is served; the realms of the tenants it makes go into {@code realms}. */
    interface WhileServed {
        void run(ConfigurableApplicationContext context, LocalServices services, int port, List<String> realms)
                throws Exception;
    }

    /**
     * Starts the local services (Keycloak if none answers) and Fleksi on a free port, runs {@code bench}, then deletes
     * the realms it made and stops what was started here.
     */
    static void whileServed(WhileServed bench) throws Exception {
        LocalServices services = LocalServices.prepare(true);
        int port = freePort();
        List<String> realms = new ArrayList<>();
        try (ConfigurableApplicationContext context = serve(services, port)) {
            try {
                bench.run(context, services, port, realms);
            } finally {
                RealmProvisioner provisioner = context.getBean(RealmProvisioner.class);
                realms.forEach(provisioner::deleteRealm);
            }
        } finally {
            services.stop();
        }
    }

    /** Fleksi on {@code port}, its jobs off, its rate limits out of the way, logging warnings only. */
    static ConfigurableApplicationContext serve(LocalServices services, int port) {
        return new SpringApplicationBuilder(FleksiApplication.class)
                .run(FleksiCli.asArguments(List.of(
                        "spring.datasource.url=" + services.databaseUrl(),
                        "fleksi.identity.keycloak-url=" + services.keycloakUrl(),
                        "server.port=" + port,
                        "fleksi.jobs.enabled=false",
                        "spring.main.banner-mode=off",
                        "logging.level.root=WARN",
                        // The benches send each token hundreds of requests to measure their cost, far past a person's
                        // rate limit (RateLimitTest measures those); the limits' own cost per request stays in.
                        "fleksi.rate-limit.per-user-burst=1000000000",
                        "fleksi.rate-limit.writes-per-user-burst=1000000000",
                        "fleksi.rate-limit.per-tenant-burst=1000000000",
                        "spring.datasource.hikari.maximum-pool-size=" + Integer.getInteger("bench.pool", 10))));
    }

    /**
     * A tenant with {@code units} units (each a dinas), an office for them all and {@code count} employees with realm
     * users, employee {@code i} in unit {@code i % units}; its realm readied for the password grant and added to
     * {@code realms}. Check-in and check-out are open all day. Without {@code reports}, the activity-report rule is off
     * (with evaluation, which needs it): the attendance path alone. Returns the usernames in order; no passwords yet.
     */
    static List<String> onboard(
            ConfigurableApplicationContext context,
            String code,
            int count,
            int units,
            boolean reports,
            List<String> realms) {
        TenantCode tenant = TenantCode.of(code);
        context.getBean(TenantOnboarding.class)
                .onboard(
                        new NewTenant(code, "Bench " + code, TenantKind.KABUPATEN, null, "76.06", RegionTimeZone.WITA));
        realms.add(tenant.realmName());
        LoadTestRealms.prepare(context, tenant.realmName(), CLIENT);
        ModuleSwitches switches = context.getBean(ModuleSwitches.class);
        if (!reports) {
            switches.change(tenant, "evaluation", false, Map.of(), "bench"); // needs activity reports
            switches.change(tenant, "activity-reports", false, Map.of(), "bench");
        }
        // The benchmark runs at any hour: the day open, not a new tenant's 06:00-12:00 and 14:00-18:00.
        switches.change(
                tenant,
                "attendance",
                null,
                Map.of("checkInWindow", "00:00-23:59", "checkOutWindow", "00:00-23:59"),
                "bench");
        StringBuilder unitRows = new StringBuilder("code,name,kind\n");
        for (int u = 0; u < units; u++) {
            unitRows.append(unitCode(u)).append(",Dinas Bench ").append(u + 1).append(",DINAS\n");
        }
        StringBuilder rows = new StringBuilder("nip,name,employment_type,unit_code\n");
        List<String> usernames = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String nip = nip(i);
            usernames.add(nip);
            rows.append(nip)
                    .append(",Pegawai ")
                    .append(i)
                    .append(",PNS,")
                    .append(unitCode(i % units))
                    .append('\n');
        }
        TenantContext.runAs(tenant, () -> {
            context.getBean(UnitImport.class).importUnits(sheet(unitRows), "bench");
            List<UUID> all = context.getBean(OrgUnitRepository.class).findAll().stream()
                    .map(unit -> unit.id())
                    .toList();
            context.getBean(Offices.class)
                    .add(new Offices.NewOffice("Kantor Bench", null, OFFICE_LAT, OFFICE_LON, 200, all), "bench");
            context.getBean(EmployeeImport.class).importEmployees(sheet(rows), "bench", line -> {});
        });
        return usernames;
    }

    /** The {@code i}th benchmark employee's NIP: valid (born 1980-01-01, appointed 2005 on), different for each. */
    static String nip(int i) {
        return String.format("19800101%04d%02d1%03d", 2005 + i / 12000, 1 + (i / 999) % 12, 1 + i % 999);
    }

    private static String unitCode(int unit) {
        return unit == 0 ? "BENCH" : String.format("BENCH%03d", unit);
    }

    /** Gives each of {@code usernames} the bench password, eight at a time. */
    static void passwords(ConfigurableApplicationContext context, String realm, List<String> usernames) {
        RealmUsers users = context.getBean(RealmUsers.class);
        parallel(usernames, username -> users.setPassword(realm, username, PASSWORD, false));
    }

    /** One line per employee (tenant code, username): tenant code, username, access token. */
    static List<String> tokens(String keycloak, List<String[]> employees) {
        HttpClient http = HttpClient.newHttpClient();
        Pattern token = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        parallel(employees, employee -> {
            String form = "grant_type=password&client_id=" + CLIENT + "&username="
                    + URLEncoder.encode(employee[1], StandardCharsets.UTF_8) + "&password="
                    + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8);
            HttpRequest request = HttpRequest.newBuilder(
                            URI.create(keycloak + "/realms/" + employee[0] + "/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form))
                    .build();
            try {
                String body =
                        http.send(request, HttpResponse.BodyHandlers.ofString()).body();
                Matcher found = token.matcher(body);
                if (!found.find()) {
                    throw new IllegalStateException("no token for " + employee[1] + " in " + employee[0] + ": " + body);
                }
                lines.add(employee[0] + " " + employee[1] + " " + found.group(1));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
        return lines;
    }

    static <T> void parallel(List<T> items, Consumer<T> work) {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> futures = items.stream()
                    .<Future<?>>map(item -> pool.submit(() -> work.accept(item)))
                    .toList();
            for (Future<?> future : futures) {
                future.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            pool.shutdown();
        }
    }

    static void write(Path file, List<String> lines) {
        try {
            Files.write(file, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Spreadsheet sheet(CharSequence csv) {
        try {
            return Spreadsheet.read(
                    new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)), "bench.csv");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
