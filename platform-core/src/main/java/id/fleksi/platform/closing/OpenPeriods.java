package id.fleksi.platform.closing;

import id.fleksi.platform.modules.ModuleSwitches;
import id.fleksi.platform.problem.Problem;
import id.fleksi.platform.tenancy.TenantCode;
import id.fleksi.platform.tenancy.TenantRegistry;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Asked before a day's facts are written (a check-in, an absence, a daily report, an FWA decision): refuses, with a
 * problem that says what to do, a change to a day BKD has closed. A day of the current month or later is never closed
 * (a month closes only once it is over), so today's check-ins cost nothing here.
 */
@Component
public class OpenPeriods {

    /** What is being changed; each says its refusal in its own words. */
    public enum Change {
        CHECK_IN("check-in", "a check-in or check-out on", "Nothing was recorded."),
        ABSENCE("absence", "an absence touching", "Nothing was changed."),
        REPORT("report", "the daily report of", "Nothing was changed."),
        FWA_REQUEST("fwa-request", "a flexible-work request touching", "Nothing was changed.");

        private final String variant;
        private final String what;
        private final String nothing;

        Change(String variant, String what, String nothing) {
            this.variant = variant;
            this.what = what;
            this.nothing = nothing;
        }
    }

    private static final Locale INDONESIAN = Locale.forLanguageTag("id");
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", INDONESIAN);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", INDONESIAN);

    private final ObjectProvider<ClosedPeriods> closed;
    private final ModuleSwitches switches;
    private final TenantRegistry registry;
    private final Clock clock;

    /** The application's clock where one is declared (attendance declares it; tests set their own), else the system's. */
    public OpenPeriods(
            ObjectProvider<ClosedPeriods> closed,
            ModuleSwitches switches,
            TenantRegistry registry,
            ObjectProvider<Clock> clock) {
        this.closed = closed;
        this.switches = switches;
        this.registry = registry;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** Refuses when any of the employee's days from {@code from} to {@code to} is closed; does nothing otherwise. */
    public void requireOpen(TenantCode tenant, UUID employeeId, LocalDate from, LocalDate to, Change change) {
        LocalDate lastOver = YearMonth.from(clock.instant()
                        .atZone(registry.require(tenant).timeZone().zone()))
                .atDay(1)
                .minusDays(1);
        LocalDate until = to.isAfter(lastOver) ? lastOver : to;
        if (from.isAfter(until)) {
            return;
        }
        ClosedPeriods periods = closed.getIfAvailable();
        if (periods == null || !switches.isEnabled(tenant, periods.moduleId())) {
            return;
        }
        periods.firstClosedDay(tenant, employeeId, from, until).ifPresent(day -> {
            YearMonth month = YearMonth.from(day);
            throw Problem.conflict(
                            "month-closed",
                            "Month closed",
                            month + " was closed by BKD; " + change.what + " " + day
                                    + " can no longer change. If it must, ask BKD to record a correction with its reason for that day,"
                                    + " then try again. " + change.nothing)
                    .with("month", month.toString())
                    .with("date", day.toString())
                    .variant(change.variant, MONTH.format(month), DAY.format(day));
        });
    }

    /** As {@link #requireOpen(TenantCode, UUID, LocalDate, LocalDate, Change)} for one day. */
    public void requireOpen(TenantCode tenant, UUID employeeId, LocalDate day, Change change) {
        requireOpen(tenant, employeeId, day, day, change);
    }
}
