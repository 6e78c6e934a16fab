package id.fleksi.dev.bench;

import id.fleksi.app.cli.FleksiCli;
import id.fleksi.modules.monitoring.LiveView;
import id.fleksi.modules.monitoring.MonitoringModule;
import id.fleksi.platform.figures.DayChanged;
import id.fleksi.platform.migration.PlatformSchema;
import id.fleksi.platform.migration.TenantMigrator;
import id.fleksi.platform.security.Caller;
import id.fleksi.platform.tenancy.Tenant;
import id.fleksi.platform.tenancy.TenantCode;
import id.fleksi.platform.tenancy.TenantContext;
import id.fleksi.platform.tenancy.TenantKind;
import id.fleksi.platform.tenancy.TenantRegistry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code fleksi bench-monitoring}: the whole-pemda live view and the province's view of its kabupaten, cold and warm,
 * beside a query that only counts today's check-ins, in the same run. A province with {@code --kabupaten} kabupaten of
 * {@code --employees} employees each in {@code --opd} OPD (every fourth with three bidang, the first bidang with two
 * seksi); the first kabupaten has {@code --days} of history, the others {@code --short-days}, so the first two compare
 * a year with a week on the same size. Needs no Keycloak: the tenants are registered and migrated directly, their people
 * written in SQL, as {@code bench-fwa} does. Drops every schema and registry row it made.
 */
@Command(
        name = "bench-monitoring",
        hidden = true,
        description = "Time the live view and the province's view (see bench/monitoring).")
class MonitoringBenchCommand implements Callable<Integer> {

    @Option(names = "--employees", defaultValue = "10000", description = "employees of each kabupaten")
    int employees;

    @Option(names = "--opd", defaultValue = "40")
    int opd;

    @Option(
            names = "--days",
            defaultValue = "365",
            description = "days of history of the first kabupaten, ending yesterday")
    int days;

    @Option(names = "--short-days", defaultValue = "7", description = "days of history of the others")
    int shortDays;

    @Option(names = "--kabupaten", defaultValue = "6", description = "kabupaten of the province (at least 2)")
    int kabupaten;

    @Option(names = "--calls", defaultValue = "50", description = "warm calls of each view")
    int calls;

    @Option(
            names = "--hold",
            description = "after measuring, print the schemas and wait for this file before dropping them")
    java.nio.file.Path hold;

    @Option(
            names = "--on",
            description = "measure again on the tenants a held run made (its province's code), writing and dropping"
                    + " nothing: another build, the same data")
    String on;

    /** A leader (pimpinan) of any tenant, who sees the whole pemda; {@code bench-bigtenant} calls as them too. */
    static final Caller LEADER =
            new Caller("bench", "bench-pimpinan", "bench-pimpinan", Set.of(MonitoringModule.LEADER));

    @Override
    public Integer call() {
        return FleksiCli.withContext(false, context -> {
            context.getBean(PlatformSchema.class).migrate();
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            TenantRegistry registry = context.getBean(TenantRegistry.class);
            if (on != null) {
                TenantCode held = TenantCode.of(on);
                List<TenantCode> children = registry.list().stream()
                        .filter(t -> held.equals(t.parent()))
                        .map(Tenant::code)
                        .sorted(java.util.Comparator.comparing(TenantCode::value))
                        .toList();
                measure(context, jdbc, registry, held, children);
                return 0;
            }
            String run = UUID.randomUUID().toString().replace("-", "").substring(0, 5);
            TenantCode province = TenantCode.of("bmprov" + run);
            List<TenantCode> kabs = new ArrayList<>();
            try {
                register(registry, province, "Provinsi Bench", TenantKind.PROVINCE, null);
                for (int k = 0; k < Math.max(2, kabupaten); k++) {
                    TenantCode code = TenantCode.of("bmkab" + run + "_" + k);
                    kabs.add(code);
                    int history = k == 0 ? days : shortDays;
                    long start = System.nanoTime();
                    register(registry, code, "Kabupaten Bench " + (k + 1), TenantKind.KABUPATEN, province);
                    context.getBean(TenantMigrator.class).migrate(code);
                    people(jdbc, code.schemaName());
                    LocalDate today = today(registry.require(code));
                    long rows =
                            BenchHistory.write(context.getBean(DataSource.class), code.schemaName(), history, today);
                    BenchHistory.today(context.getBean(DataSource.class), code.schemaName(), today, history);
                    System.out.printf(
                            "setup kabupaten=%d employees=%d history_days=%d rows=%d check_ins=%d ms=%d%n",
                            k + 1,
                            employees,
                            history,
                            rows,
                            count(jdbc, code.schemaName() + ".attendance_check_in", null),
                            Timings.millisSince(start));
                    System.out.flush();
                }
                measure(context, jdbc, registry, province, kabs);
                if (hold != null) {
                    System.out.println("holding schemas="
                            + kabs.stream().map(TenantCode::schemaName).toList() + " until " + hold);
                    System.out.flush();
                    while (!java.nio.file.Files.exists(hold)) {
                        Thread.sleep(1000);
                    }
                }
                return 0;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            } finally {
                kabs.add(province);
                kabs.forEach(code -> BenchPeople.remove(jdbc, code));
            }
        });
    }

