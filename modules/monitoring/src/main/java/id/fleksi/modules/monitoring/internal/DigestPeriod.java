package id.fleksi.modules.monitoring.internal;

import id.fleksi.platform.problem.Problem;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The stretch of days a digest covers: a calendar month ({@code 2026-11}) or an ISO week ({@code 2026-W48}), cut into
 * ISO weeks (Monday to Sunday) clipped to the period, so a month's first and last weeks may be short.
 *
 * @param label the period as asked for, e.g. {@code 2026-11} or {@code 2026-W48}
 */
public record DigestPeriod(String label, LocalDate from, LocalDate to) {

    /** One ISO week of the period, clipped to it; {@code label} is its ISO name, e.g. {@code 2026-W48}. */
    @Schema(name = "MonitoringDigestWeek")
    public record Week(String label, LocalDate from, LocalDate to) {}

    /** A month or a week, exactly one of them; neither: the month of {@code today}. Refuses anything else. */
    public static DigestPeriod parse(@Nullable String month, @Nullable String week, LocalDate today) {
        boolean hasMonth = month != null && !month.isBlank();
        boolean hasWeek = week != null && !week.isBlank();
        if (hasMonth && hasWeek) {
            throw wrong(month + " / " + week);
        }
        if (hasWeek) {
            return week(week.strip());
        }
        if (!hasMonth) {
            return month(YearMonth.from(today));
        }
        try {
            return month(YearMonth.parse(month.strip()));
        } catch (DateTimeParseException e) {
            throw wrong(month);
        }
    }

    static DigestPeriod month(YearMonth month) {
        return new DigestPeriod(month.toString(), month.atDay(1), month.atEndOfMonth());
    }

    static DigestPeriod week(String isoWeek) {
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("(\\d{4})-W(\\d{2})").matcher(isoWeek);
        if (!m.matches()) {
            throw wrong(isoWeek);
        }
        int year = Integer.parseInt(m.group(1));
        int number = Integer.parseInt(m.group(2));
        // The 4th of January is always in week 1 of its ISO year.
        LocalDate jan4 = LocalDate.of(year, 1, 4);
        if (number < 1 || number > jan4.range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum()) {
            throw wrong(isoWeek);
        }
        LocalDate monday = jan4.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, number).with(DayOfWeek.MONDAY);
        return new DigestPeriod(isoWeek, monday, monday.plusDays(6));
    }

    /** Whether the period is an ISO week (else a month). */
    public boolean isWeek() {
        return label.contains("-W");
    }

    /** The period before this one, of the same kind, as it is asked for ({@code 2026-10}, {@code 2026-W47}). */
    public String previous() {
        return isWeek()
                ? isoName(from.minusWeeks(1))
                : YearMonth.from(from).minusMonths(1).toString();
    }

    /** The period after this one, of the same kind. */
    public String next() {
        return isWeek()
                ? isoName(from.plusWeeks(1))
                : YearMonth.from(from).plusMonths(1).toString();
    }

    /** The ISO weeks of the period, each clipped to it, in order. */
    public List<Week> weeks() {
        List<Week> weeks = new ArrayList<>();
        for (LocalDate start = from; !start.isAfter(to); ) {
            LocalDate sunday = start.with(DayOfWeek.SUNDAY);
            LocalDate end = sunday.isAfter(to) ? to : sunday;
            weeks.add(new Week(isoName(start), start, end));
            start = end.plusDays(1);
        }
        return weeks;
    }

    private static String isoName(LocalDate day) {
        return String.format(
                "%d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    private static Problem wrong(String given) {
        return Problem.badRequest(
                        "digest-period",
                        "Unknown period",
                        "A digest covers a month (month=2026-11) or an ISO week" + " (week=2026-W48), one of them; "
                                + given + " is neither.")
                .values(given);
    }
}
