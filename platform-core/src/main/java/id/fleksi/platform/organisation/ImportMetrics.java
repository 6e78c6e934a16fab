package id.fleksi.platform.organisation;

import id.fleksi.platform.tenancy.TenantContext;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Times each BKPSDM import, from the API and the page's background job alike ({@value #TIMER}: tenant, kind
 * {@code units} or {@code employees}, outcome {@code imported}, {@code refused} when a row was invalid and nothing was
 * imported, or {@code failed}).
 */
@Component
class ImportMetrics {

    static final String TIMER = "fleksi.import";

    private final MeterRegistry meters;

    ImportMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    EmployeeImport.Report timed(ImportJobs.Kind kind, Supplier<EmployeeImport.Report> work) {
        Timer.Sample sample = Timer.start(meters);
        String outcome = "failed";
        try {
            EmployeeImport.Report report = work.get();
            outcome = report.imported() ? "imported" : "refused";
            return report;
        } finally {
            sample.stop(Timer.builder(TIMER)
                    .description("How long a BKPSDM import took")
                    .tag("tenant", TenantContext.require().value())
                    .tag("kind", kind.name().toLowerCase())
                    .tag("outcome", outcome)
                    .register(meters));
        }
    }
}
