package id.fleksi.modules.evaluation.feedback.internal;

import id.fleksi.modules.evaluation.feedback.PublicAddress;
import id.fleksi.platform.problem.Problem;
import id.fleksi.platform.security.Caller;
import id.fleksi.platform.tenancy.Tenant;
import id.fleksi.platform.web.PageController;
import java.time.Clock;
import java.time.YearMonth;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The pages of those who look after the public's voice: the services of their OPD with the month's summary (and the
 * form to add a service), the sheet with a service's QR code to print, and the ratings waiting for moderation. Each
 * part shows only what the caller may see; the parts they may not are left out, not refused.
 */
@PageController
class FeedbackPages {

    private final OpdServices services;
    private final FeedbackInbox inbox;
    private final FeedbackSummaries summaries;
    private final PublicAddress address;
    private final Clock clock;

    FeedbackPages(
            OpdServices services,
            FeedbackInbox inbox,
            FeedbackSummaries summaries,
            PublicAddress address,
            Clock clock) {
        this.clock = clock;
        this.services = services;
        this.inbox = inbox;
        this.summaries = summaries;
        this.address = address;
    }

    @GetMapping("/t/{code}/evaluation/feedback")
    String overview(
            Tenant tenant,
            Caller caller,
            @RequestParam(required = false) @Nullable YearMonth month,
            @RequestParam(required = false) @Nullable String done,
            Model model) {
        YearMonth shown = month != null
                ? month
                : YearMonth.now(clock.withZone(tenant.timeZone().zone()));
        model.addAttribute("tenant", tenant);
        model.addAttribute("month", shown);
        model.addAttribute("services", allowed(() -> services.mine(caller)));
        model.addAttribute("summary", allowed(() -> summaries.summary(caller, shown.atDay(1), shown.atEndOfMonth())));
        model.addAttribute("pending", allowed(() -> inbox.pending(caller).size()));
        model.addAttribute("done", done);
        return "evaluation/feedback/overview";
    }

    @PostMapping("/t/{code}/evaluation/feedback/services")
    String define(
            Tenant tenant,
            Caller caller,
            @RequestParam(required = false) @Nullable String unit,
            @RequestParam(required = false) @Nullable String name,
            @RequestParam(required = false) @Nullable String slug) {
        services.define(tenant, caller, new OpdServices.NewService(unit, name, slug));
        return "redirect:/t/" + tenant.code().value() + "/evaluation/feedback?done=defined";
    }

    @PostMapping("/t/{code}/evaluation/feedback/services/{id}")
    String change(Tenant tenant, Caller caller, @PathVariable UUID id, @RequestParam boolean active) {
        services.change(tenant, caller, id, new OpdServices.ServiceChange(null, active));
        return "redirect:/t/" + tenant.code().value() + "/evaluation/feedback?done=changed";
    }

    @GetMapping("/t/{code}/evaluation/feedback/services/{id}/print")
    String print(Tenant tenant, Caller caller, @PathVariable UUID id, Model model) {
        OpdServices.OpdService service = services.find(id); // the sheet shows only the public address
        String url = address.of(tenant, service);
        model.addAttribute("tenant", tenant);
        model.addAttribute("service", service);
        model.addAttribute("url", url);
        model.addAttribute("qr", QrCodes.svg(url));
        return "evaluation/feedback/print";
    }

    @GetMapping("/t/{code}/evaluation/feedback/moderation")
    String moderation(
            Tenant tenant, Caller caller, @RequestParam(required = false) @Nullable String done, Model model) {
        model.addAttribute("tenant", tenant);
        model.addAttribute("ratings", inbox.pending(caller));
        model.addAttribute("done", done);
        return "evaluation/feedback/moderation";
    }

    @PostMapping("/t/{code}/evaluation/feedback/moderation/{id}")
    String decide(Tenant tenant, Caller caller, @PathVariable UUID id, @RequestParam FeedbackInbox.Decision decision) {
        inbox.decide(tenant, caller, id, decision);
        return "redirect:/t/" + tenant.code().value() + "/evaluation/feedback/moderation?done="
                + decision.name().toLowerCase();
    }

    private static <T> @Nullable T allowed(Supplier<T> part) {
        try {
            return part.get();
        } catch (Problem refused) {
            if (refused.kind() == Problem.Kind.FORBIDDEN) {
                return null;
            }
            throw refused;
        }
    }
}
