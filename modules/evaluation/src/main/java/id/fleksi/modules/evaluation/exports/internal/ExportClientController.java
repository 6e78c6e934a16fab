package id.fleksi.modules.evaluation.exports.internal;

import id.fleksi.modules.evaluation.exports.ExportClients;
import id.fleksi.platform.security.ApiClients;
import id.fleksi.platform.security.Caller;
import id.fleksi.platform.tenancy.Tenant;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The tenant admin's clients for other systems: made with a name, the secret shown in the answer once and never again,
 * listed, removed ({@link ExportClients}). Each has the realm role evaluation-export, which reaches the exports only.
 */
@RestController
class ExportClientController {

    @Schema(name = "EvaluationExportClientRequest")
    record NewClient(
            @Schema(description = "What the system is, e.g. SIMPEG BKD", maxLength = 80) @Nullable
            String name) {}

    @Schema(name = "EvaluationExportClient")
    record Listed(String clientId, String name, boolean enabled) {}

    @Schema(name = "EvaluationExportClientIssued", description = "The client and its secret: shown this once")
    record Issued(String clientId, String name, String secret, String tokenUrl, String realmRole) {}

    private final ExportClients clients;

    ExportClientController(ExportClients clients) {
        this.clients = clients;
    }

    @Operation(
            operationId = "evaluationExportClientCreate",
            summary = "Make a client for another system to fetch the exports",
            description =
                    "Tenant admin only. A Keycloak client with the client-credentials grant and the realm role"
                            + " evaluation-export, which reaches the export operations and nothing else. The secret is in this answer"
                            + " only: store it in the other system now. The page /t/{code}/evaluation/export-clients does the same.")
    @PostMapping("/api/v1/t/{code}/evaluation/export-clients")
    @ResponseStatus(HttpStatus.CREATED)
    Issued create(
            @PathVariable String code,
            @RequestBody NewClient body,
            @Parameter(hidden = true) Tenant tenant,
            @Parameter(hidden = true) Caller caller) {
        ApiClients.Issued issued = clients.create(tenant, caller, body.name());
        return new Issued(issued.clientId(), issued.name(), issued.secret(), issued.tokenUrl(), issued.realmRole());
    }

    @Operation(
            operationId = "evaluationExportClients",
            summary = "The clients made for other systems (never their secrets)",
            description = "Tenant admin only.")
    @GetMapping("/api/v1/t/{code}/evaluation/export-clients")
    List<Listed> list(
            @PathVariable String code,
            @Parameter(hidden = true) Tenant tenant,
            @Parameter(hidden = true) Caller caller) {
        return clients.list(tenant, caller).stream()
                .map(c -> new Listed(c.clientId(), c.name(), c.enabled()))
                .toList();
    }

    @Operation(
            operationId = "evaluationExportClientDelete",
            summary = "Remove a client: it gets no new token",
            description = "Tenant admin only. A token it already holds lives until it expires (5 minutes by default).")
    @DeleteMapping("/api/v1/t/{code}/evaluation/export-clients/{clientId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(
            @PathVariable String code,
            @PathVariable String clientId,
            @Parameter(hidden = true) Tenant tenant,
            @Parameter(hidden = true) Caller caller) {
        clients.delete(tenant, caller, clientId);
    }
}
