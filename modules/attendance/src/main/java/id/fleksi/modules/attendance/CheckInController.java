package id.fleksi.modules.attendance;

import id.fleksi.platform.security.Caller;
import id.fleksi.platform.security.IdentityProperties;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class CheckInController {

    private final CheckIns checkIns;
    private final IdentityProperties identity;

    CheckInController(CheckIns checkIns, IdentityProperties identity) {
        this.checkIns = checkIns;
        this.identity = identity;
    }

    @Operation(summary = "Check in or out", description = "201 with the record; a repeated clientRequestId answers 200"
            + " with the first record. 422 outside the office on an office day, or captured outside the offline window.")
    @PostMapping("/api/v1/t/{code}/attendance/check-ins")
    ResponseEntity<CheckIn> checkIn(@PathVariable String code, @Valid @RequestBody CheckInRequest request, Authentication who) {
        CheckIns.Submitted submitted = checkIns.submit(Caller.of(who, identity).username(), request);
        return ResponseEntity.status(submitted.created() ? HttpStatus.CREATED : HttpStatus.OK).body(submitted.record());
    }
}
