package id.fleksi.modules.monitoring.internal;

import id.fleksi.modules.monitoring.Apels;
import id.fleksi.modules.monitoring.LiveView;
import id.fleksi.platform.security.Caller;
import id.fleksi.platform.security.Role;
import id.fleksi.platform.tenancy.Tenant;
import id.fleksi.platform.web.PageController;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The apel's pages: the list (and the admin's form to schedule one), the leader's live ranking (kept current by
 * {@code apel.js}, which reads the ranking every few seconds from the database, so every replica shows the same), the
 * OPD head's report, and the phone's confirmation.
 */
@PageController
class ApelPage {

    private final Apels apels;
    private final LiveView live;

    ApelPage(Apels apels, LiveView live) {
        this.apels = apels;
        this.live = live;
    }

    @GetMapping("/t/{code}/monitoring/apel")
    String list(Tenant tenant, Caller caller, @RequestParam(required = false) @Nullable String done, Model model) {
        model.addAttribute("tenant", tenant);
        model.addAttribute("apels", apels.scheduled());
        model.addAttribute("admin", caller.hasRole(Role.TENANT_ADMIN));
        model.addAttribute("done", done);
        return "monitoring/apels";
    }

    @PostMapping("/t/{code}/monitoring/apel")
    String schedule(
            Tenant tenant,
            Caller caller,
            @RequestParam(required = false) @Nullable String title,
            @RequestParam(required = false) @Nullable String weekday,
            @RequestParam(required = false) @Nullable String date,
            @RequestParam(required = false) @Nullable String startsAt,
            @RequestParam(required = false) @Nullable Integer windowMinutes) {
        apels.schedule(
                tenant,
                caller,
                new Apels.NewApel(
                        title,
                        blank(weekday) ? null : weekday,
                        blank(date) ? null : java.time.LocalDate.parse(date),
                        startsAt,
                        windowMinutes,
                        true));
        return "redirect:/t/" + tenant.code().value() + "/monitoring/apel?done=scheduled";
    }

    @GetMapping("/t/{code}/monitoring/apel/{id}")
    String ranking(
            Tenant tenant,
            Caller caller,
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String done,
            Model model) {
        live.sightOf(caller);
        model.addAttribute("tenant", tenant);
        model.addAttribute("ranking", apels.ranking(tenant, id));
        model.addAttribute("done", done);
        return "monitoring/apel";
    }

    @PostMapping("/t/{code}/monitoring/apel/{id}/report")
    String report(
            Tenant tenant,
            Caller caller,
            @PathVariable UUID id,
            @RequestParam String opd,
            @RequestParam(required = false) @Nullable String text) {
        apels.report(tenant, caller, id, opd, text);
        return "redirect:/t/" + tenant.code().value() + "/monitoring/apel/" + id + "?done=reported";
    }

    @GetMapping("/t/{code}/monitoring/apel/{id}/confirm")
    String confirmPage(Tenant tenant, @PathVariable UUID id, Model model) {
        model.addAttribute("tenant", tenant);
        model.addAttribute("apel", apels.find(id));
        return "monitoring/apel-confirm";
    }

    private static boolean blank(@Nullable String value) {
        return value == null || value.isBlank();
    }
}
