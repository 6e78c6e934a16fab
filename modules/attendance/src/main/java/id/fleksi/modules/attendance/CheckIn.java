package id.fleksi.modules.attendance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A check-in or check-out as stored and judged. */
public record CheckIn(UUID id, String clientRequestId, UUID employeeId, LocalDate workDate, CheckInRequest.Kind kind,
        String workMode, Instant recordedAt, Instant capturedAt, boolean offline, UUID officeId, Integer distanceMetres,
        int minutesLate, int minutesEarly, java.util.Set<LocationFlag> flags) {
}
