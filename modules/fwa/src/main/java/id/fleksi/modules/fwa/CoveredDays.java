package id.fleksi.modules.fwa;

import id.fleksi.modules.fwa.internal.NationalFrame;
import id.fleksi.platform.problem.Problem;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSourceResolvable;

/**
 * The working days a WFA request covers, each checked against eligibility and the weekly cap: decided on facts already
 * read for the whole weeks the request touches.
 */
record CoveredDays(FwaFacts facts, List<LocalDate> days) {

    /** The employee's working days the request covers, after checking eligibility and the weekly cap on each. */
    static CoveredDays check(FwaFacts weeks, UUID employee, LocalDate from, LocalDate to, @Nullable DayOfWeek weekday) {
        LocalDate weekStart = from.with(DayOfWeek.MONDAY);
        LocalDate weekEnd = to.with(DayOfWeek.SUNDAY);
        // The facts were read for this employee, who is active (the requester, or the one asked about).
        FwaFacts.Person person = Objects.requireNonNull(weeks.people.get(employee));
        List<LocalDate> days = new ArrayList<>();
        List<DatedReason> problems = new ArrayList<>();
        Map<Integer, Integer> perWeek = new HashMap<>();
        for (LocalDate date = weekStart; !date.isAfter(weekEnd); date = date.plusDays(1)) {
            DayAnswer answer = WorkModeRule.answer(weeks, person, date);
            if (answer.mode() == WorkMode.WFA && !answer.reasons().get(0).key().equals("window")) {
                perWeek.merge(week(date), 1, Integer::sum);
            }
        }
        for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
            if (weekday != null && date.getDayOfWeek() != weekday
                    || !weeks.day(person.unitId(), date).isWorking()) {
                continue;
            }
            LocalDate day = date;
            Eligibility.reasons(weeks, person, date, FwaPolicies.inForce(weeks.versions, date))
                    .forEach(r -> problems.add(new DatedReason(day, r)));
            DayAnswer already = WorkModeRule.answer(weeks, person, date);
            if (already.mode() == WorkMode.WFA) {
                continue; // already a WFA day (policy weekday, window or an approved request): nothing to add
            }
            if (perWeek.merge(week(date), 1, Integer::sum) > NationalFrame.MAX_FLEXIBLE_DAYS_A_WEEK) {
                problems.add(new DatedReason(
                        date,
                        Reason.of(
                                "weekly-cap",
                                "the week already has {0} WFA days; {1}",
                                NationalFrame.MAX_FLEXIBLE_DAYS_A_WEEK,
                                NationalFrame.CAP_RULE)));
            }
            days.add(date);
        }
        if (!problems.isEmpty()) {
            List<String> texts = problems.stream().map(DatedReason::text).toList();
            throw Problem.unprocessable(
                            "not-allowed", "Not allowed", String.join("; ", texts) + ". Nothing was changed.")
                    .with("reasons", texts)
                    .values(Problem.joined(
                            "; ", problems.stream().map(DatedReason::said).toList()));
        }
        return new CoveredDays(weeks, days);
    }

    /** Why a day of a request cannot be granted: "2026-02-04: ..." in English, and in the reader's language. */
    private record DatedReason(LocalDate day, Reason reason) {

        String text() {
            return day + ": " + reason.text();
        }

        MessageSourceResolvable said() {
            return Problem.joined(": ", List.of(day.toString(), reason.said()));
        }
    }

    private static int week(LocalDate date) {
        return date.get(IsoFields.WEEK_BASED_YEAR) * 100 + date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
    }
}
