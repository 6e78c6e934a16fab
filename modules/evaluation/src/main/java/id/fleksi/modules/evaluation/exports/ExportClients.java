package id.fleksi.modules.evaluation.exports;

import id.fleksi.modules.evaluation.EvaluationModule;
import id.fleksi.platform.audit.AuditLog;
import id.fleksi.platform.problem.Problem;
import id.fleksi.platform.security.ApiClients;
import id.fleksi.platform.security.Caller;
import id.fleksi.platform.security.Role;
import id.fleksi.platform.tenancy.Tenant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * The tenant admin's clients for other systems, for the page and the API alike: each with the realm role
 * {@value EvaluationModule#EXPORT_ROLE}; made with a name (the secret given back once), listed without secrets,
 * removed; both audited.
 */
@Service
public class ExportClients {

    private final ObjectProvider<ApiClients> clients;
    private final AuditLog audit;

    ExportClients(ObjectProvider<ApiClients> clients, AuditLog audit) {
        this.clients = clients;
        this.audit = audit;
    }

    public ApiClients.Issued create(Tenant tenant, Caller caller, @Nullable String name) {
        admin(caller);
        String stripped = name == null ? "" : name.strip();
        if (stripped.isEmpty() || stripped.length() > 80 || stripped.chars().anyMatch(Character::isISOControl)) {
            throw Problem.badRequest(
                    "export-client-name",
                    "Name the system",
                    "Give the client the name of the system that"
                            + " will use it (1 to 80 characters), so that whoever reads the list knows what it is. Nothing was made.");
        }
        ApiClients.Issued issued = clients().create(tenant.code(), stripped, EvaluationModule.EXPORT_ROLE);
        audit.record(
                tenant.code(),
                caller.username(),
                "evaluation.export-client-created",
                issued.clientId(),
                null,
                java.util.Map.of("clientId", issued.clientId(), "name", stripped));
        return issued;
    }

    public List<ApiClients.Client> list(Tenant tenant, Caller caller) {
        admin(caller);
        return clients().list(tenant.code(), EvaluationModule.EXPORT_ROLE);
    }

    public void delete(Tenant tenant, Caller caller, String clientId) {
        admin(caller);
        clients().delete(tenant.code(), clientId, EvaluationModule.EXPORT_ROLE);
        audit.record(tenant.code(), caller.username(), "evaluation.export-client-deleted", clientId, null, null);
    }

    private static void admin(Caller caller) {
        if (!caller.hasRole(Role.TENANT_ADMIN)) {
            throw Problem.forbidden(
                    "export-client-admin-only",
                    "Not allowed",
                    "Only the tenant admin makes and removes the" + " clients of other systems.");
        }
    }

    private ApiClients clients() {
        ApiClients found = clients.getIfAvailable();
        if (found == null) {
            throw Problem.unavailable(
                    "export-client-unavailable",
                    "Not available here",
                    "This Fleksi does not manage" + " Keycloak clients.");
        }
        return found;
    }
}
