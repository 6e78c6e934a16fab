package id.fleksi.platform.modules;

import id.fleksi.platform.security.Caller;
import id.fleksi.platform.tenancy.TenantContext;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A tenant admin's view of the feature modules: which are on, what they need, their settings. */
@RestController
@RequestMapping("/api/v1/t/{code}/modules")
@PreAuthorize("hasRole('tenant-admin')")
class ModulesController {

    private final ModuleSwitches switches;

    ModulesController(ModuleSwitches switches) {
        this.switches = switches;
    }

    record ModuleView(
            String id,
            String name,
            String description,
            String version,
            boolean enabled,
            boolean allowed,
            Set<String> dependsOn,
            Map<String, Object> settings) {

        static ModuleView of(ModuleSwitches.ModuleState state, Locale locale) {
            FeatureModule module = state.module();
            return new ModuleView(
                    module.id(),
                    module.name().in(locale),
                    module.description().in(locale),
                    module.version(),
                    state.enabled(),
                    state.allowed(),
                    module.dependsOn(),
                    state.settings());
        }
    }

    /** What a tenant admin may change; absent fields are left as they are. */
    record ModuleChange(Boolean enabled, Map<String, Object> settings) {}

    @Operation(
            operationId = "listModules",
            summary = "Feature modules of this tenant",
            description = "Role tenant-admin.")
    @GetMapping
    List<ModuleView> list(@PathVariable String code, Locale locale) {
        return switches.states(TenantContext.require()).stream()
                .map(s -> ModuleView.of(s, locale))
                .toList();
    }

    @Operation(
            operationId = "changeModule",
            summary = "Switch a module on or off, or change its settings",
            description =
                    "Role tenant-admin. Refused (409) while a module it needs is off, or while a module needing it is on.")
    @PutMapping("/{id}")
    ModuleView change(
            @PathVariable String code,
            @PathVariable String id,
            @RequestBody ModuleChange change,
            Caller caller,
            Locale locale) {
        String actor = caller.username();
        return ModuleView.of(
                switches.change(TenantContext.require(), id, change.enabled(), change.settings(), actor), locale);
    }
}
