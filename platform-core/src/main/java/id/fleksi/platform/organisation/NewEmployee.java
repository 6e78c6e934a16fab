package id.fleksi.platform.organisation;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An employee as personnel data (BKPSDM) describes them. A PNS has a NIP; a PPPK has an 18-digit PPPK
 * number; either is their username. A non-ASN worker needs a username.
 */
public record NewEmployee(
        String nip,

        @Pattern(regexp = "\\d{18}", message = "is 18 digits")
        String pppkNumber,

        String username,

        @NotBlank(message = "is required") @Size(max = 200, message = "has at most 200 characters")
        String name,

        @NotNull(message = "is required: PNS, PPPK or NON_ASN")
        EmploymentType employmentType,

        @Size(max = 200, message = "has at most 200 characters")
        String position,

        @Size(max = 10, message = "has at most 10 characters")
        String grade,

        @NotNull(message = "is required") UUID unitId,
        UUID supervisorId,

        @Min(value = 1, message = "is a box of the 9-box grid, 1 to 9")
        @Max(value = 9, message = "is a box of the 9-box grid, 1 to 9")
        Integer talentBox,

        Boolean faceToFaceService,
        Boolean ownDevice,
        Boolean goodConnection,

        @DecimalMin(value = "-11.5", message = "is not in Indonesia")
        @DecimalMax(value = "6.5", message = "is not in Indonesia")
        Double homeLatitude,

        @DecimalMin(value = "94.5", message = "is not in Indonesia")
        @DecimalMax(value = "141.5", message = "is not in Indonesia")
        Double homeLongitude,

        LocalDate startDate) {}
