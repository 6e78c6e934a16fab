package id.fleksi.provisioning.realm;

import id.fleksi.platform.modules.ModuleSwitchedOn;
import jakarta.ws.rs.NotFoundException;
import java.util.Set;
import java.util.TreeSet;
import org.keycloak.representations.idm.RoleRepresentation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A module switched on for a tenant brings its realm roles into the tenant's realm when the realm lacks them: a realm is
 * made with the roles of the modules of its day, and a later release, or a kabupaten's own module, adds more. A realm not
 * made yet (onboarding switches modules on before it creates the realm) gets every role when it is made.
 */
@Component
class ModuleRolesInRealm {

    private static final Logger log = LoggerFactory.getLogger(ModuleRolesInRealm.class);

    private final KeycloakAdmin keycloak;

    ModuleRolesInRealm(KeycloakAdmin keycloak) {
        this.keycloak = keycloak;
    }

    @EventListener
    void on(ModuleSwitchedOn event) {
        if (event.realmRoles().isEmpty()) {
            return;
        }
        String realm = event.tenant().realmName();
        keycloak.call("add the roles of module " + event.moduleId() + " to realm " + realm, () -> {
            var roles = keycloak.client().realm(realm).roles();
            Set<String> missing = new TreeSet<>(event.realmRoles());
            try {
                roles.list().forEach(role -> missing.remove(role.getName()));
            } catch (NotFoundException noRealmYet) {
                return null;
            }
            for (String name : missing) {
                RoleRepresentation role = new RoleRepresentation();
                role.setName(name);
                role.setDescription("Fleksi role " + name + " (module " + event.moduleId() + ")");
                roles.create(role);
                log.info("Realm {} got role {} of module {}.", realm, name, event.moduleId());
            }
            return null;
        });
    }
}
