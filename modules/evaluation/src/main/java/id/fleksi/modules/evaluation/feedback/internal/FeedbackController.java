package id.fleksi.modules.evaluation.feedback.internal;

import id.fleksi.modules.evaluation.feedback.PublicAddress;
import id.fleksi.platform.problem.Problem;
import id.fleksi.platform.security.Caller;
import id.fleksi.platform.tenancy.Tenant;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The public's voice in the API: services, their QR codes, moderation and the summary. */
@RestController
class FeedbackController {

    private final OpdServices services;
    private final FeedbackInbox inbox;
    private final FeedbackSummaries summaries;
    private final PublicAddress address;
    private final Clock clock;

    FeedbackController(
            OpdServices services,
            FeedbackInbox inbox,
            FeedbackSummaries summaries,
            PublicAddress address,
            Clock clock) {
        this.services = services;
        this.inbox = inbox;
        this.summaries = summaries;
        this.address = address;
        this.clock = clock;
    }

    @Operation(
            operationId = "feedbackServices",
            summary = "The public services the caller defines (tenant admin: all; a unit's head: theirs)")
    @GetMapping("/api/v1/t/{code}/evaluation/feedback/services")
    List<OpdServices.OpdService> services(@PathVariable String code, Caller caller) {
        return services.mine(caller);
    }

    @Operation(
            operationId = "defineFeedbackService",
            summary = "Define a public service of a unit, rated at /publik/{tenant}/layanan/{slug}",
            description =
                    "Role tenant-admin, or the head of the unit or of a unit above it. unit is the unit's code; slug 2 to"
                            + " 60 small letters, digits and single dashes, unique in the tenant.")
    @PostMapping("/api/v1/t/{code}/evaluation/feedback/services")
    @ResponseStatus(HttpStatus.CREATED)
    OpdServices.OpdService define(
            @PathVariable String code, @RequestBody OpdServices.NewService request, Tenant tenant, Caller caller) {
        return services.define(tenant, caller, request);
    }

    @Operation(
            operationId = "changeFeedbackService",
            summary = "Rename a public service, or switch it off (its ratings are kept) or on")
    @PatchMapping("/api/v1/t/{code}/evaluation/feedback/services/{id}")
    OpdServices.OpdService change(
            @PathVariable String code,
            @PathVariable UUID id,
            @RequestBody OpdServices.ServiceChange request,
            Tenant tenant,
            Caller caller) {
        return services.change(tenant, caller, id, request);
    }

    @Operation(
            operationId = "feedbackServiceQrCode",
            summary = "The QR code of the service's public page, as SVG, to print")
    @GetMapping(value = "/api/v1/t/{code}/evaluation/feedback/services/{id}/qr", produces = "image/svg+xml")
    String qr(@PathVariable String code, @PathVariable UUID id, Tenant tenant) {
        return QrCodes.svg(address.of(tenant, services.find(id)));
    }

    @Operation(
            operationId = "pendingFeedback",
            summary = "Ratings waiting for the caller's decision, the oldest first (at most 500)",
            description = "Role bkd, or the head of the unit giving the service or of a unit above it.")
    @GetMapping("/api/v1/t/{code}/evaluation/feedback/ratings/pending")
    List<FeedbackInbox.Pending> pending(@PathVariable String code, Caller caller) {
        return inbox.pending(caller);
    }

    @Operation(
            operationId = "decideFeedback",
            summary = "Accept or reject a pending rating; only accepted ratings count and are shown",
            description = "decision ACCEPT or REJECT; audited. A rating already decided is refused (409).")
    @PostMapping("/api/v1/t/{code}/evaluation/feedback/ratings/{id}/decision")
    FeedbackInbox.Decided decide(
            @PathVariable String code,
            @PathVariable UUID id,
            @RequestBody FeedbackInbox.DecisionRequest request,
            Tenant tenant,
            Caller caller) {
        return inbox.decide(tenant, caller, id, request.decision());
    }

    @Operation(
            operationId = "feedbackSummary",
            summary = "Accepted ratings per OPD and service between two dates (default: this month)",
            description =
                    "Roles bkd, tenant-admin, pimpinan: every OPD; the head of a unit: theirs. Counts, mean, the spread"
                            + " over scores 1 to 5, ratings pending, and the latest accepted comments.")
    @GetMapping("/api/v1/t/{code}/evaluation/feedback/summary")
    FeedbackSummaries.Summary summary(
            @PathVariable String code,
            @RequestParam(required = false) @Nullable LocalDate from,
            @RequestParam(required = false) @Nullable LocalDate to,
            Tenant tenant,
            Caller caller) {
        YearMonth month = YearMonth.now(clock.withZone(tenant.timeZone().zone()));
        LocalDate start = from != null ? from : month.atDay(1);
        LocalDate end = to != null ? to : month.atEndOfMonth();
        if (end.isBefore(start) || start.plusYears(5).isBefore(end)) {
            throw Problem.badRequest(
                    "feedback-summary-period",
                    "Choose a period",
                    "from must not be after to, and the period" + " is at most five years.");
        }
        return summaries.summary(caller, start, end);
    }
}
