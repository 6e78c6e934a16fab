package id.fleksi.modules.fwa;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * One version of a tenant's flexible-work policy, in force from its date until the next version's.
 *
 * @param wfaWeekdays days of the week everyone eligible works from anywhere (within the trial, if one is set)
 * @param trialFrom with trialTo, the period the WFA weekdays apply (e.g. a three-month trial); null: always
 * @param allowedTalentBoxes 9-box talent boxes that may work flexibly; empty: any
 * @param maxPercent at most this share of a unit on approved WFA requests on the same day (unit rules may differ)
 * @param startFrom with startTo, a flexible start window; with coreFrom and coreTo, the core band everyone is present
 */
public record PolicyVersion(
        UUID id,
        @NotNull(message = "is required") LocalDate effectiveFrom,
        boolean enabled,
        Set<DayOfWeek> wfaWeekdays,
        LocalDate trialFrom,
        LocalDate trialTo,
        Set<Integer> allowedTalentBoxes,
        boolean excludeFaceToFace,
        boolean excludeLeaders,
        boolean requireOwnDevice,
        boolean requireGoodConnection,

        @Min(value = 0, message = "is 0 to 100") @Max(value = 100, message = "is 0 to 100")
        Integer maxPercent,

        @Min(value = 0, message = "is at least 0") @Max(value = 1_000_000, message = "is at most 1000000")
        Integer maxPeople,

        LocalTime startFrom,
        LocalTime startTo,
        LocalTime coreFrom,
        LocalTime coreTo,

        @Size(max = 500, message = "has at most 500 characters")
        String note,

        @Valid List<Window> windows,
        @Valid List<UnitRule> units,
        String createdBy,
        Instant createdAt) {

    public record Window(
            @NotNull(message = "is required") LocalDate from,
            @NotNull(message = "is required") LocalDate to,

            @NotBlank(message = "is required, e.g. the circular's number")
            String name) {}

    public record UnitRule(
            @NotNull(message = "is required") UUID unitId,
            boolean alwaysWfo,

            @Min(value = 0, message = "is 0 to 100") @Max(value = 100, message = "is 0 to 100")
            Integer maxPercent,

            @Min(value = 0, message = "is at least 0") @Max(value = 1_000_000, message = "is at most 1000000")
            Integer maxPeople) {}

    public Set<DayOfWeek> wfaWeekdays() {
        return wfaWeekdays == null ? Set.of() : wfaWeekdays;
    }

    public Set<Integer> allowedTalentBoxes() {
        return allowedTalentBoxes == null ? Set.of() : allowedTalentBoxes;
    }

    public List<Window> windows() {
        return windows == null ? List.of() : windows;
    }

    public List<UnitRule> units() {
        return units == null ? List.of() : units;
    }

    boolean inTrial(LocalDate date) {
        return (trialFrom == null || !date.isBefore(trialFrom)) && (trialTo == null || !date.isAfter(trialTo));
    }
}
