package id.fleksi.modules.attendance.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.fleksi.modules.attendance.AttendanceSettings;
import id.fleksi.modules.attendance.CheckIn;
import id.fleksi.modules.attendance.CheckInRequest;
import id.fleksi.modules.fwa.DayAnswer;
import id.fleksi.modules.fwa.WorkMode;
import id.fleksi.platform.calendar.TimeWindow;
import id.fleksi.platform.organisation.GeoPoint;
import id.fleksi.platform.problem.Problem;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The check-in's rules, decided from facts alone: no database, no Spring, no clock but the one given. */
class CheckInJudgementTest {

    static final ZoneId WITA = ZoneId.of("Asia/Makassar");
    static final Instant NOW = Instant.parse("2026-12-07T00:20:00Z"); // 08:20 in Mamuju
    static final GeoPoint OFFICE = new GeoPoint(-2.6800, 118.8900);
    static final UnitOffices.Office KANTOR =
            new UnitOffices.Office(UUID.randomUUID(), "Kantor Bupati", new Geofence(OFFICE, 100));
    static final AttendanceSettings RULES =
            new AttendanceSettings(12, 5, 365, TimeWindow.parse("00:00-23:59"), TimeWindow.parse("00:00-23:59"));
    static final UUID SITI = UUID.randomUUID();
    /** No earlier fix, her device alone, no identical days: nothing for the location evidence to flag. */
    static final LocationEvidence.History FIRST_DAY = new LocationEvidence.History(null, null, 0, 0);

