package id.fleksi.app.web;

import id.fleksi.platform.security.Caller;
import id.fleksi.platform.security.IdentityProperties;
import id.fleksi.platform.tenancy.Tenant;
import id.fleksi.platform.web.TenantGate;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** A tenant user's home page: who you are, in which pemda. */
@Controller
class TenantHomeController {

    private final TenantGate gate;
    private final IdentityProperties identity;
    private final TenantMenu menu;

    TenantHomeController(TenantGate gate, IdentityProperties identity, TenantMenu menu) {
        this.gate = gate;
        this.identity = identity;
        this.menu = menu;
    }

    @GetMapping({"/t/{code}", "/t/{code}/"})
    String home(@PathVariable String code, Authentication authentication, Model model, java.util.Locale locale) {
        Tenant tenant = gate.serving(code);
        Caller caller = Caller.of(authentication, identity);
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
