package id.fleksi.dev.bench;

import id.fleksi.app.cli.FleksiCli;
import id.fleksi.modules.fwa.WorkModes;
import id.fleksi.modules.monitoring.LiveView;
import id.fleksi.platform.figures.DayChanged;
import id.fleksi.platform.migration.PlatformSchema;
import id.fleksi.platform.migration.TenantMigrator;
import id.fleksi.platform.modules.ModuleCatalog;
import id.fleksi.platform.modules.ModuleSwitches;
import id.fleksi.platform.modules.ScheduledJob;
import id.fleksi.platform.tenancy.Tenant;
import id.fleksi.platform.tenancy.TenantCode;
import id.fleksi.platform.tenancy.TenantContext;
import id.fleksi.platform.tenancy.TenantKind;
import id.fleksi.platform.tenancy.TenantRegistry;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code fleksi bench-bigtenant}: one tenant of {@code --employees} employees (a large province) in {@code --opd} OPD,
 * with {@code --days} of history: the FWA answers of everyone for the month, a whole OPD's FWA preview for the month,
 * the whole tenant's live view, and the nightly jobs (early warning, location retention), each timed with the heap it
 * took ({@link HeapWatch}: the most it held, and the most that survived a collection) and beside a plain SQL statement
 * over the same rows. Needs no Keycloak (bench/import measures the import with realm users); drops what it made.
 */
@Command(
        name = "bench-bigtenant",
        hidden = true,
        description = "Time a big tenant's month-wide calls and nightly jobs, with their heap (see bench/bigtenant).")
class BigTenantBenchCommand implements Callable<Integer> {

    @Option(names = "--employees", defaultValue = "50000")
    int employees;

    @Option(names = "--opd", defaultValue = "200")
    int opd;

    @Option(names = "--days", defaultValue = "30", description = "days of history, ending yesterday")
    int days;

    @Override
    public Integer call() {
        return FleksiCli.withContext(false, context -> {
            context.getBean(PlatformSchema.class).migrate();
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            TenantRegistry registry = context.getBean(TenantRegistry.class);
            TenantCode code = TenantCode.of(
                    "bigt" + UUID.randomUUID().toString().replace("-", "").substring(0, 6));
            try {
                long start = System.nanoTime();
                BenchPeople.register(registry, code, "Provinsi Bench Besar", TenantKind.PROVINCE, null);
                context.getBean(TenantMigrator.class).migrate(code);
                context.getBean(ModuleSwitches.class).change(code, "fwa", true, Map.of(), "bench");
                String s = code.schemaName();
                BenchPeople.write(jdbc, s, opd, employees);
                BenchPeople.supervisedByHeads(jdbc, s);
                Tenant tenant = registry.require(code);
                LocalDate today = LocalDate.now(tenant.timeZone().zone());
                DataSource dataSource = context.getBean(DataSource.class);
                long rows = BenchHistory.write(dataSource, s, days, today);
                BenchHistory.today(dataSource, s, today, days);
                System.out.printf(
                        "setup employees=%d opd=%d history_days=%d rows=%d s=%d%n",
                        employees, opd, days, rows, Timings.millisSince(start) / 1000);
                System.out.flush();
                TenantContext.runAs(code, () -> measure(context, jdbc, tenant, today));
                return 0;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            } finally {
                BenchPeople.remove(jdbc, code);
            }
        });
    }

    private void measure(ConfigurableApplicationContext context, JdbcClient jdbc, Tenant tenant, LocalDate today) {
        String s = tenant.schemaName();
        YearMonth month = YearMonth.from(today);
        LocalDate first = month.atDay(1);
        LocalDate last = month.atEndOfMonth();
        WorkModes modes = context.getBean(WorkModes.class);
        // An OPD with its bidang and seksi: the preview's unit "and its sub-units".
        UUID opdWithChildren = jdbc.sql("select parent_id from " + s
                        + ".org_unit where parent_id is not null group by parent_id order by count(*) desc limit 1")
                .query(UUID.class)
                .single();

        timed(
                "fwa_month_everyone",
                () -> modes.answers(null, first, last).size(),
                "employee x date x holiday rows",
                () -> jdbc.sql("select e.id, d::date, h.kind from " + s
                                + ".employee e cross join generate_series(?::date, ?::date, interval '1 day') d"
                                + " left join platform.national_holiday h on h.date = d::date")
                        .param(first)
                        .param(last)
                        .query()
                        .listOfRows()
                        .size());
        timed(
                "fwa_month_opd",
                () -> modes.answersForUnit(opdWithChildren, first, last).size(),
                "the same rows of the OPD",
                () -> jdbc.sql("select e.id, d::date from " + s
                                + ".employee e cross join generate_series(?::date, ?::date, interval '1 day') d"
                                + " where e.unit_id in (select id from " + s + ".org_unit where id = ? or parent_id = ?"
                                + " or parent_id in (select id from " + s + ".org_unit where parent_id = ?))")
                        .param(first)
                        .param(last)
                        .param(opdWithChildren)
                        .param(opdWithChildren)
                        .param(opdWithChildren)
                        .query()
                        .listOfRows()
                        .size());
        LiveView live = context.getBean(LiveView.class);
        timed(
                "live_view_recount",
                () -> {
                    context.publishEvent(new DayChanged(tenant.code()));
                    return live.today(tenant, MonitoringBenchCommand.LEADER, null)
                            .total()
                            .expected();
                },
                "count of today's check-ins",
                () -> jdbc.sql("select count(*) from " + s + ".attendance_check_in where work_date = ?")
                        .param(today)
                        .query(Long.class)
                        .single());
        ModuleCatalog catalog = context.getBean(ModuleCatalog.class);
        for (String[] job : List.of(
                new String[] {"monitoring", "early-warning"}, new String[] {"attendance", "location-retention"})) {
            ScheduledJob scheduled = catalog.find(job[0]).orElseThrow().jobs().stream()
                    .filter(j -> j.name().equals(job[1]))
                    .findFirst()
                    .orElseThrow();
            timed(
                    "job_" + job[1].replace('-', '_'),
                    () -> {
                        scheduled.run().accept(tenant.code());
                        return 0;
                    },
                    "the history's check-ins per employee, grouped",
                    () -> jdbc.sql("select employee_id, count(*) from " + s
                                    + ".attendance_check_in where work_date >= ? group by employee_id")
                            .param(today.minusDays(days))
                            .query()
                            .listOfRows()
                            .size());
        }
    }

    /** Runs the call three times and its reference three times, in turns; prints medians and the last call's heap. */
    private static void timed(String name, Supplier<Object> call, String referenceName, Supplier<Object> reference) {
        double[] own = new double[3];
        double[] ref = new double[3];
        Object result = null;
        Object refResult = null;
        String heap = "";
        for (int i = 0; i < 3; i++) {
            long start;
            try (HeapWatch watch = HeapWatch.start()) {
                start = System.nanoTime();
                result = call.get();
                own[i] = (System.nanoTime() - start) / 1e6;
                heap = watch.figures();
            }
            start = System.nanoTime();
            refResult = reference.get();
            ref[i] = (System.nanoTime() - start) / 1e6;
        }
        java.util.Arrays.sort(own);
        java.util.Arrays.sort(ref);
        System.out.printf(
                "%s: result=%s median_ms=%.0f (runs %.0f-%.0f) %s | reference (%s): result=%s median_ms=%.0f"
                        + " | ratio=%.2f%n",
                name, result, own[1], own[0], own[2], heap, referenceName, refResult, ref[1], own[1] / ref[1]);
        System.out.flush();
    }
}
