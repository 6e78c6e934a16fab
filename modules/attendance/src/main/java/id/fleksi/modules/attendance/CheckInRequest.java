package id.fleksi.modules.attendance;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.OffsetDateTime;

/**
 * A check-in or check-out as the phone sends it.
 *
 * @param clientRequestId made by the phone once per press; a retry with the same id never makes a second record
 * @param latitude        with {@code longitude} and {@code accuracy} the phone's fix; all three absent when the phone has
 *                        none (location denied or unavailable): taken only on a day that may be worked anywhere, and flagged
 * @param capturedAt      when the phone captured it, for a submission queued offline; absent means now
 */
public record CheckInRequest(
        @NotNull(message = "is required: IN or OUT") Kind kind,

        @DecimalMin(value = "-90", message = "is between -90 and 90")
        @DecimalMax(value = "90", message = "is between -90 and 90")
        Double latitude,

        @DecimalMin(value = "-180", message = "is between -180 and 180")
        @DecimalMax(value = "180", message = "is between -180 and 180")
        Double longitude,

        @Min(value = 0, message = "is at least 0 metres") @Max(value = 100000, message = "is at most 100 km")
        Double accuracy,

        @NotBlank(message = "is required")
        @Pattern(regexp = "[A-Za-z0-9._:-]{8,64}", message = "is 8-64 letters, digits, dots, colons, dashes")
        String clientRequestId,

        OffsetDateTime capturedAt,
        Boolean mockLocation,
        String deviceId) {

    public enum Kind {
        IN,
        OUT
    }

    /** Whether the phone sent a fix (all three of latitude, longitude and accuracy); none is {@link #hasNoFix()}. */
    public boolean hasFix() {
        return latitude != null && longitude != null && accuracy != null;
    }

    public boolean hasNoFix() {
        return latitude == null && longitude == null && accuracy == null;
    }
}
