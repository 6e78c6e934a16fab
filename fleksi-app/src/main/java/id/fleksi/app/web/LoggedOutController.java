package id.fleksi.app.web;

import id.fleksi.platform.security.IdentityProperties;
import id.fleksi.platform.tenancy.InvalidTenantCodeException;
import id.fleksi.platform.tenancy.Tenant;
import id.fleksi.platform.tenancy.TenantCode;
import id.fleksi.platform.tenancy.TenantRegistry;
import id.fleksi.platform.web.PageController;
import java.util.Optional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Where Keycloak sends the browser after a logout ({@code SecurityConfiguration}'s post-logout redirect names the
 * realm): it says the person is out, and offers to log in again to the same pemda. A realm that is not a served tenant
 * gets the front page's list instead of a link made from the address.
 */
@PageController
class LoggedOutController {

    private final TenantRegistry registry;
    private final IdentityProperties identity;

    LoggedOutController(TenantRegistry registry, IdentityProperties identity) {
        this.registry = registry;
        this.identity = identity;
    }

    @GetMapping("/logged-out/{realm}")
    String loggedOut(@PathVariable String realm, Model model) {
        if (realm.equals(identity.platformRealm())) {
            model.addAttribute("again", "/platform/");
        } else {
            tenant(realm).ifPresent(t -> {
                model.addAttribute("again", "/t/" + t.code().value() + "/");
                model.addAttribute("tenantName", t.name());
            });
        }
        return "logged-out";
    }

    private Optional<Tenant> tenant(String realm) {
        try {
            return registry.find(TenantCode.of(realm)).filter(Tenant::isActive);
        } catch (InvalidTenantCodeException e) {
            return Optional.empty();
        }
    }
}
