package id.fleksi.modules.reports;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.UUID;

/**
 * An activity as its author writes it: what was done, how much of what, how long, towards which RHK; and, optionally,
 * the id the phone or the form gave this submission, so that sending it again (a retry, a second tap) adds it once.
 */
public record NewActivity(
        @NotBlank(message = "is required: what was done") @Size(max = 1000, message = "has at most 1000 characters")
        String description,

        @NotNull(message = "is required")
        @DecimalMin(value = "0", message = "cannot be negative")
        @Digits(integer = 10, fraction = 2, message = "has at most 2 decimals")
        BigDecimal quantity,

        @NotBlank(message = "is required, e.g. dokumen, surat, kegiatan")
        @Size(max = 50, message = "has at most 50 characters")
        String unit,

        @NotNull(message = "is required")
        @Min(value = 1, message = "is at least 1")
        @Max(value = 1440, message = "is at most 1440 (a day)")
        Integer minutes,

        UUID targetId,

        @Size(max = 500, message = "has at most 500 characters")
        @Pattern(regexp = "https?://\\S+", message = "must be a web address starting with http:// or https://")
        String evidenceLink,

        @Size(max = 64, message = "has at most 64 characters")
        @Pattern(regexp = "[A-Za-z0-9._:-]+", message = "is letters, digits and . _ : - only")
        String clientRequestId) {}
