package id.fleksi.platform.security;

import id.fleksi.platform.tenancy.TenantCode;
import java.util.List;

/**
 * Clients of a tenant's realm that another system (a payroll system, a province's e-Kinerja bridge) uses to call the API
 * on its own, with the client-credentials grant: a client id and a secret, and one narrow realm role on its service
 * account, usually a {@link ConfinedRole}. Implemented where Keycloak is talked to (tenant-provisioning); a feature
 * module only says what it needs.
 */
public interface ApiClients {

    /** A client as listed: never its secret, which is shown once, when it is made. */
    record Client(String clientId, String name, String realmRole, boolean enabled) {}

    /** A client just made, with its secret: the only time Fleksi shows it. */
    record Issued(String clientId, String name, String realmRole, String secret, String tokenUrl) {}

    /**
     * Makes a confidential client with the client-credentials grant only, the API's audience in its tokens, and the
     * realm role on its service account (the role made in the realm first if a realm older than the role lacks it).
     */
    Issued create(TenantCode tenant, String name, String realmRole);

    /** The clients made for this role, by name. */
    List<Client> list(TenantCode tenant, String realmRole);

    /** Removes a client made for this role: its tokens are refused once they expire (minutes), no new one is issued. */
    void delete(TenantCode tenant, String clientId, String realmRole);
}
