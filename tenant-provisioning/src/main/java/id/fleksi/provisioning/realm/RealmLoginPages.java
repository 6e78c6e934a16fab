package id.fleksi.provisioning.realm;

import id.fleksi.platform.mail.MailServer;
import id.fleksi.platform.mail.TenantMailServerChanged;
import id.fleksi.platform.mail.TenantMailServers;
import id.fleksi.platform.tenancy.Tenant;
import id.fleksi.platform.tenancy.TenantCode;
import id.fleksi.platform.tenancy.TenantRegistry;
import id.fleksi.platform.tenancy.TenantStatus;
import jakarta.ws.rs.NotFoundException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.keycloak.representations.idm.RealmRepresentation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What a tenant realm's login pages offer: Fleksi's login theme, and a forgotten password reset by e-mail exactly when
 * the tenant has set its mail server (the realm's SMTP server is then that one); without one, the page sends people to
 * BKD for a one-time password. Fleksi owns these three realm settings: a change of the tenant's mail server puts them
 * into the realm at once, and {@code fleksi migrate} brings every existing realm in line ({@link #applyToAll}).
 */
@Component
public class RealmLoginPages {

    private static final Logger log = LoggerFactory.getLogger(RealmLoginPages.class);

    private final KeycloakAdmin keycloak;
    private final String loginTheme;
    private final TenantRegistry registry;
    private final ObjectProvider<TenantMailServers> mailServers;

    public RealmLoginPages(
            KeycloakAdmin keycloak, TenantRegistry registry, ObjectProvider<TenantMailServers> mailServers) {
        this.keycloak = keycloak;
        this.loginTheme = keycloak.properties().loginTheme();
        this.registry = registry;
        this.mailServers = mailServers;
    }

    @EventListener
    void on(TenantMailServerChanged event) {
        apply(event.tenant(), event.server());
    }

    /** The tenant's realm as its settings say; false when nothing had to change. */
    public boolean apply(TenantCode tenant) {
        TenantMailServers servers = mailServers.getIfAvailable();
        return apply(tenant, servers == null ? Optional.empty() : servers.of(tenant));
    }

    /**
     * Every active or suspended tenant's realm, one at a time; a realm that could not be reached is reported and the
     * others are still done.
     *
     * @return the tenants whose realm could not be brought in line, with the reason
     */
    public Map<TenantCode, String> applyToAll(Consumer<String> progress) {
        List<Tenant> tenants = registry.list().stream()
                .filter(t -> t.status() == TenantStatus.ACTIVE || t.status() == TenantStatus.SUSPENDED)
                .toList();
        Map<TenantCode, String> failed = new LinkedHashMap<>();
        int done = 0;
        for (Tenant tenant : tenants) {
            done++;
            try {
                if (apply(tenant.code())) {
                    progress.accept("login page " + done + "/" + tenants.size() + " " + tenant.code() + " updated");
                }
            } catch (RuntimeException e) {
                failed.put(tenant.code(), e.getMessage());
                progress.accept("login page " + done + "/" + tenants.size() + " " + tenant.code() + " NOT updated: "
                        + e.getMessage());
            }
        }
        return failed;
    }

    boolean apply(TenantCode tenant, Optional<MailServer> mail) {
        String realm = tenant.realmName();
        return keycloak.call("set the login pages of realm " + realm, () -> {
            RealmRepresentation current;
            try {
                current = keycloak.client().realm(realm).toRepresentation();
            } catch (NotFoundException notMadeYet) {
                return false; // onboarding makes it with the theme; a mail server set before that waits for migrate
            }
            Map<String, String> smtp = mail.map(RealmLoginPages::smtp).orElse(Map.of());
            String theme = loginTheme.isBlank() ? current.getLoginTheme() : loginTheme;
            boolean same = Objects.equals(theme, current.getLoginTheme())
                    && Boolean.valueOf(mail.isPresent()).equals(current.isResetPasswordAllowed())
                    && smtp.equals(current.getSmtpServer() == null ? Map.of() : current.getSmtpServer());
            if (same) {
                return false;
            }
            RealmRepresentation change = new RealmRepresentation(); // only these fields: Keycloak leaves the rest
            change.setLoginTheme(theme);
            change.setResetPasswordAllowed(mail.isPresent());
            change.setSmtpServer(smtp);
            keycloak.client().realm(realm).update(change);
            log.info(
                    "Realm {}: login theme {}, password reset by e-mail {}.",
                    realm,
                    theme,
                    mail.map(m -> "through " + m.host() + ":" + m.port()).orElse("off (BKD's one-time password)"));
            return true;
        });
    }

    private static Map<String, String> smtp(MailServer server) {
        Map<String, String> smtp = new LinkedHashMap<>();
        smtp.put("host", server.host());
        smtp.put("port", Integer.toString(server.port()));
        smtp.put("from", server.from());
        smtp.put("fromDisplayName", "Fleksi");
        smtp.put("auth", "false");
        smtp.put("ssl", "false");
        smtp.put("starttls", "false");
        return smtp;
    }
}
