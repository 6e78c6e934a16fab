package id.fleksi.modules.attendance.internal;

import id.fleksi.modules.attendance.AttendanceSettings;
import id.fleksi.modules.attendance.CheckIn;
import id.fleksi.modules.attendance.CheckInRequest;
import id.fleksi.modules.attendance.CheckIns;
import id.fleksi.modules.fwa.DayAnswer;
import id.fleksi.modules.fwa.WorkMode;
import id.fleksi.platform.calendar.TimeWindow;
import id.fleksi.platform.organisation.GeoPoint;
import id.fleksi.platform.problem.Problem;
import id.fleksi.platform.wording.Distance;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * What a check-in or check-out comes to, decided from what is known about it and nothing else: no database, no clock
 * of its own. {@link Submitter} gathers the facts in one statement and {@link CheckInRegister} stores what this decides
 * ({@link CheckIns} runs the use case around the three); the rules themselves
 * (the offline window, the day's answer, the windows, the office's geofence, lateness and early leave) are here, and
 * are tested without either.
 */
public final class CheckInJudgement {

    /** Phones' clocks drift; a capture this far ahead of the server is still believed. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(2);

    private CheckInJudgement() {}

    /**
     * The facts about one submission.
     *
     * @param now the server's time when it arrived; {@code captured} the phone's capture time (now when it sent none),
     *     {@code local} that time in the tenant's zone
     * @param checkedIn whether the employee has checked in on that date
     * @param answer the FWA engine's answer for the employee and date (mode, hours, the calendar included)
     * @param offices the offices along the employee's unit, nearest first or not; read only when the day needs one
     */
    public record Facts(
            CheckInRequest request,
            Instant now,
            Instant captured,
            ZonedDateTime local,
            UUID employeeId,
            boolean checkedIn,
            DayAnswer answer,
            Supplier<List<UnitOffices.Office>> offices,
            LocationEvidence.History history) {}

    /** The record to store, or a refusal that says why and what to do (nothing is recorded). */
    public static CheckIn judge(AttendanceSettings rules, Facts facts) {
        CheckInRequest request = facts.request();
        requireCaptureTime(facts.now(), facts.captured(), rules.offlineWindowHours());
        if (request.kind() == CheckInRequest.Kind.OUT && !facts.checkedIn()) {
            throw Problem.conflict(
                            "not-checked-in",
                            "Not checked in",
                            "You have not checked in on " + facts.local().toLocalDate()
                                    + "; check in before checking out. Nothing was recorded.")
                    .values(facts.local().toLocalDate().toString());
        }
        // The FWA engine's one answer, calendar included: WFA or dinas luar may check in anywhere; otherwise at an
        // office on a
        // working day. Hours and lateness follow the same answer.
        DayAnswer answer = facts.answer();
        boolean workingDay = answer.mode() != WorkMode.HOLIDAY;
        // An overnight shift keeps its own hours; a day off has none.
        boolean overnight = workingDay && answer.end().isBefore(answer.start());
        if (workingDay && !overnight) {
            requireWindow(
                    request.kind(),
                    facts.local(),
                    request.kind() == CheckInRequest.Kind.IN ? rules.checkInWindow() : rules.checkOutWindow());
        }
        Place place = request.hasFix()
                ? place(answer, request.latitude(), request.longitude(), request.accuracy(), facts.offices())
                : withoutFix(request, answer);
        UnitOffices.Office office = place.office();
        Integer distance = place.distanceMetres();
        int late = 0;
        int early = 0;
        if (workingDay) {
            LocalTime at = facts.local().toLocalTime();
            if (request.kind() == CheckInRequest.Kind.IN) {
                // With flexible hours the policy's start window decides; otherwise the schedule's start.
                late = (int) Math.max(
                        0,
                        Duration.between(answer.latestStart().plusMinutes(rules.latenessToleranceMinutes()), at)
                                .toMinutes());
            } else if (!overnight) { // an overnight shift's end falls on the next date
                early = (int) Math.max(0, Duration.between(at, answer.end()).toMinutes());
            }
        }
        String mode = place.workMode();
        boolean offline = request.capturedAt() != null
                && facts.captured().isBefore(facts.now().minus(Duration.ofMinutes(1)));
        return new CheckIn(
                UUID.randomUUID(),
                request.clientRequestId(),
                facts.employeeId(),
                facts.local().toLocalDate(),
                request.kind(),
                mode,
                facts.now(),
                facts.captured(),
                offline,
                office == null ? null : office.id(),
                distance,
                late,
                early,
                LocationEvidence.judge(request, facts.captured(), facts.history()));
    }

    /** Where someone stands by the rules of place: the work mode, and the office and distance when the day is an office day. */
    public record Place(
            String workMode,
            UnitOffices.@org.jspecify.annotations.Nullable Office office,
            @org.jspecify.annotations.Nullable Integer distanceMetres) {}

