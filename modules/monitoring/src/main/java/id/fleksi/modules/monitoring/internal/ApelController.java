package id.fleksi.modules.monitoring.internal;

import id.fleksi.modules.monitoring.Apels;
import id.fleksi.modules.monitoring.LiveView;
import id.fleksi.platform.security.Caller;
import id.fleksi.platform.tenancy.Tenant;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ApelController {

    private final Apels apels;
    private final LiveView live;

    ApelController(Apels apels, LiveView live) {
        this.apels = apels;
        this.live = live;
    }

    /** The text of an OPD head's report. */
    record ApelReport(String text) {}

    @Operation(operationId = "apels", summary = "The apels scheduled")
    @GetMapping("/api/v1/t/{code}/monitoring/apels")
    List<Apels.Apel> apels(@PathVariable String code) {
        return apels.scheduled();
    }

    @Operation(
            operationId = "scheduleApel",
            summary = "Schedule an apel, every week on a weekday or once on a date",
            description = "Role tenant-admin. startsAt as HH:MM; windowMinutes 5 to 180 (30 if absent).")
    @PostMapping("/api/v1/t/{code}/monitoring/apels")
    @ResponseStatus(HttpStatus.CREATED)
    Apels.Apel schedule(@PathVariable String code, @RequestBody Apels.NewApel request, Tenant tenant, Caller caller) {
        return apels.schedule(tenant, caller, request);
    }

    @Operation(
            operationId = "confirmApel",
            summary = "Confirm my presence at today's apel",
            description =
                    "Inside its window; judged by the check-in's rules of place (422 outside the office on an office day)."
                            + " Confirming again answers the first confirmation.")
    @PostMapping("/api/v1/t/{code}/monitoring/apels/{id}/confirm")
    Apels.Confirmation confirm(
            @PathVariable String code,
            @PathVariable UUID id,
            @RequestBody Apels.Position position,
            Tenant tenant,
            Caller caller) {
        return apels.confirm(tenant, caller.username(), id, position);
    }

    @Operation(
            operationId = "apelRanking",
            summary = "Today's apel: each OPD's share of the expected who confirmed, ranked",
            description = "Roles pimpinan, bkd, tenant-admin, and heads of a unit.")
    @GetMapping("/api/v1/t/{code}/monitoring/apels/{id}/ranking")
    Apels.Ranking ranking(@PathVariable String code, @PathVariable UUID id, Tenant tenant, Caller caller) {
        live.sightOf(caller); // refuses those who may see no monitoring
        return apels.ranking(tenant, id);
    }

    @Operation(operationId = "reportApel", summary = "The head of an OPD adds its short report to today's apel")
    @PostMapping("/api/v1/t/{code}/monitoring/apels/{id}/reports/{opd}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void report(
            @PathVariable String code,
            @PathVariable UUID id,
            @PathVariable String opd,
            @RequestBody ApelReport report,
            Tenant tenant,
            Caller caller) {
        apels.report(tenant, caller, id, opd, report.text());
    }
}
