package id.fleksi.modules.attendance.internal;

import id.fleksi.modules.attendance.CheckIn;
import id.fleksi.modules.attendance.CheckInRequest;
import id.fleksi.modules.attendance.CheckIns;
import id.fleksi.platform.tenancy.TenantCode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What became of each check-in and check-out, counted ({@value #COUNTER}: tenant, kind {@code in} or {@code out},
 * outcome {@code accepted}, {@code repeated} or {@code refused}, the reason, and whether a location flag sent it for
 * review) and written as one log line. The reason is {@code on-time}, {@code late} or {@code early} for a record, or the
 * refusal's problem type ({@code outside-geofence}, {@code outside-window}, ...): names from the code, so the tags take
 * a bounded set of values.
 *
 * <p>The line carries no coordinates, accuracy, distance, device, username or NIP: the tenant, request id and user id
 * come from the MDC, the employee as an id, and the judgement.
 */
@Component
public class CheckInOutcomes {

    static final String COUNTER = "fleksi.check.ins";
    private static final Logger log = LoggerFactory.getLogger(CheckInOutcomes.class);
    private static final Pattern PROBLEM_TYPE = Pattern.compile("[a-z][a-z-]{0,39}");

    private final MeterRegistry meters;

    CheckInOutcomes(MeterRegistry meters) {
        this.meters = meters;
    }

    public void recorded(TenantCode tenant, CheckInRequest.Kind kind, CheckIns.Submitted submitted) {
        CheckIn record = submitted.record();
        String outcome = submitted.created() ? "accepted" : "repeated";
        String reason = record.minutesLate() > 0 ? "late" : record.minutesEarly() > 0 ? "early" : "on-time";
        boolean flagged = record.flags() != null && !record.flags().isEmpty();
        count(tenant, kind, outcome, reason, flagged);
        log.info(
                "Check-{} {}: {}{}, work mode {}, employee {}{}",
                kind.name().toLowerCase(),
                outcome,
                reason,
                record.minutesLate() > 0
                        ? " " + record.minutesLate() + " min"
                        : record.minutesEarly() > 0 ? " " + record.minutesEarly() + " min" : "",
                record.workMode(),
                record.employeeId(),
                flagged ? ", flagged " + record.flags() : "");
    }

    public void refused(TenantCode tenant, CheckInRequest.Kind kind, String problemType) {
        String reason = problemType != null && PROBLEM_TYPE.matcher(problemType).matches() ? problemType : "other";
        count(tenant, kind, "refused", reason, false);
        log.info("Check-{} refused: {}", kind.name().toLowerCase(), reason);
    }

    private void count(TenantCode tenant, CheckInRequest.Kind kind, String outcome, String reason, boolean flagged) {
        Counter.builder(COUNTER)
                .description("Check-ins and check-outs by what became of them")
                .tag("tenant", tenant.value())
                .tag("kind", kind.name().toLowerCase())
                .tag("outcome", outcome)
                .tag("reason", reason)
                .tag("flagged", String.valueOf(flagged))
                .register(meters)
                .increment();
    }
}
