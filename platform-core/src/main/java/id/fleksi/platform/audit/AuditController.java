package id.fleksi.platform.audit;

import id.fleksi.platform.tenancy.TenantContext;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AuditController {

    private final AuditLog audit;

    AuditController(AuditLog audit) {
        this.audit = audit;
    }

    @Operation(summary = "The tenant's audit trail, latest first", description = "Role tenant-admin.")
    @PreAuthorize("hasRole('tenant-admin')")
    @GetMapping("/api/v1/t/{code}/audit-events")
    List<AuditEvent> latest(@PathVariable String code, @RequestParam(defaultValue = "100") int limit) {
        return audit.latest(TenantContext.require(), Math.max(1, Math.min(limit, 1000)));
    }
}
