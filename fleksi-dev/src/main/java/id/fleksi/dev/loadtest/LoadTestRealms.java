package id.fleksi.dev.loadtest;

import id.fleksi.platform.security.IdentityProperties;
import id.fleksi.provisioning.realm.KeycloakAdmin;
import id.fleksi.provisioning.realm.RealmProvisioner;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.springframework.context.ApplicationContext;

/**
 * The benchmarks' throw-away realms, and only theirs: kept out of tenant-provisioning so that no production code path
 * can weaken a realm people use. Beside the realm package (the one place that talks to Keycloak's admin API), not a bean.
 */
public final class LoadTestRealms {

    private LoadTestRealms() {}

    /**
     * Readies a throw-away realm for a load test: password hashing cut to one iteration (so thousands of users can log
     * in within seconds), hour-long access tokens, and a public client {@code clientId} for the password grant with the
     * API's audience. Never for a realm people use.
     */
    public static void prepare(ApplicationContext context, String realm, String clientId) {
        KeycloakAdmin keycloak = context.getBean(KeycloakAdmin.class);
        String audience = context.getBean(IdentityProperties.class).audience();
        keycloak.call("prepare " + realm + " for a load test", () -> {
            RealmResource resource = keycloak.client().realm(realm);
            RealmRepresentation representation = resource.toRepresentation();
            representation.setPasswordPolicy("hashIterations(1)");
            representation.setAccessTokenLifespan(3600);
            resource.update(representation);
            ClientRepresentation client = new ClientRepresentation();
            client.setClientId(clientId);
            client.setPublicClient(true);
            client.setDirectAccessGrantsEnabled(true);
            client.setStandardFlowEnabled(false);
            client.setProtocolMappers(List.of(RealmProvisioner.apiAudience(audience)));
            try (Response response = resource.clients().create(client)) {
                return response.getStatus();
            }
        });
    }
}
