package id.fleksi.modules.fwa;

import id.fleksi.modules.fwa.internal.NationalFrame;
import id.fleksi.platform.problem.Problem;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** A policy version checked against the national frame and the tenant's units, refused with every reason it fails. */
final class PolicyCheck {

    private PolicyCheck() {}

    /** Refuses the version (400, each reason listed) unless it keeps the frame and names only the tenant's units. */
    static void require(PolicyVersion version, Set<UUID> units) {
        List<Reason> problems = new ArrayList<>();
        if (version.wfaWeekdays().size() > NationalFrame.MAX_FLEXIBLE_DAYS_A_WEEK) {
            problems.add(Reason.of(
                    "policy-weekdays",
                    "wfaWeekdays: {0} days; {1}",
                    version.wfaWeekdays().size(),
                    NationalFrame.CAP_RULE,
                    NationalFrame.MAX_FLEXIBLE_DAYS_A_WEEK));
        }
        if (version.wfaWeekdays().contains(DayOfWeek.SATURDAY)
                || version.wfaWeekdays().contains(DayOfWeek.SUNDAY)) {
            problems.add(Reason.of("policy-weekend", "wfaWeekdays: Saturday and Sunday are not working days"));
        }
        if ((version.trialFrom() == null) != (version.trialTo() == null)
                || version.trialFrom() != null && version.trialTo().isBefore(version.trialFrom())) {
            problems.add(Reason.of("policy-trial", "trialFrom, trialTo: give both, in order, or neither"));
        }
        for (PolicyVersion.Window window : version.windows()) {
            if (window.to().isBefore(window.from())
                    || window.to().isAfter(window.from().plusDays(30))) {
                problems.add(Reason.of(
                        "policy-window", "windows: {0} must run forwards, for at most 31 days", window.name()));
            }
        }
        for (Integer box : version.allowedTalentBoxes()) {
            if (box < 1 || box > 9) {
                problems.add(Reason.of(
                        "policy-talent-box", "allowedTalentBoxes: {0} is not a 9-box talent box (1 to 9)", box));
            }
        }
        List<LocalTime> hours =
                Arrays.asList(version.startFrom(), version.startTo(), version.coreFrom(), version.coreTo());
        if (hours.stream().anyMatch(h -> h != null) && hours.stream().anyMatch(h -> h == null)) {
            problems.add(Reason.of(
                    "policy-hours-incomplete",
                    "startFrom, startTo, coreFrom, coreTo: flexible hours need all four, or none"));
        } else if (version.startFrom() != null
                && (!version.startFrom().isBefore(version.startTo())
                        || version.startTo().isAfter(version.coreFrom())
                        || !version.coreFrom().isBefore(version.coreTo())
                        || Duration.between(version.coreFrom(), version.coreTo())
                                        .toMinutes()
                                > NationalFrame.WEEKLY_HOURS * 60 / 5)) {
            problems.add(Reason.of(
                    "policy-hours",
                    "startFrom, startTo, coreFrom, coreTo: the start window comes before the core band,"
                            + " and the core band is at most 7.5 hours, so the working week stays {0} hours",
                    NationalFrame.WEEKLY_HOURS));
        }
        version.units().stream()
                .filter(u -> !units.contains(u.unitId()))
                .forEach(u -> problems.add(
                        Reason.of("policy-unit", "units: there is no unit {0} in this tenant", u.unitId())));
        if (!problems.isEmpty()) {
            List<String> texts = Reason.texts(problems);
            throw Problem.badRequest(
                            "invalid-policy", "Policy not valid", String.join("; ", texts) + ". Nothing was saved.")
                    .with("errors", texts)
                    .values(Problem.joined(
                            "; ", problems.stream().map(Reason::said).toList()));
        }
    }
}
