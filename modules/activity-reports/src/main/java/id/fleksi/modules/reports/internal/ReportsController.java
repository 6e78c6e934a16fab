package id.fleksi.modules.reports.internal;

import id.fleksi.modules.reports.DailyReports;
import id.fleksi.modules.reports.NewActivity;
import id.fleksi.modules.reports.ReportDay;
import id.fleksi.platform.organisation.Employees;
import id.fleksi.platform.security.Caller;
import id.fleksi.platform.security.Role;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1/t/{code}/activity-reports")
class ReportsController {

    private final DailyReports reports;
    private final ReportReviews reviews;
    private final EvidenceFiles evidence;
    private final PerformanceTargets targets;
    private final Employees employees;

    ReportsController(
            DailyReports reports,
            ReportReviews reviews,
            EvidenceFiles evidence,
            PerformanceTargets targets,
            Employees employees) {
        this.reports = reports;
        this.reviews = reviews;
        this.evidence = evidence;
        this.targets = targets;
        this.employees = employees;
    }

    /** The reports a supervisor decides at once, and the comment (needed to return them). Its own schema in the API document. */
    record ReportDecision(
            @NotEmpty(message = "names at least one report") @Size(max = 500, message = "names at most 500 reports")
            List<@NotNull(message = "holds no null") UUID> ids,

            @Size(max = 2000, message = "is at most 2000 characters")
            String comment) {}

    @Operation(
            operationId = "myReportDays",
            summary = "My daily reports between two dates (at most 93 days), with deadline, lock and compliance")
    @GetMapping("/days")
    List<ReportDay> myDays(
            @PathVariable String code,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            Caller caller) {
        return reports.days(employees.requireActive(caller.username()).id(), from, to);
    }

    @Operation(
            operationId = "addActivity",
            summary = "Add an activity to my report of a date",
            description =
                    "409 past the report's deadline. Added to an approved report"
                            + " before its deadline, the activity sends the report back to the supervisor; what was approved stays approved.")
    @PostMapping("/days/{date}/activities")
    @ResponseStatus(HttpStatus.CREATED)
    ReportDay.Activity add(
            @PathVariable String code,
            @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @Valid @RequestBody NewActivity activity,
            Caller caller) {
        return reports.add(caller.username(), date, activity);
    }

    @Operation(
            operationId = "updateActivity",
            summary = "Change one of my activities while its report is open",
            description = "409 past the report's deadline, or once the activity is approved.")
    @PutMapping("/activities/{id}")
    ReportDay.Activity update(
            @PathVariable String code, @PathVariable UUID id, @Valid @RequestBody NewActivity activity, Caller caller) {
        return reports.update(caller.username(), id, activity);
    }

    @Operation(
            operationId = "deleteActivity",
            summary = "Remove one of my activities while its report is open",
            description = "409 past the report's deadline, or once the activity is approved.")
    @DeleteMapping("/activities/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String code, @PathVariable UUID id, Caller caller) {
        reports.delete(caller.username(), id);
    }

    @Operation(
            operationId = "attachEvidence",
            summary = "Attach an evidence file (at most 5 MB: PDF, JPEG, PNG, WebP, Office or OpenDocument)")
    @PostMapping(path = "/activities/{id}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ReportDay.Activity attach(
            @PathVariable String code, @PathVariable UUID id, @RequestPart MultipartFile file, Caller caller)
            throws IOException {
        return evidence.attach(caller.username(), id, file.getOriginalFilename(), file.getBytes());
    }

    @Operation(
            operationId = "activityEvidence",
            summary = "An activity's evidence file: for its author, their direct supervisor and BKD")
    @GetMapping("/activities/{id}/evidence")
    ResponseEntity<byte[]> evidence(@PathVariable String code, @PathVariable UUID id, Caller caller) {
        EvidenceFiles.File file = evidence.read(caller.username(), caller.hasRole(Role.BKD), id);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.contentType()))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(file.fileName(), java.nio.charset.StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(file.content());
    }

    @Operation(
            operationId = "reportsAwaitingDecision",
            summary = "Reports of my direct staff waiting for my decision",
            description = "Role atasan.")
    @PreAuthorize("hasRole('atasan')")
    @GetMapping("/review")
    List<SubmittedReport> queue(@PathVariable String code, Caller caller) {
        return reviews.queue(caller.username());
    }

    @Operation(
            operationId = "approveReports",
            summary = "Approve reports, one or many",
            description = "All or none: 403 if one is not your direct staff's," + " 409 if one is already decided.")
    @PreAuthorize("hasRole('atasan')")
    @PostMapping("/review/approve")
    List<SubmittedReport> approve(
            @PathVariable String code, @RequestBody @Valid ReportDecision decision, Caller caller) {
        return reviews.decide(caller.username(), decision.ids(), true, decision.comment());
    }

    @Operation(
            operationId = "returnReports",
            summary = "Return reports with a comment, one or many",
            description = "The author can correct a returned"
                    + " report until the deadline counted again from the day it was returned.")
    @PreAuthorize("hasRole('atasan')")
    @PostMapping("/review/return")
    List<SubmittedReport> giveBack(
            @PathVariable String code, @RequestBody @Valid ReportDecision decision, Caller caller) {
        return reviews.decide(caller.username(), decision.ids(), false, decision.comment());
    }

    @Operation(summary = "My work-result plans (RHK) in force on a date, with what is achieved so far")
    @GetMapping("/targets")
    List<PerformanceTargets.Target> myTargets(
            @PathVariable String code,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
            Caller caller) {
        return targets.mine(caller.username(), on);
    }

    @Operation(summary = "Add a work-result plan (RHK) of mine for a period")
    @PostMapping("/targets")
    @ResponseStatus(HttpStatus.CREATED)
    PerformanceTargets.Target addTarget(
            @PathVariable String code, @Valid @RequestBody PerformanceTargets.NewTarget target, Caller caller) {
        return targets.create(caller.username(), target);
    }
}
