package id.fleksi.dev.bench;

import id.fleksi.app.cli.FleksiCli;
import id.fleksi.modules.evaluation.MonthlyEvaluations;
import id.fleksi.modules.evaluation.closing.MonthAsPaid;
import id.fleksi.modules.evaluation.exports.MonthTotals;
import id.fleksi.modules.evaluation.exports.MonthWorkbook;
import id.fleksi.platform.migration.PlatformSchema;
import id.fleksi.platform.migration.TenantMigrator;
import id.fleksi.platform.tenancy.Tenant;
import id.fleksi.platform.tenancy.TenantCode;
import id.fleksi.platform.tenancy.TenantContext;
import id.fleksi.platform.tenancy.TenantKind;
import id.fleksi.platform.tenancy.TenantRegistry;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code fleksi bench-evaluation}: a pemda of {@code --employees} employees with last month's attendance, reports and
 * absences ({@link BenchHistory}); the month's evaluation computed for everyone and written as the XLSX
 * ({@link MonthWorkbook}, to a stream that only counts bytes), beside one SQL {@code group by} over the month's check-ins
 * of the schema, in the same run, taking turns. Prints {@code evaluation_ratio} (Fleksi's median ÷ the query's) and the
 * workbook's peak heap, for the whole pemda and for one OPD (streamed: the two should be close). No Keycloak.
 */
@Command(
        name = "bench-evaluation",
        hidden = true,
        description = "Time the month's evaluation and its XLSX (see bench/evaluation).")
class EvaluationBenchCommand implements Callable<Integer> {

    @Option(names = "--employees", defaultValue = "10000")
    int employees;

    @Option(names = "--opd", defaultValue = "40")
    int opd;

    @Option(names = "--runs", defaultValue = "3", description = "warm runs of each, after a first (cold) one")
    int runs;

    private static final String GROUP_BY = "select employee_id, count(*) filter (where kind = 'IN'),"
            + " count(*) filter (where kind = 'IN' and minutes_late > 0), sum(minutes_late), sum(minutes_early)"
            + " from %s.attendance_check_in where work_date between ? and ? group by employee_id";

    @Override
    public Integer call() {
        return FleksiCli.withContext(false, context -> {
            context.getBean(PlatformSchema.class).migrate();
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            TenantRegistry registry = context.getBean(TenantRegistry.class);
            TenantCode code = TenantCode.of(
                    "bev" + UUID.randomUUID().toString().replace("-", "").substring(0, 6));
            try {
                long start = System.nanoTime();
                BenchPeople.register(registry, code, "Kabupaten Bench Evaluasi", TenantKind.KABUPATEN, null);
                context.getBean(TenantMigrator.class).migrate(code);
                BenchPeople.write(jdbc, code.schemaName(), opd, employees);
                Tenant tenant = registry.require(code);
                LocalDate today = LocalDate.now(tenant.timeZone().zone());
                YearMonth month = YearMonth.from(today).minusMonths(1);
                int days = (int) ChronoUnit.DAYS.between(month.atDay(1), today);
                long rows = BenchHistory.write(context.getBean(DataSource.class), code.schemaName(), days);
                System.out.printf(
                        "setup employees=%d opd=%d month=%s history_days=%d rows=%d ms=%d%n",
                        employees, opd, month, days, rows, (System.nanoTime() - start) / 1_000_000);
                System.out.printf(
                        "machine cpus=%d max_heap_mb=%d%n",
                        Runtime.getRuntime().availableProcessors(),
                        Runtime.getRuntime().maxMemory() >> 20);
                System.out.flush();
                return measure(
                        context.getBeanProvider(MonthlyEvaluations.class).getIfAvailable(),
                        context.getBean(MonthAsPaid.class),
                        context.getBean(MonthWorkbook.class),
                        jdbc,
                        tenant,
                        month);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            } finally {
                BenchPeople.remove(jdbc, code);
            }
        });
    }

