package id.fleksi.app.web;

import id.fleksi.platform.problem.Problem;
import id.fleksi.platform.security.Caller;
import id.fleksi.platform.security.IdentityProperties;
import id.fleksi.platform.security.Role;
import id.fleksi.platform.tenancy.InvalidTenantCodeException;
import id.fleksi.platform.tenancy.RegionTimeZone;
import id.fleksi.platform.tenancy.TenantCode;
import id.fleksi.platform.tenancy.TenantKind;
import id.fleksi.platform.tenancy.TenantRegistry;
import id.fleksi.platform.tenancy.TenantStatus;
import id.fleksi.platform.web.PageController;
import id.fleksi.provisioning.bundle.BundleJobs;
import id.fleksi.provisioning.bundle.BundleSignatures;
import id.fleksi.provisioning.bundle.BundleTransfers;
import id.fleksi.provisioning.bundle.InstanceKeys;
import id.fleksi.provisioning.bundle.TenantHandover;
import id.fleksi.provisioning.feed.FeedDays;
import id.fleksi.provisioning.lifecycle.TenantLifecycle;
import id.fleksi.provisioning.onboarding.NewTenant;
import id.fleksi.provisioning.onboarding.Onboarded;
import id.fleksi.provisioning.onboarding.OnboardingFailedException;
import id.fleksi.provisioning.onboarding.TenantOnboarding;
import jakarta.validation.Validator;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The provincial operator's console: tenants, onboarding, suspend and resume; moving tenants ({@link PlatformBundlePages}). */
@PageController
class PlatformConsoleController {

    private final TenantRegistry registry;
    private final TenantOnboarding onboarding;
    private final TenantLifecycle lifecycle;
    private final IdentityProperties identity;
    private final Validator validator;
    private final BundleJobs jobs;
    private final InstanceKeys keys;
    private final TenantHandover handover;
    private final FeedDays feeds;
    private final MessageSource messages;

    PlatformConsoleController(
            TenantRegistry registry,
            TenantOnboarding onboarding,
            TenantLifecycle lifecycle,
            IdentityProperties identity,
            Validator validator,
            BundleJobs jobs,
            InstanceKeys keys,
            TenantHandover handover,
            FeedDays feeds,
            MessageSource messages) {
        this.feeds = feeds;
        this.messages = messages;
        this.jobs = jobs;
        this.keys = keys;
        this.handover = handover;
        this.registry = registry;
        this.onboarding = onboarding;
        this.lifecycle = lifecycle;
        this.identity = identity;
        this.validator = validator;
    }

    /** The parent chosen for a pemda that runs on its own (a kabupaten's own Fleksi): no province above it here. */
    static final String NO_PARENT = "-";

    /** The onboarding form as typed; blank fields stay null. */
    record OnboardingForm(
            String code, String name, TenantKind kind, String parent, String regionCode, RegionTimeZone timeZone) {}

    @GetMapping({"/platform", "/platform/"})
    String console(
            Authentication authentication,
            Model model,
            jakarta.servlet.http.HttpServletRequest request,
            jakarta.servlet.http.HttpServletResponse response) {
        if (!isOperator(authentication)) {
            return "redirect:/oauth2/authorization/" + identity.platformRealm();
        }
        model.addAttribute("caller", Caller.of(authentication, identity));
        var tenants = registry.list();
        model.addAttribute("tenants", tenants);
        model.addAttribute("kinds", TenantKind.values());
        model.addAttribute(
                "provinces",
                tenants.stream()
                        .filter(t -> t.kind() == TenantKind.PROVINCE && t.status() == TenantStatus.ACTIVE)
                        .toList());
        model.addAttribute("zones", RegionTimeZone.values());
        var recent = jobs.recent();
        model.addAttribute("jobs", recent);
        model.addAttribute("fingerprint", BundleSignatures.fingerprint(keys.publicKey()));
        // Where each handed-over tenant went, and whether the kabupaten has yet to confirm (only then can it be
        // cancelled).
        java.util.Map<String, String> wentTo = new java.util.HashMap<>();
        java.util.Set<String> awaitingConfirmation = new java.util.HashSet<>();
        tenants.stream()
                .filter(t -> t.status() == TenantStatus.HANDED_OVER || t.status() == TenantStatus.HANDING_OVER)
                .forEach(t -> handover.handover(t.code()).ifPresent(h -> {
                    wentTo.put(t.code().value(), h.replicaUrl());
                    if (h.state() == BundleTransfers.State.RUNNING) {
                        awaitingConfirmation.add(t.code().value());
                    }
                }));
        model.addAttribute("wentTo", wentTo);
        model.addAttribute("awaitingConfirmation", awaitingConfirmation);
        // A self-hosted kabupaten beside the shared ones: its last day as its replica's feed reported it.
        java.util.Map<String, FeedDays.ReceivedDay> fed = new java.util.HashMap<>();
        tenants.stream()
                .filter(t -> t.status() == TenantStatus.HANDED_OVER || t.status() == TenantStatus.ARCHIVED)
                .forEach(t ->
                        feeds.latest(t.code()).ifPresent(day -> fed.put(t.code().value(), day)));
        model.addAttribute("fed", fed);
        if (recent.stream().anyMatch(job -> job.state() == BundleJobs.State.RUNNING)) {
            // The progress of a running job, without a script. A refresh to the page's own address, which ends in
            // #bundles, would only scroll (a fragment navigation) and never load: every other refresh adds ?progress.
            String next = request.getParameter("progress") == null ? "?progress" : "";
            response.setHeader("Refresh", "3; url=" + request.getContextPath() + "/platform/" + next + "#bundles");
        }
        return "platform/console";
    }

