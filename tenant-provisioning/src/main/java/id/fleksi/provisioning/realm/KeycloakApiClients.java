package id.fleksi.provisioning.realm;

import id.fleksi.platform.problem.Problem;
import id.fleksi.platform.security.ApiClients;
import id.fleksi.platform.security.IdentityProperties;
import id.fleksi.platform.tenancy.TenantCode;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.springframework.stereotype.Component;

/**
 * Another system's clients in a tenant's realm ({@link ApiClients}): confidential, the client-credentials grant only (no
 * browser login, no password grant), the API's audience in their tokens, and one realm role on the service account. Each
 * is marked with the attribute {@value #ROLE_ATTRIBUTE} naming that role, so a list shows only the clients made for it and
 * a delete never removes a client Fleksi did not make.
 */
@Component
class KeycloakApiClients implements ApiClients {

    static final String ROLE_ATTRIBUTE = "fleksi.api-client.role";

    private final KeycloakAdmin keycloak;
    private final IdentityProperties identity;

    KeycloakApiClients(KeycloakAdmin keycloak, IdentityProperties identity) {
        this.keycloak = keycloak;
        this.identity = identity;
    }

    @Override
    public Issued create(TenantCode tenant, String name, String realmRole) {
        String realm = tenant.realmName();
        String clientId =
                realmRole + "-" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        return keycloak.call("create the API client " + clientId + " in " + realm, () -> {
            RealmResource resource = keycloak.client().realm(realm);
            RoleRepresentation role = roleMadeIfMissing(resource, realmRole);
            ClientRepresentation client = new ClientRepresentation();
            client.setClientId(clientId);
            client.setName(name);
            client.setDescription("Fleksi API client for another system (" + realmRole + ")");
            client.setEnabled(true);
            client.setPublicClient(false);
            client.setClientAuthenticatorType("client-secret");
            client.setServiceAccountsEnabled(true);
            client.setStandardFlowEnabled(false);
            client.setImplicitFlowEnabled(false);
            client.setDirectAccessGrantsEnabled(false);
            client.setAttributes(Map.of(ROLE_ATTRIBUTE, realmRole));
            client.setProtocolMappers(List.of(RealmProvisioner.apiAudience(identity.audience())));
            String id;
            try (Response response = resource.clients().create(client)) {
                id = CreatedResponseUtil.getCreatedId(response);
            }
            UserRepresentation account = resource.clients().get(id).getServiceAccountUser();
            resource.users().get(account.getId()).roles().realmLevel().add(List.of(role));
            String secret = resource.clients().get(id).getSecret().getValue();
            return new Issued(
                    clientId, name, realmRole, secret, identity.issuer(realm) + "/protocol/openid-connect/token");
        });
    }

    @Override
    public List<Client> list(TenantCode tenant, String realmRole) {
        String realm = tenant.realmName();
        return keycloak.call(
                "list the API clients of " + realm,
                () -> keycloak.client().realm(realm).clients().findAll().stream()
                        .filter(c -> c.getAttributes() != null
                                && realmRole.equals(c.getAttributes().get(ROLE_ATTRIBUTE)))
                        .map(c -> new Client(
                                c.getClientId(),
                                c.getName() == null ? c.getClientId() : c.getName(),
                                realmRole,
                                Boolean.TRUE.equals(c.isEnabled())))
                        .sorted(Comparator.comparing(Client::name))
                        .toList());
    }

    @Override
    public void delete(TenantCode tenant, String clientId, String realmRole) {
        String realm = tenant.realmName();
        keycloak.call("delete the API client " + clientId + " in " + realm, () -> {
            RealmResource resource = keycloak.client().realm(realm);
            ClientRepresentation client = resource.clients().findByClientId(clientId).stream()
                    .filter(c -> c.getAttributes() != null
                            && realmRole.equals(c.getAttributes().get(ROLE_ATTRIBUTE)))
                    .findFirst()
                    .orElseThrow(() -> Problem.notFound(
                                    "api-client-unknown",
                                    "No such client",
                                    "There is no API" + " client " + clientId
                                            + " of this kind here. Nothing was changed.")
                            .values(clientId));
            resource.clients().get(client.getId()).remove();
            return null;
        });
    }

    /** The realm role; a realm made before the module that adds it lacks it, and gets it now. */
    private static RoleRepresentation roleMadeIfMissing(RealmResource realm, String name) {
        try {
            return realm.roles().get(name).toRepresentation();
        } catch (NotFoundException missing) {
            RoleRepresentation role = new RoleRepresentation();
            role.setName(name);
            role.setDescription("Fleksi role " + name);
            realm.roles().create(role);
            return realm.roles().get(name).toRepresentation();
        }
    }
}
