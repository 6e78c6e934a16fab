package id.fleksi.modules.monitoring.internal;

import id.fleksi.modules.monitoring.LiveView;
import id.fleksi.modules.monitoring.ProvinceView;
import id.fleksi.platform.security.Caller;
import id.fleksi.platform.tenancy.Tenant;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class MonitoringController {

    private final LiveView live;
    private final ProvinceView province;
    private final Warnings warnings;
    private final EarlyWarning early;

    MonitoringController(LiveView live, ProvinceView province, Warnings warnings, EarlyWarning early) {
        this.live = live;
        this.province = province;
        this.warnings = warnings;
        this.early = early;
    }

    @Operation(
            operationId = "monitoringToday",
            summary = "Today so far: the pemda, or a unit, with a row per unit below it",
            description =
                    "Roles pimpinan and bkd see everything, persons included; tenant-admin sees counts only; the head"
                            + " of a unit sees it and the units under it. Without unit: the top of what the caller may see.")
    @GetMapping("/api/v1/t/{code}/monitoring/today")
    LiveView.View today(
            @PathVariable String code,
            @RequestParam(required = false) @Nullable String unit,
            Tenant tenant,
            Caller caller) {
        return live.today(tenant, caller, unit);
    }

    @Operation(
            operationId = "monitoringProvince",
            summary = "The province's kabupaten today, in counts per OPD, no person",
            description =
                    "For a province tenant; roles pimpinan, bkd, tenant-admin. Each kabupaten hosted here is counted"
                            + " now (source HOSTED); a self-hosted one shows the day its replica last sent (source FEED).")
    @GetMapping("/api/v1/t/{code}/monitoring/province")
    ProvinceView.View province(@PathVariable String code, Tenant tenant, Caller caller) {
        return province.of(tenant, caller);
    }

    @Operation(
            operationId = "monitoringSeenByProvince",
            summary = "What the province sees of this kabupaten today",
            description =
                    "Roles pimpinan, bkd, tenant-admin: the same counts the province's view shows, and nothing else.")
    @GetMapping("/api/v1/t/{code}/monitoring/seen-by-province")
    ProvinceView.Kabupaten seenByProvince(@PathVariable String code, Tenant tenant, Caller caller) {
        return province.seenByProvince(tenant, caller);
    }

    @Operation(
            operationId = "monitoringWarnings",
            summary = "Early warnings, the open ones first (at most 500)",
            description = "Roles pimpinan, bkd, tenant-admin: everyone's; anyone else: their direct staff's.")
    @GetMapping("/api/v1/t/{code}/monitoring/warnings")
    List<Warnings.Warning> warnings(@PathVariable String code, Caller caller) {
        return warnings.visibleTo(caller);
    }

    @Operation(
            operationId = "acknowledgeWarning",
            summary = "Mark a warning as dealt with, saying what was done",
            description = "The employee's direct supervisor or bkd; once.")
    @PostMapping("/api/v1/t/{code}/monitoring/warnings/{id}/acknowledge")
    Warnings.Warning acknowledge(
            @PathVariable String code,
            @PathVariable UUID id,
            @Valid @RequestBody Warnings.Acknowledgement acknowledgement,
            Caller caller) {
        return warnings.acknowledge(caller, id, acknowledgement);
    }

    @Operation(
            operationId = "evaluateWarnings",
            summary = "Count everyone now and raise or withdraw warnings (as each night)",
            description = "Roles bkd, tenant-admin.")
    @PreAuthorize("hasAnyRole('bkd', 'tenant-admin')")
    @PostMapping("/api/v1/t/{code}/monitoring/warnings/evaluate")
    EarlyWarning.Evaluation evaluate(@PathVariable String code, Tenant tenant) {
        return early.evaluate(tenant.code());
    }

    @Operation(operationId = "myStanding", summary = "My unexcused days this year, and the next PP 94/2021 step")
    @GetMapping("/api/v1/t/{code}/monitoring/standing")
    Warnings.Standing standing(@PathVariable String code, Caller caller) {
        return warnings.standing(caller);
    }
}
