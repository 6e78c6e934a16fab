package id.fleksi.provisioning.realm;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.client.ClientResponseContext;
import jakarta.ws.rs.client.ClientResponseFilter;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Times every call of Keycloak's admin API, the admin's own token included ({@value #TIMER}: method, the address as a
 * template, status). The template keeps only the words of Keycloak's API ({@code /admin/realms/{realm}/users/{id}/
 * reset-password}): a realm, a user id, a role or a username never becomes a tag, so the series stay a few dozen
 * however many tenants there are. A call that gets no answer (Keycloak away) is not timed here; it fails as
 * {@link RealmUnavailableException}.
 */
class KeycloakCallTimer implements ClientRequestFilter, ClientResponseFilter {

    static final String TIMER = "fleksi.keycloak.calls";
    private static final String STARTED = KeycloakCallTimer.class.getName() + ".started";
    private static final Set<String> WORDS = Set.of(
            "admin",
            "realms",
            "users",
            "count",
            "roles",
            "role-mappings",
            "realm",
            "clients",
            "client-scopes",
            "groups",
            "reset-password",
            "partialImport",
            "partial-export",
            "protocol",
            "openid-connect",
            "token",
            "logout",
            "credentials",
            "components",
            "profile",
            "composites",
            "execute-actions-email",
            "send-verify-email",
            "sessions",
            "default-default-client-scopes",
            "client-secret",
            "service-account-user",
            "authentication",
            "required-actions",
            "members",
            "attributes",
            "available",
            "effective");

    private final MeterRegistry meters;

    KeycloakCallTimer(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public void filter(ClientRequestContext request) {
        request.setProperty(STARTED, System.nanoTime());
    }

    @Override
    public void filter(ClientRequestContext request, ClientResponseContext response) {
        if (request.getProperty(STARTED) instanceof Long started) {
            Timer.builder(TIMER)
                    .description("Calls of Keycloak's admin API")
                    .tag("method", request.getMethod())
                    .tag("uri", template(request.getUri().getPath()))
                    .tag("status", String.valueOf(response.getStatus()))
                    .register(meters)
                    .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
    }

    /** The path with every segment that is not a word of Keycloak's API replaced: {realm} after "realms", else {id}. */
    static String template(String path) {
        if (path == null || path.isEmpty()) {
            return "/";
        }
        StringBuilder template = new StringBuilder();
        String previous = "";
        for (String segment : path.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            template.append('/')
                    .append(previous.equals("realms") ? "{realm}" : WORDS.contains(segment) ? segment : "{id}");
            previous = segment;
        }
        return template.length() == 0 ? "/" : template.toString();
    }
}
