package id.fleksi.modules.attendance;

import java.util.UUID;

import id.fleksi.platform.security.Caller;
import id.fleksi.platform.security.IdentityProperties;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AbsenceController {

    private final Absences absences;
    private final IdentityProperties identity;

    AbsenceController(Absences absences, IdentityProperties identity) {
        this.absences = absences;
        this.identity = identity;
    }

    record Decision(String comment) {
    }

    @Operation(summary = "File an absence (izin, sakit, cuti, dinas luar) for your supervisor to decide")
    @PostMapping("/api/v1/t/{code}/attendance/absences")
    @ResponseStatus(HttpStatus.CREATED)
    Absences.Absence file(@PathVariable String code, @Valid @RequestBody Absences.NewAbsence absence, Authentication who) {
        return absences.file(Caller.of(who, identity).username(), absence);
    }

    @Operation(summary = "Approve an absence; only the employee's direct supervisor")
    @PostMapping("/api/v1/t/{code}/attendance/absences/{id}/approve")
    Absences.Absence approve(@PathVariable String code, @PathVariable UUID id, @RequestBody(required = false) Decision decision,
            Authentication who) {
        return absences.decide(Caller.of(who, identity).username(), id, true, decision == null ? null : decision.comment());
    }

    @Operation(summary = "Return an absence with a reason; only the employee's direct supervisor")
    @PostMapping("/api/v1/t/{code}/attendance/absences/{id}/return")
    Absences.Absence giveBack(@PathVariable String code, @PathVariable UUID id, @RequestBody Decision decision, Authentication who) {
        return absences.decide(Caller.of(who, identity).username(), id, false, decision.comment());
    }
}
