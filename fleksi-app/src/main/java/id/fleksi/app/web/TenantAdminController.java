package id.fleksi.app.web;

import java.util.Locale;
import java.util.Map;

import id.fleksi.platform.modules.ModuleSwitches;
import id.fleksi.platform.security.Caller;
import id.fleksi.platform.security.IdentityProperties;
import id.fleksi.platform.security.Role;
import id.fleksi.platform.tenancy.Tenant;
import id.fleksi.platform.web.Problem;
import id.fleksi.platform.web.TenantGate;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The tenant admin's page of feature modules: switches and settings forms. */
@Controller
class TenantAdminController {

    private final TenantGate gate;
    private final IdentityProperties identity;
    private final ModuleSwitches switches;
    private final TenantMenu menu;

    TenantAdminController(TenantGate gate, IdentityProperties identity, ModuleSwitches switches, TenantMenu menu) {
        this.gate = gate;
        this.identity = identity;
        this.switches = switches;
        this.menu = menu;
    }

    @GetMapping("/t/{code}/admin/modules")
    String modules(@PathVariable String code, Authentication authentication, Model model, Locale locale) {
        Tenant tenant = admin(code, authentication);
        Caller caller = Caller.of(authentication, identity);
        model.addAttribute("tenant", tenant);
        model.addAttribute("caller", caller);
        model.addAttribute("menu", menu.linksFor(tenant.code(), caller, locale));
        model.addAttribute("modules", switches.states(tenant.code()));
        return "tenant/modules";
    }

    @PostMapping("/t/{code}/admin/modules/{id}")
    String change(@PathVariable String code, @PathVariable String id, @RequestParam(required = false) Boolean enabled,
            @RequestParam Map<String, String> form, Authentication authentication, RedirectAttributes redirect) {
        Tenant tenant = admin(code, authentication);
        Map<String, Object> settings = new java.util.LinkedHashMap<>();
        form.forEach((key, value) -> {
            if (key.startsWith("settings.")) {
                settings.put(key.substring("settings.".length()), value);
            }
        });
        try {
            switches.change(tenant.code(), id, enabled, settings, Caller.of(authentication, identity).username());
            redirect.addFlashAttribute("message", id);
        } catch (Problem e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/t/" + code + "/admin/modules";
    }

    private Tenant admin(String code, Authentication authentication) {
        Caller caller = Caller.of(authentication, identity);
        Tenant tenant = gate.admit(code, caller);
        if (!caller.hasRole(Role.TENANT_ADMIN)) {
            throw Problem.forbidden("missing-role", "Not allowed", "Only a tenant admin may switch modules.").variant("modules");
        }
        return tenant;
    }
}