    @Test
    void theWorkModeColumnAcceptsExactlyTheModesACheckInRecords() throws java.io.IOException {
        String changelog;
        try (var in = getClass().getResourceAsStream("/db/tenant/modules/attendance.yaml")) {
            changelog = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        var checked = java.util.regex.Pattern.compile("check \\(work_mode in \\(([^)]*)\\)\\)")
                .matcher(changelog);

        assertThat(checked.find()).as("the work_mode check constraint").isTrue();
        assertThat(checked.group(1).replace("'", "").split(",\\s*"))
                .containsExactly(java.util.Arrays.stream(CheckInMode.values())
                        .map(Enum::name)
                        .toArray(String[]::new));
    }

    @Test
    void anOfficeDayCheckInInsideTheFenceIsWfoWithItsDistanceAndTheMinutesPastTheToleranceAsLate() {
        GeoPoint fix = new GeoPoint(-2.6804, 118.8900); // ~44 m south

        CheckIn record = CheckInJudgement.judge(
                RULES, facts(request(CheckInRequest.Kind.IN, fix, 20, null), false, day(WorkMode.WFO)));

        assertThat(record.workMode()).isEqualTo("WFO");
        assertThat(record.officeId()).isEqualTo(KANTOR.id());
        assertThat(record.distanceMetres())
                .isEqualTo((int) Math.round(OFFICE.metresTo(fix)))
                .isBetween(40, 50);
        assertThat(record.minutesLate()).isEqualTo(45); // 08:20 against 07:30 and 5 minutes' tolerance
        assertThat(record.workDate()).isEqualTo(java.time.LocalDate.parse("2026-12-07"));
        assertThat(record.offline()).isFalse();
    }

    @Test
    void anOfficeDayCheckInFarFromTheOfficeIsRefusedWithTheDistance() {
        GeoPoint fix = new GeoPoint(-2.6827, 118.8900); // ~300 m

        assertThatThrownBy(() -> CheckInJudgement.judge(
                        RULES, facts(request(CheckInRequest.Kind.IN, fix, 20, null), false, day(WorkMode.WFO))))
                .isInstanceOfSatisfying(Problem.class, p -> {
                    assertThat(p.type()).isEqualTo("outside-geofence");
                    assertThat(p.kind()).isEqualTo(Problem.Kind.UNPROCESSABLE);
                    assertThat(p.properties().get("distanceMetres")).isEqualTo((int) Math.round(OFFICE.metresTo(fix)));
                    assertThat(p.getMessage())
                            .startsWith("You are 30")
                            .contains("from Kantor Bupati (its area reaches 100 m");
                });
    }

    @Test
    void aWfaDayCheckInCountsAnywhereAndNeverAsksForTheOffices() {
        GeoPoint home = new GeoPoint(-3.5, 119.5); // another kabupaten
        Supplier<List<UnitOffices.Office>> noOffices = () -> {
            throw new AssertionError("a WFA day needs no office");
        };

        CheckIn record = CheckInJudgement.judge(
                RULES,
                new CheckInJudgement.Facts(
                        request(CheckInRequest.Kind.IN, home, 20, null),
                        NOW,
                        NOW,
                        NOW.atZone(WITA),
                        SITI,
                        false,
                        day(WorkMode.WFA),
                        noOffices,
                        FIRST_DAY));

        assertThat(record.workMode()).isEqualTo("WFA");
        assertThat(record.officeId()).isNull();
        assertThat(record.distanceMetres()).isNull();
        assertThat(record.minutesLate()).isEqualTo(45);
    }

    @Test
    void dinasLuarIsRecordedAsDlAnywhere() {
        CheckIn record = CheckInJudgement.judge(
                RULES,
                facts(
                        request(CheckInRequest.Kind.IN, new GeoPoint(-5.1, 119.4), 50, null),
                        false,
                        day(WorkMode.DINAS_LUAR)));

        assertThat(record.workMode()).isEqualTo("DL");
    }

    @Test
    void onAHolidayNothingIsLateAndNoOfficeIsNeeded() {
        CheckIn record = CheckInJudgement.judge(
                RULES,
                facts(
                        request(CheckInRequest.Kind.IN, new GeoPoint(-3.5, 119.5), 20, null),
                        false,
                        day(WorkMode.HOLIDAY)));

        assertThat(record.minutesLate()).isZero();
        assertThat(record.officeId()).isNull();
    }

    @Test
    void aCheckOutBeforeTheEndOfTheDayCountsTheMinutesLeftAsEarlyLeave() {
        Instant threePm = Instant.parse("2026-12-07T07:00:00Z");
        CheckInRequest out = request(CheckInRequest.Kind.OUT, OFFICE, 10, null);

        CheckIn record = CheckInJudgement.judge(
                RULES,
                new CheckInJudgement.Facts(
                        out,
                        threePm,
                        threePm,
                        threePm.atZone(WITA),
                        SITI,
                        true,
                        day(WorkMode.WFO),
                        () -> List.of(KANTOR),
                        FIRST_DAY));

        assertThat(record.minutesEarly()).isEqualTo(60);
        assertThat(record.minutesLate()).isZero();
    }

    @Test
    void aCheckOutWithoutACheckInIsRefused() {
        assertThatThrownBy(() -> CheckInJudgement.judge(
                        RULES, facts(request(CheckInRequest.Kind.OUT, OFFICE, 10, null), false, day(WorkMode.WFO))))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.type()).isEqualTo("not-checked-in"));
    }

    @Test
    void aCaptureOlderThanTheOfflineWindowOrAheadOfTheClocksSkewIsRefusedAndOneWithinItIsOffline() {
        OffsetDateTime thirteenHoursAgo = NOW.minusSeconds(13 * 3600).atOffset(ZoneOffset.UTC);
        OffsetDateTime threeMinutesAhead = NOW.plusSeconds(180).atOffset(ZoneOffset.UTC);
        OffsetDateTime twoHoursAgo = NOW.minusSeconds(2 * 3600).atOffset(ZoneOffset.UTC);

        assertThatThrownBy(() -> judgeCapturedAt(thirteenHoursAgo))
                .isInstanceOfSatisfying(
                        Problem.class,
                        p -> assertThat(p.getMessage())
                                .contains("captured 13 hours ago")
                                .contains("accepted for 12 hours"));
        assertThatThrownBy(() -> judgeCapturedAt(threeMinutesAhead))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.type()).isEqualTo("captured-in-future"));
        CheckIn queued = judgeCapturedAt(twoHoursAgo);
        assertThat(queued.offline()).isTrue();
        assertThat(queued.capturedAt()).isEqualTo(twoHoursAgo.toInstant());
        assertThat(queued.recordedAt()).isEqualTo(NOW);
        assertThat(queued.minutesLate()).isZero(); // 06:20 in Mamuju: judged by when it was captured
    }

    @Test
    void aClosedWindowRefusesAndAWindowPastMidnightIsOpenAcrossIt() {
        AttendanceSettings morning =
                new AttendanceSettings(12, 0, 365, TimeWindow.parse("06:00-08:00"), TimeWindow.parse("14:00-18:00"));

        assertThatThrownBy(() -> CheckInJudgement.judge(
                        morning, facts(request(CheckInRequest.Kind.IN, OFFICE, 10, null), false, day(WorkMode.WFO))))
                .isInstanceOfSatisfying(Problem.class, p -> {
                    assertThat(p.type()).isEqualTo("outside-window");
                    assertThat(p.properties()).containsEntry("window", "06:00-08:00");
                    assertThat(p.getMessage())
                            .startsWith("Check-in is open 06:00-08:00 on working days; it was 08:20.");
                });
        AttendanceSettings night =
                new AttendanceSettings(12, 0, 365, TimeWindow.parse("22:00-09:00"), TimeWindow.parse("00:00-23:59"));
        assertThat(CheckInJudgement.judge(
                                night,
                                facts(request(CheckInRequest.Kind.IN, OFFICE, 10, null), false, day(WorkMode.WFO)))
                        .officeId())
                .isEqualTo(KANTOR.id());
    }

    @Test
    void aUnitWithoutAnOfficeCannotCheckInOnAnOfficeDay() {
        assertThatThrownBy(() -> CheckInJudgement.judge(
                        RULES,
                        new CheckInJudgement.Facts(
                                request(CheckInRequest.Kind.IN, OFFICE, 10, null),
                                NOW,
                                NOW,
                                NOW.atZone(WITA),
                                SITI,
                                false,
                                day(WorkMode.WFO),
                                List::of,
                                FIRST_DAY)))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.type()).isEqualTo("no-office"));
    }

    private static CheckIn judgeCapturedAt(OffsetDateTime capturedAt) {
        return CheckInJudgement.judge(
                RULES,
                new CheckInJudgement.Facts(
                        request(CheckInRequest.Kind.IN, OFFICE, 10, capturedAt),
                        NOW,
                        capturedAt.toInstant(),
                        capturedAt.toInstant().atZone(WITA),
                        SITI,
                        false,
                        day(WorkMode.WFO),
                        () -> List.of(KANTOR),
                        FIRST_DAY));
    }

    private static CheckInJudgement.Facts facts(CheckInRequest request, boolean checkedIn, DayAnswer answer) {
        return new CheckInJudgement.Facts(
                request, NOW, NOW, NOW.atZone(WITA), SITI, checkedIn, answer, () -> List.of(KANTOR), FIRST_DAY);
    }

    /** The FWA engine's answer: working hours 07:30-16:00, none on a day off (as the engine answers a holiday). */
    private static DayAnswer day(WorkMode mode) {
        boolean off = mode == WorkMode.HOLIDAY;
        return new DayAnswer(
                SITI,
                java.time.LocalDate.parse("2026-12-07"),
                mode,
                null,
                off ? null : LocalTime.of(7, 30),
                off ? null : LocalTime.of(7, 30),
                off ? null : LocalTime.of(16, 0),
                List.of());
    }

    private static CheckInRequest request(
            CheckInRequest.Kind kind, GeoPoint at, double accuracy, OffsetDateTime capturedAt) {
        return new CheckInRequest(
                kind,
                at.latitude(),
                at.longitude(),
                accuracy,
                "req-" + UUID.randomUUID(),
                capturedAt,
                false,
                "device-1");
    }
}
