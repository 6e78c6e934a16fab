package id.fleksi.provisioning.realm;

import id.fleksi.platform.problem.Problem;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.function.Supplier;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The one connection to Keycloak's admin API ({@code keycloak-admin-client}, built on Jackson 2, stays in this
 * package), opened at first use, and the one place its answers become Fleksi's errors. Realms ({@link RealmProvisioner})
 * and employees' accounts ({@link KeycloakEmployeeAccounts}) go through it.
 */
@Component
@EnableConfigurationProperties(KeycloakAdminProperties.class)
public class KeycloakAdmin implements DisposableBean {

    private final KeycloakAdminProperties admin;
    private final MeterRegistry meters;
    private volatile Keycloak keycloak;

    @Autowired
    public KeycloakAdmin(KeycloakAdminProperties admin, MeterRegistry meters) {
        this.admin = admin;
        this.meters = meters;
    }

    /** With these properties (tests), its calls timed in Micrometer's global registry. */
    public KeycloakAdmin(KeycloakAdminProperties admin) {
        this(admin, Metrics.globalRegistry);
    }

    KeycloakAdminProperties properties() {
        return admin;
    }

    /**
     * Runs a call of the admin API, saying what it was for: Keycloak away is a {@link RealmUnavailableException} (503,
     * try again); a refusal of what was asked (400, 404, 409) is a problem of its own that no client retries. Public for
     * the realm tools that live beside this package but outside the application (the benchmarks' load-test realms).
     */
    public <T> T call(String what, Supplier<T> action) {
        try {
            return action.get();
        } catch (ProcessingException e) {
            throw new RealmUnavailableException(
                    "Keycloak at " + admin.url() + " is unreachable (" + what + "): " + rootMessage(e), e);
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            // A refusal of what was asked is permanent: said as such, so no client retries it (503 only when Keycloak
            // is away).
            if (status == 409) {
                throw Problem.conflict(
                                "identity-conflict",
                                "Already in Keycloak",
                                "Keycloak refused to " + what + ": it already exists there. Nothing was changed.")
                        .values(what);
            }
            if (status == 400) {
                String reason = e.getResponse().hasEntity() ? keycloakReason(e.getResponse()) : e.getMessage();
                throw Problem.badRequest(
                                "identity-refused",
                                "Refused by Keycloak",
                                "Keycloak refused to " + what + ": " + reason + ". Nothing was changed.")
                        .values(what, reason);
            }
            if (status == 404) {
                throw Problem.conflict(
                                "identity-missing",
                                "Missing in Keycloak",
                                "Keycloak has nothing to " + what + " (it was removed there). Nothing was changed.")
                        .values(what);
            }
            throw new RealmUnavailableException("Keycloak refused to " + what + ": HTTP " + status, e);
        }
    }

    /** Keycloak's own words for a 400 ({"errorMessage": ...}), at most a line of them. */
    static String keycloakReason(Response response) {
        try {
            Map<?, ?> body = response.readEntity(Map.class);
            Object message = body == null ? null : body.get("errorMessage");
            String text = message == null ? "the request is invalid" : message.toString();
            return text.length() > 200 ? text.substring(0, 200) + "..." : text;
        } catch (RuntimeException unreadable) {
            return "the request is invalid";
        }
    }

    /** The admin client, opened at first use; see {@link #call}. */
    public Keycloak client() {
        Keycloak result = keycloak;
        if (result == null) {
            synchronized (this) {
                if (keycloak == null) {
                    // Keycloak's own client (its Jackson 2 provider, its pool), with every call timed.
                    Client rest = Keycloak.getClientProvider().newRestEasyClient(null, null, false);
                    rest.register(new KeycloakCallTimer(meters));
                    KeycloakBuilder builder = KeycloakBuilder.builder()
                            .serverUrl(admin.url())
                            .realm(admin.realm())
                            .clientId(admin.clientId())
                            .resteasyClient(rest);
                    if (admin.clientSecret() != null && !admin.clientSecret().isBlank()) {
                        builder.clientSecret(admin.clientSecret()).grantType("client_credentials");
                    } else {
                        builder.username(admin.username())
                                .password(admin.password())
                                .grantType("password");
                    }
                    keycloak = builder.build();
                }
                result = keycloak;
            }
        }
        return result;
    }

    @Override
    public void destroy() {
        if (keycloak != null) {
            keycloak.close();
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
