package id.fleksi.modules.fwa.internal;

import id.fleksi.modules.fwa.PolicyVersion;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The policy page's "new version" form as posted. It is shown filled from the latest version ({@link #from}), so a
 * change is one edit, not a policy typed again: windows and unit quotas of that version come along as ticked boxes
 * ({@code from|to|name}, {@code unit|percent|people}) the admin may untick.
 */
record PolicyForm(
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveFrom,
        Boolean enabled,
        Set<DayOfWeek> wfaWeekdays,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate trialFrom,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate trialTo,
        Set<UUID> alwaysWfo,
        Integer maxPercent,
        Integer maxPeople,
        String talentBoxes,
        Boolean excludeFaceToFace,
        Boolean excludeLeaders,
        Boolean requireOwnDevice,
        Boolean requireGoodConnection,
        @DateTimeFormat(pattern = "HH:mm") LocalTime startFrom,
        @DateTimeFormat(pattern = "HH:mm") LocalTime startTo,
        @DateTimeFormat(pattern = "HH:mm") LocalTime coreFrom,
        @DateTimeFormat(pattern = "HH:mm") LocalTime coreTo,
        List<String> keepWindow,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate windowFrom,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate windowTo,
        String windowName,
        List<String> keepQuota,
        String note) {

    /** The form filled from a version, to take effect on {@code from}; an empty form (flexible work on) without one. */
    static PolicyForm from(PolicyVersion version, LocalDate from) {
        if (version == null) {
            return new PolicyForm(
                    from, true, Set.of(), null, null, Set.of(), null, null, "", false, false, false, false, null, null,
                    null, null, List.of(), null, null, "", List.of(), "");
        }
        Set<UUID> alwaysWfo = new java.util.HashSet<>();
        List<String> quotas = new ArrayList<>();
        for (PolicyVersion.UnitRule rule : version.units()) {
            if (rule.alwaysWfo()) {
                alwaysWfo.add(rule.unitId());
            }
            if (rule.maxPercent() != null || rule.maxPeople() != null) {
                quotas.add(quota(rule));
            }
        }
        return new PolicyForm(
                from,
                version.enabled(),
                version.wfaWeekdays(),
                version.trialFrom(),
                version.trialTo(),
                alwaysWfo,
                version.maxPercent(),
                version.maxPeople(),
                String.join(
                        ", ",
                        new TreeSet<>(version.allowedTalentBoxes())
                                .stream().map(String::valueOf).toList()),
                version.excludeFaceToFace(),
                version.excludeLeaders(),
                version.requireOwnDevice(),
                version.requireGoodConnection(),
                version.startFrom(),
                version.startTo(),
                version.coreFrom(),
                version.coreTo(),
                version.windows().stream().map(PolicyForm::window).toList(),
                null,
                null,
                "",
                quotas,
                version.note());
    }

    /** An unticked box is not sent at all. */
    private static boolean yes(Boolean ticked) {
        return Boolean.TRUE.equals(ticked);
    }

    static String window(PolicyVersion.Window window) {
        return window.from() + "|" + window.to() + "|" + window.name();
    }

    static String quota(PolicyVersion.UnitRule rule) {
        return rule.unitId() + "|" + (rule.maxPercent() == null ? "" : rule.maxPercent()) + "|"
                + (rule.maxPeople() == null ? "" : rule.maxPeople());
    }

    public Set<DayOfWeek> weekdays() {
        return wfaWeekdays == null ? Set.of() : wfaWeekdays;
    }

    public Set<UUID> wfoUnits() {
        return alwaysWfo == null ? Set.of() : alwaysWfo;
    }

    public List<String> windows() {
        return keepWindow == null ? List.of() : keepWindow;
    }

    public List<String> quotas() {
        return keepQuota == null ? List.of() : keepQuota;
    }

    /** The version to store; a talent box that is not a number is an {@link IllegalArgumentException}. */
    PolicyVersion toVersion() {
        Set<Integer> boxes = new TreeSet<>();
        for (String box : (talentBoxes == null ? "" : talentBoxes).split("[,\\s]+")) {
            if (!box.isBlank()) {
                boxes.add(Integer.valueOf(box));
            }
        }
        List<PolicyVersion.Window> windows = new ArrayList<>();
        for (String kept : windows()) {
            String[] parts = kept.split("\\|", 3);
            windows.add(new PolicyVersion.Window(LocalDate.parse(parts[0]), LocalDate.parse(parts[1]), parts[2]));
        }
        if (windowFrom != null && windowTo != null) {
            windows.add(new PolicyVersion.Window(
                    windowFrom, windowTo, windowName == null || windowName.isBlank() ? "Jendela" : windowName.strip()));
        }
        Map<UUID, PolicyVersion.UnitRule> rules = new LinkedHashMap<>();
        wfoUnits().forEach(unit -> rules.put(unit, new PolicyVersion.UnitRule(unit, true, null, null)));
        for (String kept : quotas()) {
            String[] parts = kept.split("\\|", 3);
            UUID unit = UUID.fromString(parts[0]);
            rules.put(
                    unit,
                    new PolicyVersion.UnitRule(
                            unit,
                            wfoUnits().contains(unit),
                            parts[1].isEmpty() ? null : Integer.valueOf(parts[1]),
                            parts[2].isEmpty() ? null : Integer.valueOf(parts[2])));
        }
        return new PolicyVersion(
                null,
                effectiveFrom,
                yes(enabled),
                weekdays().isEmpty() ? EnumSet.noneOf(DayOfWeek.class) : EnumSet.copyOf(weekdays()),
                trialFrom,
                trialTo,
                boxes,
                yes(excludeFaceToFace),
                yes(excludeLeaders),
                yes(requireOwnDevice),
                yes(requireGoodConnection),
                maxPercent,
                maxPeople,
                startFrom,
                startTo,
                coreFrom,
                coreTo,
                note == null || note.isBlank() ? null : note.strip(),
                windows,
                List.copyOf(rules.values()),
                null,
                null);
    }
}