    @PostMapping("/platform/tenants")
    String onboard(
            @ModelAttribute OnboardingForm form,
            Authentication authentication,
            RedirectAttributes redirect,
            Locale locale) {
        requireOperator(authentication);
        String parent = blankToNull(form.parent());
        NewTenant request = new NewTenant(
                form.code(),
                form.name(),
                form.kind(),
                NO_PARENT.equals(parent) ? null : parent,
                form.regionCode(),
                form.timeZone());
        var violations = validator.validate(request);
        if (!violations.isEmpty()) {
            redirect.addFlashAttribute(
                    "error",
                    violations.stream()
                            .map(v -> v.getPropertyPath() + " " + v.getMessage())
                            .sorted()
                            .reduce((a, b) -> a + "; " + b)
                            .orElse(""));
            redirect.addFlashAttribute("form", form);
            return "redirect:/platform/";
        }
        if (form.kind() != null && form.kind() != TenantKind.PROVINCE && parent == null) {
            // A kabupaten or kota hosted here belongs to a province; "none" must be chosen, never fallen into.
            redirect.addFlashAttribute("errorKey", "platform.error.parent");
            redirect.addFlashAttribute("form", form);
            return "redirect:/platform/";
        }
        try {
            Onboarded onboarded = onboarding.onboard(request);
            redirect.addFlashAttribute("onboarded", onboarded);
        } catch (InvalidTenantCodeException e) {
            redirect.addFlashAttribute("badCode", e.rejected());
            redirect.addFlashAttribute("form", form);
        } catch (Problem e) {
            redirect.addFlashAttribute("error", e.detailFor(messages, locale));
            redirect.addFlashAttribute("form", form);
        } catch (OnboardingFailedException e) {
            redirect.addFlashAttribute("error", e.getMessage());
            redirect.addFlashAttribute("form", form);
        }
        return "redirect:/platform/";
    }

    /** Suspend, resume or archive; the page asked first and said what the pemda's users will see. */
    @PostMapping("/platform/tenants/{code}/{action:suspend|resume|archive}")
    String lifecycle(
            @PathVariable String code,
            @PathVariable String action,
            Authentication authentication,
            RedirectAttributes redirect) {
        requireOperator(authentication);
        try {
            TenantCode tenant = TenantCode.of(code);
            var result = switch (action) {
                case "suspend" -> lifecycle.suspend(tenant);
                case "resume" -> lifecycle.resume(tenant);
                default -> lifecycle.archive(tenant);
            };
            redirect.addFlashAttribute("done", action);
            redirect.addFlashAttribute("doneTenant", result);
        } catch (Problem | InvalidTenantCodeException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/platform/";
    }

    private boolean isOperator(Authentication authentication) {
        Caller caller = Caller.of(authentication, identity);
        return caller != null
                && identity.platformRealm().equals(caller.realm())
                && caller.hasRole(Role.PLATFORM_OPERATOR);
    }

    private void requireOperator(Authentication authentication) {
        if (!isOperator(authentication)) {
            throw Problem.forbidden("missing-role", "Not allowed", "Only a platform operator may change tenants.")
                    .variant("platform");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
