package id.fleksi.dev.bench;

import id.fleksi.modules.monitoring.ProvinceView;
import id.fleksi.platform.figures.DayChanged;
import id.fleksi.platform.security.Caller;
import id.fleksi.platform.tenancy.Tenant;
import id.fleksi.platform.tenancy.TenantCode;
import id.fleksi.platform.tenancy.TenantContext;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The province's view in {@code bench-monitoring}: recounted (each kabupaten's kept counts dropped first, as a change
 * recorded here drops them), served (what a caller within the live interval waits for), and a count of today's
 * check-ins of all its kabupaten's schemas in one statement, taking turns.
 */
final class ProvinceBench {

    /** The three timings: recount, served, the count query. */
    record Figures(Timing recount, Timing served, Timing count) {}

    private ProvinceBench() {}

    static Figures measure(
            ConfigurableApplicationContext context,
            JdbcClient jdbc,
            Tenant province,
            List<TenantCode> kabs,
            LocalDate today,
            Caller leader,
            int calls) {
        ProvinceView provinceView = context.getBean(ProvinceView.class);
        StringBuilder all = new StringBuilder("select 0");
        kabs.forEach(code -> all.append(" + (select count(*) from ")
                .append(code.schemaName())
                .append(".attendance_check_in where work_date = :day)"));
        Supplier<Object> served = () -> TenantContext.callAs(province.code(), () -> provinceView.of(province, leader));
        Supplier<Object> recount = () -> {
            kabs.forEach(code -> context.publishEvent(new DayChanged(code)));
            return served.get();
        };
        Supplier<Object> reference = () ->
                jdbc.sql(all.toString()).param("day", today).query(Long.class).single();
        List<Timing> timings = Timing.inTurns(List.of(List.of(recount, served, reference)), calls)
                .get(0);
        ProvinceView.View shown = (ProvinceView.View) served.get();
        System.out.printf(
                "province_view: kabupaten=%d opd_rows=%d checked_in=%d cold_ms=%.1f | recount: p50_ms=%.1f p95_ms=%.1f"
                        + " | served: p50_ms=%.3f p95_ms=%.3f | count_query (today's check-ins of all %d schemas, one"
                        + " statement): result=%d cold_ms=%.1f p50_ms=%.2f p95_ms=%.2f%n",
                shown.kabupaten().size(),
                shown.kabupaten().stream().mapToInt(k -> k.opds().size()).sum(),
                shown.kabupaten().stream().mapToInt(k -> k.total().checkedIn()).sum(),
                timings.get(0).cold(),
                timings.get(0).at(50),
                timings.get(0).at(95),
                timings.get(1).at(50),
                timings.get(1).at(95),
                kabs.size(),
                (Long) reference.get(),
                timings.get(2).cold(),
                timings.get(2).at(50),
                timings.get(2).at(95));
        return new Figures(timings.get(0), timings.get(1), timings.get(2));
    }
}
