package id.fleksi.modules.fwa;

import id.fleksi.platform.calendar.DayHours;
import id.fleksi.platform.calendar.WorkingDay;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The rule that answers one employee's day from facts already read, in the order {@link WorkModes} gives: a pure
 * decision, testable without Spring.
 */
final class WorkModeRule {

    private WorkModeRule() {}

    /** The person's answer on the date: the work mode, the hours, and why. */
    static DayAnswer answer(FwaFacts facts, FwaFacts.Person person, LocalDate date) {
        WorkingDay day = facts.day(person.unitId(), date);
        if (!day.isWorking()) {
            return new DayAnswer(
                    person.id(),
                    date,
                    WorkMode.HOLIDAY,
                    null,
                    null,
                    null,
                    null,
                    List.of(Reason.of("day-off", "{0}", day.reason())));
        }
        DayHours hours = Objects.requireNonNull(day.hours(), "a working day has its hours");
        LocalTime start = hours.start();
        LocalTime end = hours.end();
        for (ApprovedAbsences.Absence absence : facts.absences.getOrDefault(person.id(), List.of())) {
            if (!date.isBefore(absence.from()) && !date.isAfter(absence.to())) {
                return absence.dinasLuar()
                        ? new DayAnswer(
                                person.id(),
                                date,
                                WorkMode.DINAS_LUAR,
                                absence.destination(),
                                start,
                                start,
                                end,
                                List.of(Reason.of("dinas-luar", "Approved dinas luar to {0}", absence.destination())))
                        : new DayAnswer(
                                person.id(),
                                date,
                                WorkMode.LEAVE,
                                null,
                                start,
                                start,
                                end,
                                List.of(Reason.of(
                                        "absence",
                                        "Approved absence ({0})",
                                        absence.kind().toLowerCase(Locale.ROOT))));
            }
        }
        PolicyVersion version = facts.enabled ? FwaPolicies.inForce(facts.versions, date) : null;
        LocalTime latest = start;
        if (version != null && version.startFrom() != null) {
            start = version.startFrom();
            latest = version.startTo();
        }
        List<Reason> ineligible = Eligibility.reasons(facts, person, date, version);
        if (!ineligible.isEmpty()) {
            return new DayAnswer(person.id(), date, WorkMode.WFO, null, start, latest, end, ineligible);
        }
        // Eligible: a version is in force (Eligibility gives a reason when none is).
        for (PolicyVersion.Window window : Objects.requireNonNull(version).windows()) {
            if (!date.isBefore(window.from()) && !date.isAfter(window.to())) {
                return new DayAnswer(
                        person.id(),
                        date,
                        WorkMode.WFA,
                        "home",
                        start,
                        latest,
                        end,
                        List.of(Reason.of("window", "Window: {0}", window.name())));
            }
        }
        if (version.wfaWeekdays().contains(date.getDayOfWeek()) && version.inTrial(date)) {
            String weekday = date.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
            Reason why = version.trialFrom() == null
                    ? Reason.of(
                            "wfa-weekday",
                            "{0} is a WFA day under the policy from {1}",
                            weekday,
                            version.effectiveFrom())
                    : Reason.of(
                            "wfa-weekday-trial",
                            "{0} is a WFA day under the policy from {1} (trial {2} to {3})",
                            weekday,
                            version.effectiveFrom(),
                            version.trialFrom(),
                            version.trialTo());
            return new DayAnswer(person.id(), date, WorkMode.WFA, "home", start, latest, end, List.of(why));
        }
        String place = facts.requested.getOrDefault(person.id(), Map.of()).get(date);
        if (place != null) {
            return new DayAnswer(
                    person.id(),
                    date,
                    WorkMode.WFA,
                    place,
                    start,
                    latest,
                    end,
                    List.of(Reason.of("request", "Approved WFA request")));
        }
        return new DayAnswer(
                person.id(),
                date,
                WorkMode.WFO,
                null,
                start,
                latest,
                end,
                List.of(Reason.of("office-day", "An office day")));
    }
}
