package id.fleksi.modules.evaluation.feedback;

import id.fleksi.modules.evaluation.feedback.internal.OpdServices;
import id.fleksi.platform.tenancy.Tenant;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Where a service's public page is, as the citizen's phone reaches it: Fleksi's public address
 * ({@code FLEKSI_PUBLIC_URL}, the same the realms' logins return to) and the page's path. It is what the QR code holds.
 */
@Component
public class PublicAddress {

    private final String base;

    PublicAddress(Environment environment) {
        String url = environment.getProperty("fleksi.keycloak-admin.public-web-url", "http://127.0.0.1:8080");
        this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    public String of(Tenant tenant, OpdServices.OpdService service) {
        return base + "/publik/" + tenant.code().value() + "/layanan/" + service.slug();
    }
}
