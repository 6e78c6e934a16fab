package id.fleksi.modules.attendance.internal;

import id.fleksi.modules.attendance.Absences;
import id.fleksi.platform.security.Caller;
import id.fleksi.platform.security.Role;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
class AbsenceController {

    private final Absences absences;

    AbsenceController(Absences absences) {
        this.absences = absences;
    }

    /** A supervisor's word on an absence: a comment, needed to return it. Its own schema in the API document. */
    record AbsenceDecision(
            @Size(max = 2000, message = "is at most 2000 characters")
            String comment) {}

    @Operation(
            operationId = "fileAbsence",
            summary = "File an absence (izin, sakit, cuti, dinas luar) for your supervisor to decide",
            description =
                    "201 when filed; 200 with the absence already waiting when the same kind and dates were sent before.")
    @PostMapping("/api/v1/t/{code}/attendance/absences")
    ResponseEntity<Absences.Absence> file(
            @PathVariable String code, @Valid @RequestBody Absences.NewAbsence absence, Caller caller) {
        Absences.Filed filed = absences.submit(caller.username(), absence);
        return ResponseEntity.status(filed.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(filed.absence());
    }

    @Operation(
            operationId = "myAbsences",
            summary = "Your latest absences (at most 30), whatever their status, the latest first")
    @GetMapping("/api/v1/t/{code}/attendance/absences")
    java.util.List<Absences.Absence> mine(@PathVariable String code, Caller caller) {
        return absences.mine(caller.username());
    }

    @Operation(
            operationId = "absencesAwaitingDecision",
            summary = "The absences of your direct reports that wait for your decision, the earliest first")
    @GetMapping("/api/v1/t/{code}/attendance/absences/awaiting-decision")
    java.util.List<Absences.Absence> awaiting(@PathVariable String code, Caller caller) {
        return absences.awaiting(caller.username());
    }

    @Operation(
            operationId = "attachAbsenceDocument",
            summary = "Attach a document (sick note, assignment letter; at most 5 MB: PDF, JPEG, PNG, WebP, Office)",
            description = "Only the employee, while the absence waits for a decision.")
    @PostMapping(
            path = "/api/v1/t/{code}/attendance/absences/{id}/document",
            consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Absences.Absence attach(
            @PathVariable String code, @PathVariable UUID id, @RequestPart MultipartFile file, Caller caller)
            throws java.io.IOException {
        return absences.attachDocument(caller.username(), id, file.getOriginalFilename(), file.getBytes());
    }

    @Operation(
            operationId = "absenceDocument",
            summary = "An absence's document: for the employee, their direct supervisor and BKD")
    @GetMapping("/api/v1/t/{code}/attendance/absences/{id}/document")
    ResponseEntity<byte[]> document(@PathVariable String code, @PathVariable UUID id, Caller caller) {
        return absences.document(caller.username(), caller.hasRole(Role.BKD), id)
                .asAttachment();
    }

    @Operation(operationId = "approveAbsence", summary = "Approve an absence; only the employee's direct supervisor")
    @PostMapping("/api/v1/t/{code}/attendance/absences/{id}/approve")
    Absences.Absence approve(
            @PathVariable String code,
            @PathVariable UUID id,
            @RequestBody(required = false) @Valid AbsenceDecision decision,
            Caller caller) {
        return absences.decide(caller.username(), id, true, decision == null ? null : decision.comment());
    }

    @Operation(
            operationId = "returnAbsence",
            summary = "Return an absence with a reason; only the employee's direct supervisor")
    @PostMapping("/api/v1/t/{code}/attendance/absences/{id}/return")
    Absences.Absence giveBack(
            @PathVariable String code,
            @PathVariable UUID id,
            @RequestBody @Valid AbsenceDecision decision,
            Caller caller) {
        return absences.decide(caller.username(), id, false, decision.comment());
    }
}
