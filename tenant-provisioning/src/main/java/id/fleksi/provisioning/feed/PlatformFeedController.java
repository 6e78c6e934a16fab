package id.fleksi.provisioning.feed;

import id.fleksi.platform.calendar.DateRange;
import id.fleksi.platform.tenancy.Tenant;
import id.fleksi.platform.tenancy.TenantRegistry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The platform operator reads what self-hosted tenants reported. Role {@code platform-operator}. */
@RestController
@Tag(name = "Platform: feeds", description = "Daily figures received from self-hosted replicas; role platform-operator")
class PlatformFeedController {

    private static final int DEFAULT_DAYS = 31;
    private static final int MAX_DAYS = 366;

    private final TenantRegistry registry;
    private final FeedDays days;

    PlatformFeedController(TenantRegistry registry, FeedDays days) {
        this.registry = registry;
        this.days = days;
    }

    @Operation(
            operationId = "listFeedDays",
            summary = "Days a self-hosted tenant reported, with figures per OPD",
            description =
                    "From `from` to `to` (at most 366 days; by default the last 31 up to today in the tenant's time"
                            + " zone), oldest first; a day not reported is missing.")
    @GetMapping("/api/v1/platform/feeds/{code}")
    List<FeedDays.ReceivedDay> list(
            @PathVariable String code,
            @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to) {
        Tenant tenant = registry.require(TenantRegistry.codeInPath(code));
        LocalDate last =
                to != null ? to : Instant.now().atZone(tenant.timeZone().zone()).toLocalDate();
        LocalDate first = from != null ? from : last.minusDays(DEFAULT_DAYS - 1);
        DateRange.require(first, last, MAX_DAYS);
        return days.between(tenant.code(), first, last);
    }
}
