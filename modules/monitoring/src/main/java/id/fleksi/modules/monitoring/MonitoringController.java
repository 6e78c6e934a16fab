package id.fleksi.modules.monitoring;

import id.fleksi.platform.security.Caller;
import id.fleksi.platform.tenancy.Tenant;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class MonitoringController {

    private final LiveView live;

    MonitoringController(LiveView live) {
        this.live = live;
    }

    @Operation(operationId = "monitoringToday", summary = "Today so far: the pemda, or a unit, with a row per unit below it",
            description = "Roles pimpinan and bkd see everything, persons included; tenant-admin sees counts only; the head"
                    + " of a unit sees it and the units under it. Without unit: the top of what the caller may see.")
    @GetMapping("/api/v1/t/{code}/monitoring/today")
    LiveView.View today(@PathVariable String code, @RequestParam(required = false) @Nullable String unit,
            @Parameter(hidden = true) Tenant tenant, @Parameter(hidden = true) Caller caller) {
        return live.today(tenant, caller, unit);
    }
}
