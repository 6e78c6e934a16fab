package id.fleksi.dev.bench;

import id.fleksi.platform.modules.ModuleSwitches;
import id.fleksi.platform.security.Role;
import id.fleksi.platform.tenancy.RegionTimeZone;
import id.fleksi.platform.tenancy.TenantCode;
import id.fleksi.provisioning.realm.KeycloakAdmin;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.keycloak.admin.client.resource.RealmResource;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code fleksi bench-history}: what an ASN and a supervisor call every day, over HTTP with real tokens, on a tenant with
 * a year of history beside one of the same size with a week, in turns in the same run (issue 21, item 1). Both tenants
 * have {@code --employees} employees in teams of {@code --team} (the first of each team heads its unit and supervises
 * the others), the history of {@link BenchHistory}, today so far, and a report for today (so a check-out is accepted).
 * Prints each call's p50 and p95 on both and their ratio; last line {@code history_growth_max=} (the largest ratio).
 */
@Command(
        name = "bench-history",
        hidden = true,
        description = "Time the ASN's and the supervisor's calls with a year of history beside a week (bench/history).")
class HistoryBenchCommand implements Callable<Integer> {

    @Option(names = "--employees", defaultValue = "1000", description = "employees of each tenant")
    int employees;

    @Option(names = "--team", defaultValue = "20", description = "employees of each unit, its head included")
    int team;

    @Option(names = "--days", defaultValue = "365", description = "days of history of the first tenant")
    int days;

    @Option(names = "--short-days", defaultValue = "7", description = "days of history of the second")
    int shortDays;

    @Option(names = "--sample", defaultValue = "30", description = "ASN and supervisors of each tenant who call")
    int sample;

    @Option(names = "--calls", defaultValue = "60", description = "warm calls of each kind on each tenant")
    int calls;

    @Override
    public Integer call() throws Exception {
        BenchTenants.whileServed((context, services, port, realms) -> {
            String run = UUID.randomUUID().toString().replace("-", "").substring(0, 5);
            List<HistoryCalls> tenants = new ArrayList<>();
            for (int history : List.of(days, shortDays)) {
                long start = System.nanoTime();
                String code = (history == days ? "bhy" : "bhw") + run;
                tenants.add(tenant(context, services.keycloakUrl(), port, code, history, realms));
                System.out.printf(
                        "setup tenant=%s employees=%d history_days=%d s=%d%n",
                        code, employees, history, (System.nanoTime() - start) / 1_000_000_000);
                System.out.flush();
            }
            measure(tenants);
        });
        return 0;
    }

    private HistoryCalls tenant(
            ConfigurableApplicationContext context,
            String keycloakUrl,
            int port,
            String code,
            int history,
            List<String> realms) {
        TenantCode tenant = TenantCode.of(code);
        String s = tenant.schemaName();
        List<String> usernames =
                BenchTenants.onboard(context, code, employees, Math.max(1, employees / team), true, realms);
        context.getBean(ModuleSwitches.class).change(tenant, "fwa", true, Map.of(), "bench");
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        BenchPeople.heads(jdbc, s); // usernames are the NIPs here
        BenchPeople.supervisedByHeads(jdbc, s);
        List<String> heads = jdbc.sql("select e.username from " + s + ".org_unit u join " + s
                        + ".employee e on e.id = u.head_employee_id order by u.code")
                .query(String.class)
                .list();
        List<String> supervisors = spread(heads, sample);
        RealmResource realm = context.getBean(KeycloakAdmin.class).client().realm(tenant.realmName());
        var atasan = realm.roles().get(Role.ATASAN.realmRole()).toRepresentation();
        BenchTenants.parallel(supervisors, head -> {
            String id = realm.users().searchByUsername(head, true).get(0).getId();
            realm.users().get(id).roles().realmLevel().add(List.of(atasan));
        });

        DataSource dataSource = context.getBean(DataSource.class);
        LocalDate today = LocalDate.now(RegionTimeZone.WITA.zone());
        BenchHistory.write(dataSource, s, history, today);
        BenchHistory.today(dataSource, s, today, history);
        // The ASN who call have checked in today (a check-out needs it), and are not heads of a unit.
        List<String> checkedIn = jdbc.sql("select e.username from " + s + ".employee e join " + s
                        + ".attendance_check_in c on c.employee_id = e.id and c.work_date = ? and c.kind = 'IN'")
                .param(today)
                .query(String.class)
                .list();
        List<String> asn = spread(
                usernames.stream()
                        .filter(u -> !heads.contains(u) && checkedIn.contains(u))
                        .toList(),
                sample);
        // Everyone has reported today (a check-out needs it): one activity each, for their supervisor's queue.
        jdbc.sql("insert into " + s + ".report_day (id, employee_id, work_date, status, non_compliant) select"
                        + " gen_random_uuid(), id, ?, 'PENDING', false from " + s + ".employee")
                .param(today)
                .update();
        jdbc.sql("insert into " + s + ".report_activity (id, day_id, description, quantity, unit, minutes, created_at)"
                        + " select gen_random_uuid(), d.id, 'Menyusun laporan harian', 1, 'kegiatan', 60, now() from "
                        + s + ".report_day d where d.work_date = ?")
                .param(today)
                .update();
        jdbc.sql("vacuum analyze").update();

        List<String> callers = new ArrayList<>(asn);
        callers.addAll(supervisors);
        BenchTenants.passwords(context, tenant.realmName(), callers);
        List<String[]> who = callers.stream().map(u -> new String[] {code, u}).toList();
        return HistoryCalls.of(
                "http://127.0.0.1:" + port, code, today, BenchTenants.tokens(keycloakUrl, who), asn, supervisors);
    }

    /** {@code count} of {@code all}, evenly spread over it (all of it when it has fewer). */
    private static List<String> spread(List<String> all, int count) {
        if (all.size() <= count) {
            return all;
        }
        List<String> some = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            some.add(all.get(i * all.size() / count));
        }
        return some;
    }

    private void measure(List<HistoryCalls> tenants) {
        LocalDate today = tenants.get(0).today();
        YearMonth month = YearMonth.from(today);
        List<String> names = HistoryCalls.NAMES;
        List<List<Supplier<Object>>> series = new ArrayList<>();
        for (HistoryCalls tenant : tenants) {
            series.add(tenant.calls(month));
        }
        System.out.printf(
                "today=%s month=%s calls=%d (p50 and p95 over the warm calls, the two tenants in turns)%n",
                today, month, calls);
        List<List<Timing>> timings = Timing.inTurns(series, calls);
        double worst = 0;
        String worstName = "";
        for (int c = 0; c < names.size(); c++) {
            Timing year = timings.get(0).get(c);
            Timing week = timings.get(1).get(c);
            double growth = year.at(50) / week.at(50);
            if (growth > worst) {
                worst = growth;
                worstName = names.get(c);
            }
            System.out.printf(
                    "%s: year p50_ms=%.2f p95_ms=%.2f | week p50_ms=%.2f p95_ms=%.2f | growth=%.2f | bytes year=%d"
                            + " week=%d%n",
                    names.get(c),
                    year.at(50),
                    year.at(95),
                    week.at(50),
                    week.at(95),
                    growth,
                    tenants.get(0).lastBytes(c),
                    tenants.get(1).lastBytes(c));
        }
        System.out.printf(
                "history_growth_max=%.2f (%s; each call's p50 with %d days of history / with %d; 1.00: history costs"
                        + " nothing)%n",
                worst, worstName, days, shortDays);
    }
}
