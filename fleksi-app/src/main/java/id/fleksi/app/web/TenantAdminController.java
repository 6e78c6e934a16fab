package id.fleksi.app.web;

import id.fleksi.platform.modules.ModuleSwitches;
import id.fleksi.platform.problem.Problem;
import id.fleksi.platform.security.Caller;
import id.fleksi.platform.security.Role;
import id.fleksi.platform.tenancy.Tenant;
import id.fleksi.platform.web.PageController;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The tenant admin's page of feature modules: switches and settings forms. */
@PageController
class TenantAdminController {

    private final ModuleSwitches switches;
    private final TenantMenu menu;
    private final MessageSource messages;

    TenantAdminController(ModuleSwitches switches, TenantMenu menu, MessageSource messages) {
        this.switches = switches;
        this.menu = menu;
        this.messages = messages;
    }

    @GetMapping("/t/{code}/admin/modules")
    String modules(Tenant tenant, Caller caller, Model model, Locale locale) {
        requireAdmin(caller);
        model.addAttribute("tenant", tenant);
        model.addAttribute("caller", caller);
        model.addAttribute("menu", menu.linksFor(tenant.code(), caller, locale));
        model.addAttribute("modules", switches.states(tenant.code()));
        return "tenant/modules";
    }

    @PostMapping("/t/{code}/admin/modules/{id}")
    String change(
            Tenant tenant,
            Caller caller,
            @PathVariable String id,
            @RequestParam(required = false) Boolean enabled,
            @RequestParam Map<String, String> form,
            RedirectAttributes redirect,
            Locale locale) {
        requireAdmin(caller);
        try {
            switches.change(tenant.code(), id, enabled, SettingsForm.read(form), caller.username());
            redirect.addFlashAttribute("message", id);
        } catch (Problem e) {
            redirect.addFlashAttribute("error", e.detailFor(messages, locale));
        }
        return "redirect:/t/" + tenant.code() + "/admin/modules";
    }

    private static void requireAdmin(Caller caller) {
        if (!caller.hasRole(Role.TENANT_ADMIN)) {
            throw Problem.forbidden("missing-role", "Not allowed", "Only a tenant admin may switch modules.")
                    .variant("modules");
        }
    }
}
