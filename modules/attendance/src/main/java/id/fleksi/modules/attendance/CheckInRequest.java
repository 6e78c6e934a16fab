package id.fleksi.modules.attendance;

import java.time.OffsetDateTime;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * A check-in or check-out as the phone sends it.
 *
 * @param clientRequestId made by the phone once per press; a retry with the same id never makes a second record
 * @param capturedAt      when the phone captured it, for a submission queued offline; absent means now
 */
public record CheckInRequest(
        @NotNull(message = "is required: IN or OUT") Kind kind,
        @NotNull(message = "is required") @DecimalMin(value = "-90", message = "is between -90 and 90") @DecimalMax(value = "90", message = "is between -90 and 90") Double latitude,
        @NotNull(message = "is required") @DecimalMin(value = "-180", message = "is between -180 and 180") @DecimalMax(value = "180", message = "is between -180 and 180") Double longitude,
        @NotNull(message = "is required") @Min(value = 0, message = "is at least 0 metres") @Max(value = 100000, message = "is at most 100 km") Double accuracy,
        @NotBlank(message = "is required") @Pattern(regexp = "[A-Za-z0-9._:-]{8,64}", message = "is 8-64 letters, digits, dots, colons, dashes") String clientRequestId,
        OffsetDateTime capturedAt,
        Boolean mockLocation,
        String deviceId) {

    public enum Kind { IN, OUT }
}