    /**
     * The rules of place, alone: on WFA or dinas luar anywhere; on an office day inside an office's geofence (the nearest
     * of the unit's), or refused with the distance; on a day off anywhere.
     */
    public static Place place(
            DayAnswer answer,
            double latitude,
            double longitude,
            double accuracy,
            Supplier<List<UnitOffices.Office>> offices) {
        boolean workingDay = answer.mode() != WorkMode.HOLIDAY;
        String mode = CheckInMode.of(answer).name();
        if (answer.anywhere() || !workingDay) {
            return new Place(mode, null, null);
        }
        GeoPoint fix = new GeoPoint(latitude, longitude);
        UnitOffices.Office office = offices.get().stream()
                .min(Comparator.comparingDouble(o -> o.fence().centre().metresTo(fix)))
                .orElseThrow(() -> Problem.conflict(
                        "no-office",
                        "No office",
                        "Your unit has no office with a geofence yet;"
                                + " ask your tenant admin to add one. Nothing was recorded."));
        int distance = (int) Math.round(office.fence().centre().metresTo(fix));
        if (!office.fence().admits(fix, accuracy)) {
            throw Problem.unprocessable(
                            "outside-geofence",
                            "Outside the office",
                            "You are " + Distance.ofMetres(distance) + " from " + office.name() + " (its area reaches "
                                    + Distance.ofMetres(office.fence().radiusMetres()) + "; your phone's accuracy is "
                                    + Distance.ofMetres(accuracy)
                                    + "). Today is an office day: check in from the office. Nothing was recorded.")
                    .with("distanceMetres", distance)
                    .values(
                            Distance.ofMetres(distance),
                            office.name(),
                            Distance.ofMetres(office.fence().radiusMetres()),
                            Distance.ofMetres(accuracy));
        }
        return new Place(mode, office, distance);
    }

    /**
     * A submission without a fix (the phone's location denied or unavailable): taken, and flagged for review, only on a day
     * that may be worked anywhere (WFA, dinas luar, a day off); an office day needs the fix to find the office.
     */
    static Place withoutFix(CheckInRequest request, DayAnswer answer) {
        if (!request.hasNoFix()) {
            throw Problem.badRequest(
                    "partial-location",
                    "Incomplete location",
                    "latitude, longitude, accuracy: send all three"
                            + " of the phone's fix, or none of them when it has none. Nothing was recorded.");
        }
        if (!answer.anywhere() && answer.mode() != WorkMode.HOLIDAY) {
            throw Problem.unprocessable(
                    "location-required",
                    "Location needed",
                    "Today is an office day: a check-in needs the"
                            + " phone's location to find the office. Allow location for this site in the browser (or turn on the phone's"
                            + " location) and try again, or ask your supervisor to record an absence. Nothing was recorded.");
        }
        return new Place(CheckInMode.of(answer).name(), null, null);
    }

    /** A capture time is neither in the future (beyond the clocks' skew) nor older than the tenant's offline window. */
    static void requireCaptureTime(Instant now, Instant captured, int windowHours) {
        if (captured.isAfter(now.plus(CLOCK_SKEW))) {
            throw Problem.badRequest(
                            "captured-in-future",
                            "Capture time in the future",
                            "capturedAt: " + captured + " is after the server's time " + now
                                    + "; check the phone's clock. Nothing was recorded.")
                    .values(captured.toString(), now.toString());
        }
        if (captured.isBefore(now.minus(Duration.ofHours(windowHours)))) {
            throw Problem.unprocessable(
                            "capture-too-old",
                            "Captured too long ago",
                            "capturedAt: captured "
                                    + Duration.between(captured, now).toHours()
                                    + " hours ago; offline check-ins are accepted for " + windowHours
                                    + " hours. Ask your supervisor to record an absence instead. Nothing was recorded.")
                    .values(Duration.between(captured, now).toHours(), windowHours);
        }
    }

    /**
     * The tenant's check-in and check-out windows (e.g. 06:00-12:00 and 14:00-18:00), judged by the capture time; a
     * window whose end comes before its start runs past midnight.
     */
    private static void requireWindow(CheckInRequest.Kind kind, ZonedDateTime local, TimeWindow window) {
        LocalTime at = local.toLocalTime().withSecond(0).withNano(0);
        if (!window.contains(at)) {
            LocalTime from = window.from();
            LocalTime to = window.to();
            String what = kind == CheckInRequest.Kind.IN ? "Check-in" : "Check-out";
            throw Problem.unprocessable(
                            "outside-window",
                            what + " is closed",
                            what + " is open " + from + "-" + to + " on working days; it was " + at
                                    + ". Ask your supervisor to record an absence if you could not. Nothing was recorded.")
                    .with("window", from + "-" + to)
                    .variant(kind.name().toLowerCase(Locale.ROOT), from.toString(), to.toString(), at.toString());
        }
    }
}