    private int measure(
            MonthlyEvaluations evaluations,
            MonthAsPaid paid,
            MonthWorkbook workbook,
            JdbcClient jdbc,
            Tenant tenant,
            YearMonth month) {
        String sql = String.format(GROUP_BY, tenant.schemaName());
        Runnable reference = () -> jdbc.sql(sql)
                .params(month.atDay(1), month.atEndOfMonth())
                .query((rs, n) -> rs.getLong(2))
                .list();
        List<Double> query = new ArrayList<>();
        List<Double> fleksi = new ArrayList<>();
        query.add(millis(reference));
        if (evaluations == null) {
            System.out.printf("group_by_cold_ms=%.1f%n", query.get(0));
            System.out.println(
                    "evaluation_ratio=n/a (this build has no MonthlyEvaluations implementation: nothing to time)");
            return 2;
        }
        UUID firstOpd = jdbc.sql("select id from " + tenant.schemaName()
                        + ".org_unit where parent_id is null order by code limit 1")
                .query(UUID.class)
                .single();
        Written[] last = new Written[1];
        Runnable pemda = () -> last[0] = write(evaluations, paid, workbook, tenant, month, null);
        fleksi.add(millis(pemda));
        for (int i = 0; i < runs; i++) {
            query.add(millis(reference));
            fleksi.add(millis(pemda));
        }
        Written opdOnly = write(evaluations, paid, workbook, tenant, month, firstOpd);
        System.out.printf(
                "xlsx_pemda: employees=%d bytes=%d peak_heap_mb=%.1f heap_before_mb=%.1f%n",
                last[0].employees(), last[0].bytes(), last[0].peakMb(), last[0].beforeMb());
        System.out.printf(
                "xlsx_one_opd: employees=%d bytes=%d peak_heap_mb=%.1f heap_before_mb=%.1f%n",
                opdOnly.employees(), opdOnly.bytes(), opdOnly.peakMb(), opdOnly.beforeMb());
        System.out.printf(
                "fleksi (evaluation of everyone + XLSX): cold_ms=%.1f median_ms=%.1f | group_by: cold_ms=%.1f median_ms=%.1f%n",
                fleksi.get(0),
                median(fleksi.subList(1, fleksi.size())),
                query.get(0),
                median(query.subList(1, query.size())));
        System.out.printf(
                "xlsx_peak_heap_mb=%.1f (one OPD: %.1f; flat when close)%n", last[0].peakMb(), opdOnly.peakMb());
        System.out.printf(
                "evaluation_ratio=%.2f (target <= 20)%n",
                median(fleksi.subList(1, fleksi.size())) / median(query.subList(1, query.size())));
        return 0;
    }

    private record Written(int employees, long bytes, double peakMb, double beforeMb) {}

    /**
     * The workbook of the unit (the pemda when null), to a stream that counts, as the export writes it (each employee's
     * paid figures looked up per batch; the month is not closed here); the heap's peak while it was written.
     */
    private static Written write(
            MonthlyEvaluations evaluations,
            MonthAsPaid paid,
            MonthWorkbook workbook,
            Tenant tenant,
            YearMonth month,
            UUID unit) {
        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP)
                .toList();
        double before = heap.stream().mapToLong(p -> p.getUsage().getUsed()).sum() / 1048576.0;
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long[] bytes = {0};
        OutputStream counting = new OutputStream() {
            @Override
            public void write(int b) {
                bytes[0]++;
            }

            @Override
            public void write(byte[] b, int off, int len) {
                bytes[0] += len;
            }
        };
        MonthTotals totals = TenantContext.callAs(
                tenant.code(),
                () -> workbook.write(
                        counting,
                        new MonthWorkbook.Heading(tenant.name(), tenant.name(), month),
                        Locale.forLanguageTag("id"),
                        each -> paid.each(tenant, evaluations, month, unit, each)));
        double peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum() / 1048576.0;
        return new Written(totals.employees(), bytes[0], peak, before);
    }

    private static double millis(Runnable work) {
        long start = System.nanoTime();
        work.run();
        return (System.nanoTime() - start) / 1e6;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
