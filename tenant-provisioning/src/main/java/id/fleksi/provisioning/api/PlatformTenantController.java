package id.fleksi.provisioning.api;

import id.fleksi.platform.tenancy.TenantRegistry;
import id.fleksi.provisioning.lifecycle.TenantLifecycle;
import id.fleksi.provisioning.onboarding.NewTenant;
import id.fleksi.provisioning.onboarding.Onboarded;
import id.fleksi.provisioning.onboarding.TenantOnboarding;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The platform operator's API: onboard tenants and run their life. Role {@code platform-operator}. */
@RestController
@RequestMapping("/api/v1/platform/tenants")
@Tag(name = "Platform: tenants", description = "Onboarding and lifecycle of pemda; role platform-operator")
class PlatformTenantController {

    private final TenantRegistry registry;
    private final TenantOnboarding onboarding;
    private final TenantLifecycle lifecycle;

    PlatformTenantController(TenantRegistry registry, TenantOnboarding onboarding, TenantLifecycle lifecycle) {
        this.registry = registry;
        this.onboarding = onboarding;
        this.lifecycle = lifecycle;
    }

    /** The new tenant with its first admin's one-time password, which is shown this once. */
    record Created(
            TenantView tenant, String adminUsername, String adminOneTimePassword, Map<String, Long> timingsMillis) {}

    @Operation(
            summary = "Onboard a pemda",
            description = "Makes the registry row, the realm with the first tenant"
                    + " admin (one-time password) and the schema with every migration, or nothing at all.")
    @PostMapping
    ResponseEntity<Created> create(@Valid @RequestBody NewTenant request) {
        Onboarded onboarded = onboarding.onboard(request);
        Map<String, Long> timings = new java.util.LinkedHashMap<>();
        onboarded.timings().forEach((step, duration) -> timings.put(step, duration.toMillis()));
        return ResponseEntity.created(URI.create(
                        "/api/v1/platform/tenants/" + onboarded.tenant().code()))
                .body(new Created(
                        TenantView.of(onboarded.tenant()),
                        onboarded.adminUsername(),
                        onboarded.oneTimePassword(),
                        timings));
    }

    @Operation(operationId = "listTenants", summary = "List tenants")
    @GetMapping
    List<TenantView> list() {
        return registry.list().stream().map(TenantView::of).toList();
    }

    @Operation(summary = "Show a tenant")
    @GetMapping("/{code}")
    TenantView show(@PathVariable String code) {
        return registry.find(TenantRegistry.codeInPath(code))
                .map(TenantView::of)
                .orElseThrow(() -> TenantRegistry.unknownTenant(code));
    }

    @Operation(summary = "Suspend a tenant", description = "Its users are refused; its data is kept.")
    @PostMapping("/{code}/suspend")
    TenantView suspend(@PathVariable String code) {
        return TenantView.of(lifecycle.suspend(TenantRegistry.codeInPath(code)));
    }

    @Operation(summary = "Resume a suspended tenant")
    @PostMapping("/{code}/resume")
    TenantView resume(@PathVariable String code) {
        return TenantView.of(lifecycle.resume(TenantRegistry.codeInPath(code)));
    }

    @Operation(summary = "Archive a tenant", description = "Keeps its data; disables its realm and stops serving it.")
    @PostMapping("/{code}/archive")
    TenantView archive(@PathVariable String code) {
        return TenantView.of(lifecycle.archive(TenantRegistry.codeInPath(code)));
    }
}
