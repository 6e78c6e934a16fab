package id.fleksi.modules.evaluation.feedback.internal;

import id.fleksi.modules.evaluation.EvaluationModule;
import id.fleksi.platform.modules.ModuleSwitches;
import id.fleksi.platform.problem.Problem;
import id.fleksi.platform.tenancy.Tenant;
import id.fleksi.platform.tenancy.TenantContext;
import id.fleksi.platform.web.TenantGate;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A service's public page, where a citizen rates it without logging in: reached by the QR code its OPD prints. No
 * session and no personal data: the form carries a signed token instead of a CSRF token, a field people never see
 * catches scripts that fill in everything, and a form sent back sooner than a person can fill it in is shown again
 * (sooner still without the small proof of work the page's script does, see {@link FormTokens}).
 * Floods from one address or at one service get 429 with {@code Retry-After}, before anything is read or written.
 * Every refusal is a plain page in the visitor's language (Indonesian unless chosen otherwise), never JSON.
 */
@Controller
class PublicFeedbackPage {

    static final String PATH = "/publik/{tenant}/layanan/{slug}";

    private final TenantGate gate;
    private final ModuleSwitches switches;
    private final OpdServices services;
    private final FeedbackInbox inbox;
    private final FormTokens tokens;
    private final FloodGuard guard;
    private final MessageSource messages;

    PublicFeedbackPage(
            TenantGate gate,
            ModuleSwitches switches,
            OpdServices services,
            FeedbackInbox inbox,
            FormTokens tokens,
            FloodGuard guard,
            MessageSource messages) {
        this.gate = gate;
        this.switches = switches;
        this.services = services;
        this.inbox = inbox;
        this.tokens = tokens;
        this.guard = guard;
        this.messages = messages;
    }

    @GetMapping(PATH)
    String form(
            @PathVariable String tenant,
            @PathVariable String slug,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        FloodGuard.Verdict verdict = guard.page(tenant, request.getRemoteAddr());
        if (!verdict.allowed()) {
            return tooMany(response, verdict, model);
        }
        Tenant pemda = serving(tenant);
        try (TenantContext.Scope scope = TenantContext.enter(pemda.code())) {
            return form(pemda, service(slug), model, null, null, null);
        }
    }

    @PostMapping(PATH)
    String send(
            @PathVariable String tenant,
            @PathVariable String slug,
            @RequestParam(required = false) @Nullable String score,
            @RequestParam(required = false) @Nullable String comment,
            @RequestParam(required = false) @Nullable String served,
            @RequestParam(required = false) @Nullable String website,
            @RequestParam(required = false) @Nullable String token,
            @RequestParam(required = false) @Nullable String work,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        FloodGuard.Verdict verdict = guard.rating(tenant, request.getRemoteAddr());
        if (!verdict.allowed()) {
            return tooMany(response, verdict, model);
        }
        Tenant pemda = serving(tenant);
        try (TenantContext.Scope scope = TenantContext.enter(pemda.code())) {
            OpdServices.OpdService service = service(slug);
            if (website != null && !website.isEmpty()) {
                // Only a script fills in a field no person sees: it is thanked, and nothing is kept.
                return thanks(pemda, service, model);
            }
            FormTokens.Check check = tokens.check(token, work, pemda.code().value(), service.slug());
            switch (check) {
                case USED -> {
                    return thanks(pemda, service, model); // sent twice (a double tap, the back button): kept once
                }
                case TOO_FAST, EXPIRED, INVALID -> {
                    response.setStatus(400);
                    return form(pemda, service, model, "pub.error." + check.name(), score, comment);
                }
                case VALID -> {}
            }
            Integer stars = parseScore(score);
            String said = comment == null || comment.isBlank() ? null : comment.strip();
            FeedbackInbox.ServedMode mode = parseServed(served);
            if (stars == null
                    || (said != null && said.length() > 1000)
                    || said != null && said.indexOf('\u0000') >= 0
                    || (served != null && !served.isEmpty() && mode == null)) {
                response.setStatus(400);
                return form(
                        pemda, service, model, stars == null ? "pub.error.score" : "pub.error.comment", score, comment);
            }
            verdict = guard.service(tenant, service.slug());
            if (!verdict.allowed()) {
                return tooMany(response, verdict, model);
            }
            inbox.receive(pemda, service.id(), stars, said, mode);
            return "redirect:/publik/" + pemda.code().value() + "/layanan/" + service.slug() + "/terima-kasih";
        }
    }

    @GetMapping(PATH + "/terima-kasih")
    String thanks(
            @PathVariable String tenant,
            @PathVariable String slug,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        FloodGuard.Verdict verdict = guard.page(tenant, request.getRemoteAddr());
        if (!verdict.allowed()) {
            return tooMany(response, verdict, model);
        }
        Tenant pemda = serving(tenant);
        try (TenantContext.Scope scope = TenantContext.enter(pemda.code())) {
            return thanks(pemda, service(slug), model);
        }
    }

    /** Whatever refused the visit, said as a plain page. */
    @ExceptionHandler(Problem.class)
    String problem(Problem problem, Model model, HttpServletResponse response) {
        Locale locale = LocaleContextHolder.getLocale();
        response.setStatus(problem.kind().status());
        model.addAttribute("status", problem.kind().status());
        model.addAttribute("problemTitle", problem.titleFor(messages, locale));
        model.addAttribute("detail", problem.detailFor(messages, locale));
        return "evaluation/feedback/public-problem";
    }

    private Tenant serving(String code) {
        Tenant tenant = gate.serving(code);
        if (!switches.isEnabled(tenant.code(), EvaluationModule.ID)) {
            throw Problem.notFound(
                    "public-feedback-off",
                    "Not taking ratings",
                    "This pemda does not take ratings of its" + " services here at the moment.");
        }
        return tenant;
    }

    private OpdServices.OpdService service(String slug) {
        return services.bySlug(slug)
                .filter(OpdServices.OpdService::active)
                .orElseThrow(
                        () -> Problem.notFound(
                                "unknown-public-service",
                                "No such service",
                                "There is no service here"
                                        + " that takes ratings at this address. Scan the QR code again, or ask the office for its address."));
    }

    private String form(
            Tenant pemda,
            OpdServices.OpdService service,
            Model model,
            @Nullable String error,
            @Nullable String score,
            @Nullable String comment) {
        model.addAttribute("pemda", pemda.name());
        model.addAttribute("service", service);
        model.addAttribute("action", "/publik/" + pemda.code().value() + "/layanan/" + service.slug());
        model.addAttribute("token", tokens.issue(pemda.code().value(), service.slug()));
        model.addAttribute("error", error);
        model.addAttribute("score", score);
        model.addAttribute(
                "comment", comment == null ? "" : comment.length() > 1000 ? comment.substring(0, 1000) : comment);
        return "evaluation/feedback/public";
    }

    private static String thanks(Tenant pemda, OpdServices.OpdService service, Model model) {
        model.addAttribute("pemda", pemda.name());
        model.addAttribute("service", service);
        return "evaluation/feedback/public-thanks";
    }

    private static String tooMany(HttpServletResponse response, FloodGuard.Verdict verdict, Model model) {
        response.setStatus(429);
        model.addAttribute("minutes", Math.max(1, (verdict.retryAfterSeconds() + 59) / 60));
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(verdict.retryAfterSeconds()));
        return "evaluation/feedback/public-busy";
    }

    private static @Nullable Integer parseScore(@Nullable String score) {
        if (score == null || !score.matches("[1-5]")) {
            return null;
        }
        return Integer.parseInt(score);
    }

    private static FeedbackInbox.@Nullable ServedMode parseServed(@Nullable String served) {
        if (served == null || served.isEmpty()) {
            return null;
        }
        try {
            return FeedbackInbox.ServedMode.valueOf(served);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
