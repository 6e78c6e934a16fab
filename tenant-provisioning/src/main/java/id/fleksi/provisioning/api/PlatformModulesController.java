package id.fleksi.provisioning.api;

import id.fleksi.platform.modules.FeatureModule;
import id.fleksi.platform.modules.ModuleAvailability;
import id.fleksi.platform.modules.ModuleCatalog;
import id.fleksi.platform.problem.Problem;
import id.fleksi.platform.tenancy.TenantCode;
import id.fleksi.platform.tenancy.TenantRegistry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The platform operator's word on feature modules: what hosted tenants may use, what new tenants get. */
@RestController
@Tag(name = "Platform: modules", description = "Module availability for hosted tenants; role platform-operator")
class PlatformModulesController {

    private final ModuleCatalog catalog;
    private final ModuleAvailability availability;
    private final TenantRegistry registry;

    PlatformModulesController(ModuleCatalog catalog, ModuleAvailability availability, TenantRegistry registry) {
        this.catalog = catalog;
        this.availability = availability;
        this.registry = registry;
    }

    record ModuleDefault(String id, String version, boolean enabledForNewTenants) {}

    record Availability(Boolean allowed, Boolean enabledForNewTenants) {}

    @Operation(summary = "Feature modules on this Fleksi and whether new tenants get them")
    @GetMapping("/api/v1/platform/modules")
    List<ModuleDefault> modules() {
        return catalog.modules().stream()
                .map(m -> new ModuleDefault(m.id(), m.version(), availability.enabledForNewTenants(m)))
                .toList();
    }

    @Operation(summary = "Set a module's default for every tenant: allowed, and on for new tenants")
    @PutMapping("/api/v1/platform/modules/{id}")
    ModuleDefault setDefault(@PathVariable String id, @RequestBody Availability body) {
        FeatureModule module = known(id);
        availability.set(null, id, body.allowed() == null || body.allowed(), body.enabledForNewTenants());
        return new ModuleDefault(id, module.version(), availability.enabledForNewTenants(module));
    }

    @Operation(summary = "Allow or withhold a module for one hosted tenant")
    @PutMapping("/api/v1/platform/tenants/{code}/modules/{id}")
    Availability setForTenant(@PathVariable String code, @PathVariable String id, @RequestBody Availability body) {
        known(id);
        TenantCode tenant = TenantRegistry.codeInPath(code);
        if (!registry.exists(tenant)) {
            throw TenantRegistry.unknownTenant(code);
        }
        if (body.allowed() == null) {
            throw Problem.badRequest("invalid-request", "Invalid request", "allowed: is required (true or false)");
        }
        availability.set(tenant, id, body.allowed(), null);
        return new Availability(availability.allowed(tenant, id), null);
    }

    private FeatureModule known(String id) {
        return catalog.find(id)
                .orElseThrow(() -> Problem.notFound(
                        "unknown-module", "Unknown module", "There is no feature module '" + id + "'."));
    }
}
