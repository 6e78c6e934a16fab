package id.fleksi.modules.attendance.internal;

import id.fleksi.platform.calendar.DateRange;
import id.fleksi.platform.problem.Problem;
import id.fleksi.platform.security.Caller;
import id.fleksi.platform.security.Role;
import id.fleksi.platform.tenancy.Tenant;
import id.fleksi.platform.web.PageController;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The check-ins whose location deserves a second look (a mock location, a vague fix, impossible travel, a shared
 * phone, the very same coordinates day after day): for a supervisor their direct staff's, for BKD and the tenant
 * admin everyone's. It shows the distance from the office, never the coordinates. The last seven days unless asked.
 */
@PageController
class LocationReviewPage {

    private final ReviewList reviews;
    private final Clock clock;

    LocationReviewPage(ReviewList reviews, Clock clock) {
        this.reviews = reviews;
        this.clock = clock;
    }

    @GetMapping("/t/{code}/attendance/review")
    String review(
            Tenant tenant,
            Caller caller,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            Model model) {
        boolean everyone = caller.hasRole(Role.BKD) || caller.hasRole(Role.TENANT_ADMIN);
        if (!everyone && !caller.hasRole(Role.ATASAN)) {
            throw Problem.forbidden(
                            "missing-role",
                            "Not allowed",
                            "Only supervisors (atasan), BKD and the tenant admin review flagged check-ins.")
                    .variant("review-locations");
        }
        LocalDate today = clock.instant().atZone(tenant.timeZone().zone()).toLocalDate();
        LocalDate until = to == null ? today : to;
        LocalDate since = from == null ? until.minusDays(6) : from;
        DateRange.require(since, until, 93);
        model.addAttribute("tenant", tenant);
        model.addAttribute("from", since);
        model.addAttribute("to", until);
        model.addAttribute("everyone", everyone);
        model.addAttribute("entries", reviews.between(since, until, everyone ? null : caller.username()));
        model.addAttribute("zone", tenant.timeZone().zone());
        return "attendance/review";
    }
}
