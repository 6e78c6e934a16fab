package id.fleksi.app.web;

import id.fleksi.platform.security.Caller;
import id.fleksi.platform.tenancy.Tenant;
import id.fleksi.platform.web.PageController;
import id.fleksi.platform.web.TenantGate;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A tenant user's home page: who you are, in which pemda. The one page that admits its caller itself (the tenant
 * interceptor leaves it out): someone logged in elsewhere is sent to this tenant's login instead of being refused.
 */
@PageController
class TenantHomeController {

    private final TenantGate gate;
    private final TenantMenu menu;

    TenantHomeController(TenantGate gate, TenantMenu menu) {
        this.gate = gate;
        this.menu = menu;
    }

    @GetMapping({"/t/{code}", "/t/{code}/"})
    String home(@PathVariable String code, Caller caller, Model model, java.util.Locale locale) {
        Tenant tenant = gate.serving(code);
        if (caller == null || !tenant.realm().equals(caller.realm())) {
            // Logged in elsewhere (another tenant, or the platform): log in again with this tenant's realm.
            return "redirect:/oauth2/authorization/" + tenant.realm();
        }
        gate.admit(code, caller);
        model.addAttribute("tenant", tenant);
        model.addAttribute("caller", caller);
        model.addAttribute("menu", menu.linksFor(tenant.code(), caller, locale));
        return "tenant/home";
    }
}
