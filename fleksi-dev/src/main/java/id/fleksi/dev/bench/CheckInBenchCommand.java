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
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code fleksi bench-checkin}: serves Fleksi on a bench database and readies tenants for {@code bench/checkin}:
 * one tenant with many employees, and many tenants with a few each, every employee with a realm user and a
 * token. Writes the tokens, prints {@code ready <port>}, serves until the stop file appears, then removes the
 * realms it made.
 */
@Command(name = "bench-checkin", hidden = true, description = "Serve and set up tenants for bench/checkin.")
class CheckInBenchCommand implements Callable<Integer> {

    static final String PASSWORD = "bench-password-1";
    static final String CLIENT = "fleksi-bench";
    static final double OFFICE_LAT = -1.7356;
    static final double OFFICE_LON = 119.5461;

    @Option(names = "--employees", defaultValue = "1000", description = "employees of the one-tenant run")
    int employees;

    @Option(names = "--tenants", defaultValue = "200", description = "tenants of the spread run")
    int tenants;

    @Option(
            names = "--dir",
            required = true,
            description = "where to write tokens-one.txt and tokens-spread.txt; stop file: dir/stop")
    Path dir;

    @Override
    public Integer call() throws Exception {
        LocalServices services = LocalServices.prepare(true);
        int port = freePort();
        List<String> realms = new ArrayList<>();
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(FleksiApplication.class)
                .run(FleksiCli.asArguments(List.of(
                        "spring.datasource.url=" + services.databaseUrl(),
                        "fleksi.identity.keycloak-url=" + services.keycloakUrl(),
                        "server.port=" + port,
                        "fleksi.jobs.enabled=false",
                        "spring.main.banner-mode=off",
                        "logging.level.root=WARN",
                        // The bench sends each token hundreds of check-outs to measure their cost, far past a person's
                        // rate limit (RateLimitTest measures those); the limits' own cost per request stays in.
                        "fleksi.rate-limit.per-user-burst=1000000000",
                        "fleksi.rate-limit.writes-per-user-burst=1000000000",
                        "fleksi.rate-limit.per-tenant-burst=1000000000",
                        "spring.datasource.hikari.maximum-pool-size=" + Integer.getInteger("bench.pool", 10))))) {
            String run = UUID.randomUUID().toString().replace("-", "").substring(0, 5);
            List<String[]> one = new ArrayList<>();
            List<String[]> spread = new ArrayList<>();
            try {
                long start = System.nanoTime();
                one.addAll(tenant(context, "bco" + run, employees, realms));
                for (int t = 0; t < tenants; t++) {
                    spread.addAll(tenant(
                            context, "bcs" + run + "_" + t, Math.max(1, employees / Math.max(1, tenants)), realms));
                }
                System.err.printf(
                        "set up %d + %d tenants in %d s%n", 1, tenants, (System.nanoTime() - start) / 1_000_000_000);
                write(dir.resolve("tokens-one.txt"), tokens(services.keycloakUrl(), one));
                write(dir.resolve("tokens-spread.txt"), tokens(services.keycloakUrl(), spread));
                System.out.println("ready " + port);
                System.out.flush();
                while (!Files.exists(dir.resolve("stop"))) {
                    Thread.sleep(500);
                }
            } finally {
                RealmProvisioner provisioner = context.getBean(RealmProvisioner.class);
                realms.forEach(provisioner::deleteRealm);
            }
        } finally {
            services.stop();
        }
        return 0;
    }

    /** A tenant with one unit, an office and {@code count} employees with realm users; returns (code, username). */
    private static List<String[]> tenant(
            ConfigurableApplicationContext context, String code, int count, List<String> realms) {
        TenantCode tenant = TenantCode.of(code);
        context.getBean(TenantOnboarding.class)
                .onboard(
                        new NewTenant(code, "Bench " + code, TenantKind.KABUPATEN, null, "76.06", RegionTimeZone.WITA));
        realms.add(tenant.realmName());
        LoadTestRealms.prepare(context, tenant.realmName(), CLIENT);
        // The attendance path alone: the activity-report rule would refuse check-outs of a day without a report.
        context.getBean(ModuleSwitches.class)
                .change(tenant, "evaluation", false, Map.of(), "bench"); // needs activity reports
        context.getBean(ModuleSwitches.class).change(tenant, "activity-reports", false, Map.of(), "bench");
        // The benchmark runs at any hour: the day open, not a new tenant's 06:00-12:00 and 14:00-18:00.
        context.getBean(ModuleSwitches.class)
                .change(
                        tenant,
                        "attendance",
                        null,
                        Map.of("checkInWindow", "00:00-23:59", "checkOutWindow", "00:00-23:59"),
                        "bench");
        StringBuilder rows = new StringBuilder("nip,name,employment_type,unit_code\n");
        List<String> usernames = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String nip = String.format("19800101%04d%02d1%03d", 2005 + i / 12000, 1 + (i / 999) % 12, 1 + i % 999);
            usernames.add(nip);
            rows.append(nip).append(",Pegawai ").append(i).append(",PNS,BENCH\n");
        }
        TenantContext.runAs(tenant, () -> {
            context.getBean(UnitImport.class).importUnits(sheet("code,name,kind\nBENCH,Dinas Bench,DINAS\n"), "bench");
            UUID unit =
                    context.getBean(OrgUnitRepository.class).findAll().get(0).id();
            context.getBean(Offices.class)
                    .add(
                            new Offices.NewOffice("Kantor Bench", null, OFFICE_LAT, OFFICE_LON, 200, List.of(unit)),
                            "bench");
            context.getBean(EmployeeImport.class).importEmployees(sheet(rows), "bench", line -> {});
        });
        // A year's history of approved absences, 20 a head and none today: every check-in reads the employee's absences
        // on
        // its date, and an empty table hid that this read once scanned the whole table.
        context.getBean(JdbcClient.class)
                .sql("insert into " + tenant.schemaName() + ".attendance_absence (id, employee_id, kind,"
                        + " from_date, to_date, reason, status, created_at) select gen_random_uuid(), e.id, 'SAKIT', current_date - 365 + g * 17,"
                        + " current_date - 365 + g * 17, 'bench', 'APPROVED', now() from " + tenant.schemaName()
                        + ".employee e,"
                        + " generate_series(0, 19) g")
                .update();
        RealmUsers users = context.getBean(RealmUsers.class);
        parallel(usernames, username -> users.setPassword(tenant.realmName(), username, PASSWORD, false));
        return usernames.stream().map(u -> new String[] {code, u}).toList();
    }

    /** One line per employee: tenant code, username, access token. */
    private static List<String> tokens(String keycloak, List<String[]> employees) {
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

    private static <T> void parallel(List<T> items, java.util.function.Consumer<T> work) {
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

    private static void write(Path file, List<String> lines) {
        try {
            Files.write(file, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Spreadsheet sheet(CharSequence csv) {
        try {
            return Spreadsheet.read(
                    new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)), "bench.csv");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
