package id.fleksi.dev.bench;

import id.fleksi.platform.tenancy.RegionTimeZone;
import id.fleksi.platform.tenancy.TenantCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code fleksi bench-checkin}: serves Fleksi on a bench database and readies tenants for {@code bench/checkin}:
 * one tenant with many employees and a week of history, the same again with a year of history, and many tenants with a
 * few each, every employee with a realm user and a token. Writes the tokens, prints {@code ready <port>}, serves until
 * the stop file appears, then removes the realms it made.
 */
@Command(name = "bench-checkin", hidden = true, description = "Serve and set up tenants for bench/checkin.")
class CheckInBenchCommand implements Callable<Integer> {

    @Option(names = "--employees", defaultValue = "1000", description = "employees of the one-tenant run")
    int employees;

    @Option(names = "--tenants", defaultValue = "200", description = "tenants of the spread run")
    int tenants;

    @Option(
            names = "--history-days",
            defaultValue = "365",
            description = "days of history of the year tenant (the one tenant has a week); 0: no year tenant")
    int historyDays;

    @Option(
            names = "--dir",
            required = true,
            description = "where to write tokens-one.txt, tokens-year.txt and tokens-spread.txt; stop file: dir/stop")
    Path dir;

    @Override
    public Integer call() throws Exception {
        BenchTenants.whileServed((context, services, port, realms) -> {
            String run = UUID.randomUUID().toString().replace("-", "").substring(0, 5);
            long start = System.nanoTime();
            List<String[]> one = tenant(context, "bco" + run, employees, 7, realms);
            List<String[]> year =
                    historyDays > 0 ? tenant(context, "bcy" + run, employees, historyDays, realms) : List.of();
            List<String[]> spread = new ArrayList<>();
            for (int t = 0; t < tenants; t++) {
                spread.addAll(tenant(
                        context, "bcs" + run + "_" + t, Math.max(1, employees / Math.max(1, tenants)), 0, realms));
            }
            System.err.printf(
                    "set up %d + %d tenants in %d s%n",
                    historyDays > 0 ? 2 : 1, tenants, (System.nanoTime() - start) / 1_000_000_000);
            BenchTenants.write(dir.resolve("tokens-one.txt"), BenchTenants.tokens(services.keycloakUrl(), one));
            BenchTenants.write(dir.resolve("tokens-year.txt"), BenchTenants.tokens(services.keycloakUrl(), year));
            BenchTenants.write(dir.resolve("tokens-spread.txt"), BenchTenants.tokens(services.keycloakUrl(), spread));
            System.out.println("ready " + port);
            System.out.flush();
            while (!Files.exists(dir.resolve("stop"))) {
                Thread.sleep(500);
            }
        });
        return 0;
    }

    /**
     * A tenant of one unit and {@code count} employees with passwords, the attendance path alone; with {@code days} of
     * history ending yesterday ({@link BenchHistory}: check-ins and check-outs, absences, reports, audit rows). Every
     * check-in reads the employee's absences on its date and their check-ins of the day: an empty history once hid that
     * such a read scanned the whole table. Returns (code, username) of each employee.
     */
    private static List<String[]> tenant(
            ConfigurableApplicationContext context, String code, int count, int days, List<String> realms) {
        List<String> usernames = BenchTenants.onboard(context, code, count, 1, false, realms);
        if (days > 0) {
            TenantCode tenant = TenantCode.of(code);
            BenchHistory.write(
                    context.getBean(DataSource.class),
                    tenant.schemaName(),
                    days,
                    LocalDate.now(RegionTimeZone.WITA.zone()));
        }
        BenchTenants.passwords(context, TenantCode.of(code).realmName(), usernames);
        return usernames.stream().map(u -> new String[] {code, u}).toList();
    }
}
