package id.fleksi.provisioning.realm;

import id.fleksi.platform.security.IdentityProperties;
import id.fleksi.platform.security.RealmRoles;
import jakarta.ws.rs.NotFoundException;
import java.util.List;
import java.util.Map;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.RolesRepresentation;
import org.keycloak.representations.userprofile.config.UPAttribute;
import org.keycloak.representations.userprofile.config.UPConfig;
import org.springframework.stereotype.Component;

/**
 * Makes, switches and removes Fleksi's realms through Keycloak's admin API ({@link KeycloakAdmin}); the users in them are
 * {@link RealmUsers}' (one at a time) and {@link KeycloakEmployeeAccounts}' (employees' accounts in bulk).
 *
 * <p>A realm is created in one call with its roles, the web client and the first users, so a realm never
 * exists half made.
 */
@Component
public class RealmProvisioner {

    /** At least 10 characters, not the username, and not one of the last 3 passwords. */
    static final String PASSWORD_POLICY = "length(10) and notUsername and passwordHistory(3)";

    private final KeycloakAdmin keycloak;
    private final KeycloakAdminProperties admin;
    private final IdentityProperties identity;
    private final RealmRoles realmRoles;

    public RealmProvisioner(KeycloakAdmin keycloak, IdentityProperties identity, RealmRoles realmRoles) {
        this.keycloak = keycloak;
        this.admin = keycloak.properties();
        this.identity = identity;
        this.realmRoles = realmRoles;
    }

    /** Creates a realm with Fleksi's roles (and the feature modules'), its web client, and the given first users. */
    public void createRealm(String realm, String displayName, boolean platformRealm, List<RealmUser> users) {
        RealmRepresentation representation = new RealmRepresentation();
        representation.setRealm(realm);
        representation.setDisplayName(displayName);
        // Keycloak's login page shows the HTML name, which falls back to the plain one taken as HTML; and Keycloak
        // decodes
        // entities before sanitising, so escaping is undone: a tenant named "Kabupaten <img ...>" would put an element
        // on
        // the page. The HTML name is the plain one with its angle brackets as the look-alike quotation marks.
        representation.setDisplayNameHtml(displayName.replace('<', '\u2039').replace('>', '\u203A'));
        representation.setEnabled(true);
        representation.setInternationalizationEnabled(true);
        representation.setSupportedLocales(java.util.Set.of("id", "en"));
        representation.setDefaultLocale("id");
        representation.setPasswordPolicy(PASSWORD_POLICY);
        representation.setBruteForceProtected(true);
        representation.setPermanentLockout(false);
        representation.setFailureFactor(5);
        representation.setWaitIncrementSeconds(60);
        representation.setMaxFailureWaitSeconds(900);
        representation.setLoginWithEmailAllowed(true);
        representation.setResetPasswordAllowed(false); // until the tenant sets its mail server: RealmLoginPages
        // A tenant's people read the theme's words (a forgotten password goes to their BKD); the operators' realm keeps
        // Keycloak's own pages.
        if (!platformRealm && !admin.loginTheme().isBlank()) {
            representation.setLoginTheme(admin.loginTheme());
        }
        RolesRepresentation roles = new RolesRepresentation();
        roles.setRealm(realmRoles.grantable(platformRealm).stream()
                .map(RealmProvisioner::role)
                .toList());
        representation.setRoles(roles);
        representation.setClients(List.of(webClient()));
        representation.setUsers(users.stream().map(RealmUsers::representation).toList());
        keycloak.call("create realm " + realm, () -> {
            keycloak.client().realms().create(representation);
            makeContactDetailsOptional(keycloak.client().realm(realm));
            return null;
        });
    }

    /**
     * Many ASN have no e-mail address in personnel data and log in by username (NIP): Keycloak's default
     * user profile would stop them at login ("account not fully set up") until they invent one.
     */
    private static void makeContactDetailsOptional(RealmResource realm) {
        UPConfig profile = realm.users().userProfile().getConfiguration();
        for (String attribute : List.of("email", "firstName", "lastName")) {
            UPAttribute definition = profile.getAttribute(attribute);
            if (definition != null) {
                definition.setRequired(null);
            }
        }
        realm.users().userProfile().update(profile);
    }

    public boolean realmExists(String realm) {
        return keycloak.call("look up realm " + realm, () -> {
            try {
                keycloak.client().realm(realm).toRepresentation();
                return true;
            } catch (NotFoundException e) {
                return false;
            }
        });
    }

    /** Removes a realm and its users; nothing happens if it does not exist. */
    public void deleteRealm(String realm) {
        keycloak.call("delete realm " + realm, () -> {
            try {
                keycloak.client().realm(realm).remove();
            } catch (NotFoundException e) {
                // already gone
            }
            return null;
        });
    }

    /** Enables or disables a realm: a disabled realm logs nobody in and issues no tokens. */
    public void setRealmEnabled(String realm, boolean enabled) {
        keycloak.call((enabled ? "enable" : "disable") + " realm " + realm, () -> {
            RealmResource resource = keycloak.client().realm(realm);
            RealmRepresentation representation = resource.toRepresentation();
            representation.setEnabled(enabled);
            resource.update(representation);
            return null;
        });
    }

    private ClientRepresentation webClient() {
        ClientRepresentation client = new ClientRepresentation();
        client.setClientId(identity.webClientId());
        client.setName("Fleksi");
        client.setPublicClient(true);
        client.setStandardFlowEnabled(true);
        client.setDirectAccessGrantsEnabled(false);
        client.setImplicitFlowEnabled(false);
        client.setRedirectUris(List.of(admin.publicWebUrl() + "/*"));
        client.setWebOrigins(List.of("+"));
        client.setAttributes(Map.of("pkce.code.challenge.method", "S256", "post.logout.redirect.uris", "+"));
        client.setProtocolMappers(List.of(apiAudience(identity.audience()), realmRolesInIdToken()));
        return client;
    }

    /** Puts the API's audience into access tokens, which the API checks. */
    public static ProtocolMapperRepresentation apiAudience(String audience) {
        ProtocolMapperRepresentation mapper = new ProtocolMapperRepresentation();
        mapper.setName("fleksi-api-audience");
        mapper.setProtocol("openid-connect");
        mapper.setProtocolMapper("oidc-audience-mapper");
        mapper.setConfig(
                Map.of("included.custom.audience", audience, "access.token.claim", "true", "id.token.claim", "false"));
        return mapper;
    }

    /** Realm roles in the ID token too, so the web pages know them without another call. */
    private static ProtocolMapperRepresentation realmRolesInIdToken() {
        ProtocolMapperRepresentation mapper = new ProtocolMapperRepresentation();
        mapper.setName("realm-roles-in-id-token");
        mapper.setProtocol("openid-connect");
        mapper.setProtocolMapper("oidc-usermodel-realm-role-mapper");
        mapper.setConfig(Map.of(
                "claim.name",
                "realm_access.roles",
                "multivalued",
                "true",
                "jsonType.label",
                "String",
                "id.token.claim",
                "true",
                "access.token.claim",
                "true",
                "userinfo.token.claim",
                "true"));
        return mapper;
    }

    private static RoleRepresentation role(String name) {
        RoleRepresentation representation = new RoleRepresentation();
        representation.setName(name);
        representation.setDescription("Fleksi role " + name);
        return representation;
    }
}
