package id.fleksi.platform.calendar;

import id.fleksi.platform.problem.Problem;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** Checks a date range asked of the API: in order, and no longer than a query may cover. */
public final class DateRange {

    private DateRange() {}

    public static void require(LocalDate from, LocalDate to, int maxDays) {
        if (to.isBefore(from) || ChronoUnit.DAYS.between(from, to) >= maxDays) {
            throw Problem.badRequest(
                            "invalid-range",
                            "Invalid date range",
                            "to: on or after from, at most " + maxDays + " days in all")
                    .values(maxDays);
        }
    }
}
