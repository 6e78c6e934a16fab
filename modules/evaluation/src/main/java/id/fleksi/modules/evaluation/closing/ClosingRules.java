package id.fleksi.modules.evaluation.closing;

import id.fleksi.platform.problem.Problem;
import id.fleksi.platform.security.Caller;
import id.fleksi.platform.security.Role;
import id.fleksi.platform.tenancy.Tenant;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The rules every closing act starts with: only BKD, a month written as {@code 2026-11}, and a month that is over. */
public final class ClosingRules {

    public static final Locale INDONESIAN = Locale.forLanguageTag("id");
    public static final DateTimeFormatter MONTH_NAME = DateTimeFormatter.ofPattern("MMMM yyyy", INDONESIAN);

    private ClosingRules() {}

    static void requireBkd(Caller caller) {
        if (!caller.hasRole(Role.BKD)) {
            throw Problem.forbidden(
                    "closing-not-allowed", "Not allowed", "Only BKD closes a month and records corrections.");
        }
    }

    /** A month as YYYY-MM with four digits of year: "+999999999-12" parses as a YearMonth but has no day after it. */
    public static YearMonth month(String text) {
        try {
            if (text == null || !text.matches("\\d{4}-\\d{2}")) {
                throw new DateTimeException(text);
            }
            return YearMonth.parse(text);
        } catch (DateTimeException | NullPointerException e) {
            throw Problem.badRequest("invalid-month", "Which month?", "month: written as YYYY-MM, e.g. 2026-11.");
        }
    }

    /** Today in the tenant's zone. */
    public static LocalDate today(Tenant tenant, Clock clock) {
        return clock.instant().atZone(tenant.timeZone().zone()).toLocalDate();
    }

    static boolean over(YearMonth month, Tenant tenant, Clock clock) {
        return YearMonth.from(today(tenant, clock)).isAfter(month);
    }

    public static void requireOver(YearMonth month, Tenant tenant, Clock clock) {
        if (!over(month, tenant, clock)) {
            throw Problem.unprocessable(
                            "month-not-over",
                            "The month is not over",
                            month + " is not over yet; a month is closed" + " from the day after its last day ("
                                    + month.atEndOfMonth().plusDays(1) + "). Nothing was closed.")
                    .values(
                            MONTH_NAME.format(month),
                            ClosingRules.day(month.atEndOfMonth().plusDays(1)));
        }
    }

    static String day(LocalDate date) {
        return DateTimeFormatter.ofPattern("d MMMM yyyy", INDONESIAN).format(date);
    }
}