    private void measure(
            ConfigurableApplicationContext context,
            JdbcClient jdbc,
            TenantRegistry registry,
            TenantCode provinceCode,
            List<TenantCode> kabs) {
        LiveView live = context.getBean(LiveView.class);
        Tenant year = registry.require(kabs.get(0));
        Tenant week = registry.require(kabs.get(1));
        LocalDate today = today(year);
        System.out.printf(
                "today=%s calls=%d (warm figures: p50 and p95 over the calls after the first)%n", today, calls);

        // The first call of each tenant is its cold figure (the year's is also the JVM's first): a count of the day.
        // Then the warm calls take turns, year then week: a recount (the tenant's picture dropped first, as a check-in
        // recorded here drops it, so the call counts the day again: what each tick of the live streams costs), a
        // served call (the picture just counted is fresh: what a caller waits for), and the count query, so that all
        // three see the same JIT and the same load on a shared machine.
        MeterRegistry meters = context.getBean(MeterRegistry.class);
        List<List<Supplier<Object>>> series = new ArrayList<>();
        for (Tenant tenant : List.of(year, week)) {
            String table = tenant.schemaName() + ".attendance_check_in";
            Supplier<Object> served = () -> TenantContext.callAs(tenant.code(), () -> live.today(tenant, LEADER, null));
            Supplier<Object> recount = () -> {
                context.publishEvent(new DayChanged(tenant.code()));
                return served.get();
            };
            series.add(List.of(recount, served, () -> count(jdbc, table, today)));
        }
        double[] countedBefore = {counted(meters, year), counted(meters, week)};
        List<List<Timing>> timings = Timing.inTurns(series, calls);
        Timing yearRecount = timings.get(0).get(0);
        Timing weekRecount = timings.get(1).get(0);
        Timing yearServed = timings.get(0).get(1);
        Timing weekServed = timings.get(1).get(1);
        Timing yearCount = timings.get(0).get(2);
        Timing weekCount = timings.get(1).get(2);
        // One count for the cold call, one per recount; a served call that had to count would show here as more.
        System.out.printf(
                "counts_of_the_day: year=%.0f week=%.0f (expected %d each: the cold call and %d recounts)%n",
                counted(meters, year) - countedBefore[0], counted(meters, week) - countedBefore[1], calls + 1, calls);
        for (int t = 0; t < 2; t++) {
            LiveView.View shown = (LiveView.View) series.get(t).get(1).get();
            List<Timing> timing = timings.get(t);
            System.out.printf(
                    "live_view_%s: history_days=%d units_shown=%d expected=%d checked_in=%d cold_ms=%.1f"
                            + " | recount: p50_ms=%.1f p95_ms=%.1f | served: p50_ms=%.3f p95_ms=%.3f"
                            + " | count_query: result=%d cold_ms=%.1f p50_ms=%.2f p95_ms=%.2f%n",
                    t == 0 ? "year" : "week",
                    t == 0 ? days : shortDays,
                    shown.units().size(),
                    shown.total().expected(),
                    shown.total().checkedIn(),
                    timing.get(0).cold(),
                    timing.get(0).at(50),
                    timing.get(0).at(95),
                    timing.get(1).at(50),
                    timing.get(1).at(95),
                    (Long) series.get(t).get(2).get(),
                    timing.get(2).cold(),
                    timing.get(2).at(50),
                    timing.get(2).at(95));
        }

        ProvinceBench.Figures province =
                ProvinceBench.measure(context, jdbc, registry.require(provinceCode), kabs, today, LEADER, calls);

        System.out.printf(
                "history_growth=%.2f (live view's recount p50, %d days of history / %d days; 1.00: history costs"
                        + " nothing)%n",
                yearRecount.at(50) / weekRecount.at(50), days, shortDays);
        System.out.printf("history_growth_served=%.2f%n", yearServed.at(50) / weekServed.at(50));
        System.out.printf(
                "dashboard_week_ratio=%.2f dashboard_week_recount_ratio=%.2f%n",
                weekServed.at(50) / weekCount.at(50), weekRecount.at(50) / weekCount.at(50));
        System.out.printf(
                "dashboard_p95_ms=%.3f dashboard_recount_p95_ms=%.1f province_p95_ms=%.3f province_recount_p95_ms=%.1f%n",
                yearServed.at(95),
                yearRecount.at(95),
                province.served().at(95),
                province.recount().at(95));
        System.out.printf(
                "province_recount_ratio=%.2f (the province's recount p50 / its count query's p50)%n",
                province.recount().at(50) / province.count().at(50));
        System.out.printf(
                "province_ratio=%.2f (target <= 5; the province's served p50 / its count query's p50)%n",
                province.served().at(50) / province.count().at(50));
        System.out.printf(
                "dashboard_recount_ratio=%.2f (the year tenant's recount p50 / its count query's p50)%n",
                yearRecount.at(50) / yearCount.at(50));
        System.out.printf(
                "dashboard_ratio=%.2f (target <= 5; the year tenant's served p50 / its count query's p50)%n",
                yearServed.at(50) / yearCount.at(50));
    }

    private static double counted(MeterRegistry meters, Tenant tenant) {
        Counter counter = meters.find(LiveView.COUNTED)
                .tag("tenant", tenant.code().value())
                .counter();
        return counter == null ? 0 : counter.count();
    }

    /** The OPD (every fourth with three bidang, the first bidang of those with two seksi), an office, the employees. */
    private void people(JdbcClient jdbc, String s) {
        BenchPeople.write(jdbc, s, opd, employees);
    }

    private static long count(JdbcClient jdbc, String table, LocalDate day) {
        return day == null
                ? jdbc.sql("select count(*) from " + table).query(Long.class).single()
                : jdbc.sql("select count(*) from " + table + " where work_date = ?")
                        .param(day)
                        .query(Long.class)
                        .single();
    }

    private static void register(
            TenantRegistry registry, TenantCode code, String name, TenantKind kind, TenantCode parent) {
        BenchPeople.register(registry, code, name, kind, parent);
    }

    private static LocalDate today(Tenant tenant) {
        return LocalDate.now(tenant.timeZone().zone());
    }
}
