package id.fleksi.modules.attendance.internal;

import id.fleksi.modules.attendance.CheckIn;
import id.fleksi.modules.attendance.CheckInRequest;
import id.fleksi.modules.attendance.CheckIns;
import id.fleksi.platform.security.Caller;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The check-in API for the attendance page's own script: the same judgement as {@link CheckInController}, with the
 * login session instead of a token. Its refusals are problem JSON, which the script shows, not a page.
 */
@RestController
class PageCheckInController {

    private final CheckIns checkIns;

    PageCheckInController(CheckIns checkIns) {
        this.checkIns = checkIns;
    }

    @PostMapping(
            path = "/t/{code}/attendance/check-ins",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<CheckIn> checkIn(Caller caller, @Valid @RequestBody CheckInRequest request) {
        CheckIns.Submitted submitted = checkIns.submit(caller.username(), request);
        return ResponseEntity.status(submitted.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(submitted.record());
    }
}
