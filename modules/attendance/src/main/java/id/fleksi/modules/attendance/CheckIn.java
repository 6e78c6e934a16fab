package id.fleksi.modules.attendance;

import id.fleksi.platform.wording.HoursAndMinutes;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A check-in or check-out as stored and judged. */
public record CheckIn(
        UUID id,
        String clientRequestId,
        UUID employeeId,
        LocalDate workDate,
        CheckInRequest.Kind kind,
        String workMode,
        Instant recordedAt,
        Instant capturedAt,
        boolean offline,
        UUID officeId,
        Integer distanceMetres,
        int minutesLate,
        int minutesEarly,
        java.util.Set<LocationFlag> flags) {

    /** Lateness as a page says it ("1 jam 5 menit"). */
    public HoursAndMinutes late() {
        return HoursAndMinutes.of(minutesLate);
    }

    /** Early leave as a page says it ("12 jam 48 menit"). */
    public HoursAndMinutes early() {
        return HoursAndMinutes.of(minutesEarly);
    }
}
