package id.fleksi.modules.attendance;

import java.time.Clock;
import java.time.LocalDate;

import id.fleksi.platform.calendar.DateRange;
import id.fleksi.platform.security.Caller;
import id.fleksi.platform.security.IdentityProperties;
import id.fleksi.platform.security.Role;
import id.fleksi.platform.tenancy.Tenant;
import id.fleksi.platform.tenancy.TenantContext;
import id.fleksi.platform.web.PageProblem;
import id.fleksi.platform.web.Problem;
import id.fleksi.platform.web.TenantGate;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The check-ins whose location deserves a second look (a mock location, a vague fix, impossible travel, a shared
 * phone, the very same coordinates day after day): for a supervisor their direct staff's, for BKD and the tenant
 * admin everyone's. It shows the distance from the office, never the coordinates. The last seven days unless asked.
 */
@Controller
class LocationReviewPage {

    private final TenantGate gate;
    private final IdentityProperties identity;
    private final ReviewList reviews;
    private final Clock clock;

    LocationReviewPage(TenantGate gate, IdentityProperties identity, ReviewList reviews, Clock clock) {
        this.gate = gate;
        this.identity = identity;
        this.reviews = reviews;
        this.clock = clock;
    }

    @GetMapping("/t/{code}/attendance/review")
    String review(@PathVariable String code, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Authentication authentication,
            Model model) {
        Caller caller = Caller.of(authentication, identity);
        boolean everyone = caller.hasRole(Role.BKD) || caller.hasRole(Role.TENANT_ADMIN);
        if (!everyone && !caller.hasRole(Role.ATASAN)) {
            throw new PageProblem(Problem.forbidden("missing-role", "Not allowed",
                    "Only supervisors (atasan), BKD and the tenant admin review flagged check-ins.").variant("review-locations"));
        }
        Tenant tenant = gate.admit(code, caller);
        LocalDate today = clock.instant().atZone(tenant.timeZone().zone()).toLocalDate();
        LocalDate until = to == null ? today : to;
        LocalDate since = from == null ? until.minusDays(6) : from;
        try {
            DateRange.require(since, until, 93);
        } catch (Problem problem) {
            throw new PageProblem(problem);
        }
        return TenantContext.callAs(tenant.code(), () -> {
            model.addAttribute("tenant", tenant);
            model.addAttribute("from", since);
            model.addAttribute("to", until);
            model.addAttribute("everyone", everyone);
            model.addAttribute("entries", reviews.between(since, until, everyone ? null : caller.username()));
            model.addAttribute("zone", tenant.timeZone().zone());
            return "attendance/review";
        });
    }
}
