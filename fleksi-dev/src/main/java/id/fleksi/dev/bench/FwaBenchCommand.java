package id.fleksi.dev.bench;

import id.fleksi.app.cli.FleksiCli;
import id.fleksi.modules.fwa.DayAnswer;
import id.fleksi.modules.fwa.FwaPolicies;
import id.fleksi.modules.fwa.PolicyVersion;
import id.fleksi.modules.fwa.WorkMode;
import id.fleksi.modules.fwa.WorkModes;
import id.fleksi.platform.migration.PlatformSchema;
import id.fleksi.platform.migration.TenantMigrator;
import id.fleksi.platform.modules.ModuleSwitches;
import id.fleksi.platform.tenancy.TenantCode;
import id.fleksi.platform.tenancy.TenantContext;
import id.fleksi.platform.tenancy.TenantKind;
import id.fleksi.platform.tenancy.TenantRegistry;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.springframework.jdbc.core.simple.JdbcClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code fleksi bench-fwa}: the (employee, date) answer for a whole tenant over a month, beside a plain SQL
 * query over the same employees and dates as the reference. Makes a schema of its own and drops it.
 */
@Command(
        name = "bench-fwa",
        hidden = true,
        description = "Time the FWA answers for a tenant over a month (see docs/benchmarks.md).")
class FwaBenchCommand implements Callable<Integer> {

    @Option(names = "--employees", defaultValue = "10000")
    int employees;

    @Option(names = "--days", defaultValue = "30")
    int days;

    @Option(names = "--runs", defaultValue = "7")
    int runs;

    @Override
    public Integer call() {
        return FleksiCli.withContext(false, context -> {
            context.getBean(PlatformSchema.class).migrate();
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            TenantRegistry registry = context.getBean(TenantRegistry.class);
            TenantCode code = TenantCode.of(
                    "benchfwa" + UUID.randomUUID().toString().replace("-", "").substring(0, 6));
            BenchPeople.register(registry, code, "Bench FWA", TenantKind.KABUPATEN, null);
            try {
                context.getBean(TenantMigrator.class).migrate(code);
                return TenantContext.callAs(code, () -> run(context, jdbc, code));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            } finally {
                BenchPeople.remove(jdbc, code);
            }
        });
    }

    private int run(
            org.springframework.context.ConfigurableApplicationContext context, JdbcClient jdbc, TenantCode code) {
        String s = code.schemaName();
        context.getBean(ModuleSwitches.class).change(code, "fwa", true, Map.of(), "bench");
        // 30 OPD; the first two always in the office (as Mateng's health and civil registration).
        jdbc.sql("insert into " + s
                        + ".org_unit (id, code, name, kind) select gen_random_uuid(), 'OPD' || n, 'Dinas ' || n, 'DINAS'"
                        + " from generate_series(1, 30) n")
                .update();
        List<UUID> units = jdbc.sql("select id from " + s + ".org_unit order by code")
                .query(UUID.class)
                .list();
        jdbc.sql(
                        "insert into " + s
                                + ".employee (id, name, employment_type, unit_id, status, username, realm_user_id, talent_box,"
                                + " own_device, good_connection, start_date, created_at, updated_at) select gen_random_uuid(), 'Pegawai ' || n, 'PNS',"
                                + " (array(select id from " + s
                                + ".org_unit order by code))[1 + n % 30], 'ACTIVE', 'p' || n, 'r' || n, 1 + n % 9,"
                                + " n % 10 < 8, n % 10 < 7, date '2010-01-01' + (n % 6000), now(), now() from generate_series(1, ?) n")
                .param(employees)
                .update();
        context.getBean(FwaPolicies.class)
                .seedHistory(
                        new PolicyVersion(
                                null,
                                LocalDate.parse("2025-12-01"),
                                true,
                                Set.of(DayOfWeek.THURSDAY, DayOfWeek.FRIDAY),
                                LocalDate.parse("2026-01-22"),
                                LocalDate.parse("2026-04-22"),
                                Set.of(5, 6, 7, 8, 9),
                                true,
                                true,
                                true,
                                false,
                                20,
                                null,
                                null,
                                null,
                                null,
                                null,
                                "bench",
                                List.of(new PolicyVersion.Window(
                                        LocalDate.parse("2025-12-29"), LocalDate.parse("2025-12-31"), "SE")),
                                List.of(
                                        new PolicyVersion.UnitRule(units.get(0), true, null, null),
                                        new PolicyVersion.UnitRule(units.get(1), true, null, null)),
                                null,
                                null),
                        "bench");
        // Some history the answers must read: sanctions for 1% and approved request days for 5%.
        jdbc.sql("insert into " + s
                        + ".fwa_sanction (id, employee_id, from_date, to_date, note, created_by, created_at)"
                        + " select gen_random_uuid(), id, date '2026-02-01', date '2026-06-30', 'bench', 'bench', now() from "
                        + s
                        + ".employee where abs(hashtext(id::text)) % 100 = 0")
                .update();
        jdbc.sql("insert into " + s
                        + ".fwa_request (id, employee_id, from_date, to_date, place_kind, place, status, created_at)"
                        + " select gen_random_uuid(), id, date '2026-02-10', date '2026-02-10', 'OTHER', 'Rumah', 'APPROVED', now() from "
                        + s
                        + ".employee where abs(hashtext(id::text)) % 20 = 1")
                .update();
        jdbc.sql("insert into " + s
                        + ".fwa_request_day (request_id, employee_id, unit_id, work_date) select r.id, r.employee_id, e.unit_id,"
                        + " r.from_date from " + s + ".fwa_request r join " + s + ".employee e on e.id = r.employee_id")
                .update();
        jdbc.sql("analyze").update();

        WorkModes modes = context.getBean(WorkModes.class);
        LocalDate from = LocalDate.parse("2026-02-01");
        LocalDate to = from.plusDays(days - 1);
        List<Long> fleksi = new ArrayList<>();
        List<Long> reference = new ArrayList<>();
        List<DayAnswer> answers = List.of();
        for (int run = 0; run < runs; run++) {
            long start = System.nanoTime();
            answers = modes.answers(null, from, to);
            fleksi.add((System.nanoTime() - start) / 1_000_000);
            start = System.nanoTime();
            jdbc.sql("select e.id, d::date, h.kind from " + s
                            + ".employee e cross join generate_series(?::date, ?::date, interval '1 day') d"
                            + " left join platform.national_holiday h on h.date = d::date")
                    .param(from)
                    .param(to)
                    .query()
                    .listOfRows();
            reference.add((System.nanoTime() - start) / 1_000_000);
        }
        long wfa = answers.stream().filter(a -> a.mode() == WorkMode.WFA).count();
        System.out.printf(
                "fwa answers: %d employees x %d days = %d answers (%d WFA); ms per run: %s; median %d ms%n",
                employees, days, answers.size(), wfa, fleksi, median(fleksi));
        System.out.printf(
                "reference (SQL rows employee x date x holiday, fetched over JDBC): ms per run: %s; median %d ms%n",
                reference, median(reference));
        System.out.printf(
                "fwa_ratio=%.2f (Fleksi / reference; target: Fleksi under 2000 ms)%n",
                median(fleksi) / (double) median(reference));
        return 0;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
