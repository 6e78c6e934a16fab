package id.fleksi.platform.security;

import java.util.List;

/**
 * A realm role that confines whoever holds it to a few API operations: the role of another system's token (a Keycloak
 * client with the client-credentials grant) that may, say, fetch the month's exports and nothing else. A feature module
 * declares one as a bean; the API's filter chain then refuses (403) every other request of a token holding the role,
 * whatever other roles it holds, before any controller runs.
 *
 * @param realmRole the realm role, e.g. {@code evaluation-export}
 * @param apiPaths the path patterns its holder may reach ({@code /api/v1/t/*}{@code /evaluation/exports/**})
 */
public record ConfinedRole(String realmRole, List<String> apiPaths) {

    public ConfinedRole {
        apiPaths = List.copyOf(apiPaths);
    }
}
