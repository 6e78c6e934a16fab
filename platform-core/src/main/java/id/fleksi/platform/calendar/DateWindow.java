package id.fleksi.platform.calendar;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;

/**
 * The dates Fleksi accepts from anyone, at the edge of the API and the pages: 1 January 1950 (the earliest start of
 * service of anyone still serving) to 31 December 2100. Every date, month and timestamp a request carries is checked
 * against it before anything computes with it, so a year of 99999 or -999999999 is a clear refusal, never an
 * overflow deep inside. Rules of a narrower window (an absence within a year of today) stand where they apply.
 */
public final class DateWindow {

    public static final LocalDate FIRST = LocalDate.of(1950, 1, 1);
    public static final LocalDate LAST = LocalDate.of(2100, 12, 31);

    private DateWindow() {}

    public static boolean contains(LocalDate date) {
        return !date.isBefore(FIRST) && !date.isAfter(LAST);
    }

    public static boolean contains(YearMonth month) {
        return contains(month.atDay(1));
    }

    public static boolean contains(OffsetDateTime time) {
        return contains(time.toLocalDate());
    }

    /** The refusal's words, the same wherever a date comes in. */
    public static String rule() {
        return "is a date between " + FIRST + " and " + LAST;
    }
}
