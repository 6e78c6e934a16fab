package id.fleksi.platform.organisation;

import id.fleksi.platform.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Offices and their geofences (a point and a radius), assigned to units. */
@RestController
class OfficesController {

    private final Offices offices;

    OfficesController(Offices offices) {
        this.offices = offices;
    }

    @Operation(summary = "Offices with their geofences")
    @GetMapping("/api/v1/t/{code}/offices")
    List<Offices.Office> offices(@PathVariable String code) {
        return offices.list();
    }

    @Operation(operationId = "addOffice", summary = "Add an office with its geofence; role tenant-admin or bkd")
    @PreAuthorize("hasAnyRole('tenant-admin', 'bkd')")
    @PostMapping("/api/v1/t/{code}/offices")
    @ResponseStatus(HttpStatus.CREATED)
    Offices.Office add(@PathVariable String code, @Valid @RequestBody Offices.NewOffice office, Caller caller) {
        return offices.add(office, caller.username());
    }
}
