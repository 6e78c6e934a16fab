package id.fleksi.provisioning.feed;

import static org.assertj.core.api.Assertions.assertThat;

import id.fleksi.platform.tenancy.Tenant;
import id.fleksi.platform.tenancy.TenantCode;
import id.fleksi.platform.tenancy.TenantKind;
import id.fleksi.provisioning.bundle.BundleSignatures;
import id.fleksi.provisioning.onboarding.NewTenant;
import id.fleksi.provisioning.testing.TestRealms;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The replica counts its tenants' days and delivers them to the province: the figures are the tenant's, without a person
 * in them; a day sent again replaces its figures; a dropped link catches up, in order.
 */
class FeedDeliveryTest extends FeedIntegration {

    @Test
    void theFiguresAreTheTenantsCountsPerOpdWithoutANameANipOrALocation() {
        Tenant tenant = selfHosted();
        UUID dinkes = rows.unit("DINKES", "Dinas Kesehatan", null);
        UUID puskesmas = rows.unit("PKM-TOBADAK", "UPT Puskesmas Tobadak", dinkes);
        UUID kominfo = rows.unit("DISKOMINFO", "Dinas Komunikasi dan Informatika", null);
        rows.unit("BAPPEDA", "Badan Perencanaan Pembangunan Daerah", null);
        var late = rows.employee(dinkes, "ACTIVE", null);
        rows.checkIn(late, day, "IN", "WFO", 12, "MOCK_LOCATION", false);
        rows.checkIn(late, day, "OUT", "WFO", 0, "", false);
        rows.report(late, day, 1);
        var fromAnywhere = rows.employee(puskesmas, "ACTIVE", null); // a sub-unit counts with its OPD
        rows.checkIn(fromAnywhere, day, "IN", "WFA", 0, "", false);
        rows.checkIn(fromAnywhere, day, "OUT", "WFA", 0, "POOR_ACCURACY", true); // replaced: not counted
        rows.checkIn(fromAnywhere, day, "OUT", "WFA", 0, "SHARED_DEVICE", false);
        var sick = rows.employee(dinkes, "SANCTIONED", null);
        rows.absence(sick, "SAKIT", day.minusDays(1), day.plusDays(1), "APPROVED");
        rows.report(sick, day, 0); // a report row without an activity is no report filed
        rows.employee(dinkes, "RETIRED", null);
        var onDuty = rows.employee(kominfo, "ACTIVE", null);
        rows.checkIn(onDuty, day, "IN", "DL", 0, "", false);
        rows.absence(onDuty, "DINAS_LUAR", day, day, "APPROVED");
        rows.report(onDuty, day, 2);
        var waiting = rows.employee(kominfo, "ACTIVE", null);
        rows.absence(waiting, "IZIN", day, day, "PENDING");
        rows.absence(waiting, "CUTI", day.minusDays(5), day.minusDays(2), "APPROVED");
        rows.checkIn(waiting, day.minusDays(1), "IN", "WFO", 30, "TOO_PERFECT", false);
        var excused = rows.employee(kominfo, "ON_LEAVE", null);
        rows.absence(excused, "IZIN", day, day, "APPROVED");
        rows.employee(kominfo, "ACTIVE", day.plusDays(1)); // not started yet

        DailyFeed feed = figures.of(tenant, day, Instant.now());

        // Yesterday may be a weekend or a holiday: then nobody is expected (theExpectedAre... fixes the dates).
        int expected = day.getDayOfWeek().getValue() <= 5 && !nationalHoliday(day) ? 3 : 0;
        assertThat(feed.opds())
                .containsExactly(
                        opd(
                                "BAPPEDA",
                                "Badan Perencanaan Pembangunan Daerah",
                                0,
                                0,
                                checkIns(0, 0, 0, 0, 0),
                                away(0, 0, 0, 0),
                                0,
                                0),
                        opd("DINKES", "Dinas Kesehatan", 3, expected, checkIns(2, 1, 1, 0, 1), away(0, 1, 0, 0), 2, 1),
                        opd(
                                "DISKOMINFO",
                                "Dinas Komunikasi dan Informatika",
                                3,
                                expected,
                                checkIns(1, 0, 0, 1, 0),
                                away(1, 0, 0, 1),
                                0,
                                1));
        assertThat(outbox.store(feed, Instant.now())).isTrue();
        String sent = new String(outbox.waiting(code).get(0).payload(), StandardCharsets.UTF_8);
        for (TenantRows.Person person : rows.people) {
            assertThat(sent)
                    .doesNotContain(
                            person.nip(),
                            person.name(),
                            person.username(),
                            person.id().toString());
        }
        assertThat(sent).doesNotContain(TenantRows.LATITUDE, TenantRows.LONGITUDE, "device", "Mamuju", "alasan");
        assertThat(FeedDocumentTest.fieldNames(sent))
                .containsExactlyInAnyOrder(
                        "feed",
                        "tenant",
                        "day",
                        "generatedAt",
                        "opds",
                        "code",
                        "name",
                        "employees",
                        "expected",
                        "checkedIn",
                        "total",
                        "wfo",
                        "wfa",
                        "dinasLuar",
                        "late",
                        "absent",
                        "izin",
                        "sakit",
                        "cuti",
                        "flaggedCheckIns",
                        "reportsFiled");

        FeedSender.Round round = sender(port).sendDue(Instant.now());

        assertThat(round.failures()).isEmpty();
        assertThat(round.sent()).extracting(FeedOutbox.Waiting::day).containsExactly(day);
        FeedDays.ReceivedDay received = days.latest(tenant.code()).orElseThrow();
        assertThat(received.opds()).isEqualTo(feed.opds());
        assertThat(received.signer()).isEqualTo(BundleSignatures.fingerprint(instanceKeys.publicKey()));
        assertThat(received.totals())
                .isEqualTo(new FeedDays.Totals(3, 6, 2 * expected, checkIns(3, 1, 1, 1, 1), away(1, 1, 0, 1), 2, 2));
        ResponseEntity<List> listed = api(operatorToken())
                .get()
                .uri("/api/v1/platform/feeds/{code}?from={from}&to={to}", code, day.minusDays(3), today)
                .retrieve()
                .toEntity(List.class);
        assertThat(listed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat((List<Map<String, Object>>) listed.getBody())
                .singleElement()
                .satisfies(listedDay -> assertThat(listedDay).containsEntry("day", day.toString()))
                .satisfies(listedDay -> assertThat((Map<String, Object>) listedDay.get("totals"))
                        .containsEntry("employees", 6)
                        .containsEntry("reportsFiled", 2));
        assertThat(api(null)
                        .get()
                        .uri("/api/v1/platform/feeds/{code}", code)
                        .retrieve()
                        .toBodilessEntity()
                        .getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(api(operatorToken())
                        .get()
                        .uri("/api/v1/platform/feeds/{code}?from=2020-01-01&to={to}", code, today)
                        .retrieve()
                        .toBodilessEntity()
                        .getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void theExpectedAreThoseServingForWhomTheDayIsAWorkingDayOfTheirUnitsCalendar() {
        Tenant tenant = selfHosted();
        UUID dinkes = rows.unit("DINKES", "Dinas Kesehatan", null);
        UUID puskesmas = rows.unit("PKM-TOBADAK", "UPT Puskesmas Tobadak", dinkes);
        LocalDate saturday = LocalDate.of(2026, 1, 3);
        LocalDate monday = LocalDate.of(2026, 1, 5);
        LocalDate tuesday = LocalDate.of(2026, 1, 6); // the puskesmas' own holiday, and a newcomer's first day
        rows.employee(dinkes, "ACTIVE", null);
        rows.employee(dinkes, "ON_LEAVE", null); // excused or not, a working day expects them
        rows.employee(puskesmas, "ACTIVE", null);
        rows.employee(dinkes, "RETIRED", null);
        rows.employee(dinkes, "ACTIVE", tuesday);
        jdbc.sql("insert into " + tenant.code().schemaName()
                        + ".local_holiday (id, date, name, unit_id) values (?, ?, 'Hari jadi Puskesmas Tobadak', ?)")
                .params(UUID.randomUUID(), tuesday, puskesmas)
                .update();

        assertThat(figures.of(tenant, monday, Instant.now()).opds())
                .singleElement()
                .satisfies(o -> assertThat(o.employees()).isEqualTo(3))
                .satisfies(o -> assertThat(o.expected()).isEqualTo(3));
        assertThat(figures.of(tenant, saturday, Instant.now()).opds())
                .singleElement()
                .satisfies(o -> assertThat(o.employees()).isEqualTo(3))
                .satisfies(o -> assertThat(o.expected()).isZero());
        assertThat(figures.of(tenant, tuesday, Instant.now()).opds())
                .singleElement()
                .satisfies(o -> assertThat(o.employees()).isEqualTo(4))
                .satisfies(o -> assertThat(o.expected()).isEqualTo(3));
    }

    private boolean nationalHoliday(LocalDate date) {
        return jdbc.sql("select count(*) from platform.national_holiday where date = ?")
                        .param(date)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    @Test
    void theReplicaCountsEachActiveTenantsLastWeekAndTodayAndADayThatDidNotChangeStaysAsItWas() throws Exception {
        code = removeAfter(TestRealms.unique("feed"));
        TenantCode active = onboarding
                .onboard(new NewTenant(code, "Kabupaten Umpan", TenantKind.KABUPATEN, null, "76.06", WITA))
                .tenant()
                .code();
        ModuleTables.addTo(dataSource, active);
        rows = new TenantRows(jdbc, active);
        UUID unit = rows.unit("DISKOMINFO", "Dinas Komunikasi dan Informatika", null);
        rows.checkIn(rows.employee(unit, "ACTIVE", null), day, "IN", "WFO", 0, "", false);
        // Noon of the test's today: counted again 15 minutes later, it is still the same day (not so at 23:50).
        Instant now = today.atTime(12, 0).atZone(WITA.zone()).toInstant();

        schedule.count(now);
        List<FeedOutbox.Waiting> counted = outbox.waiting(code);
        schedule.count(now.plus(Duration.ofMinutes(15)));

        assertThat(counted)
                .extracting(FeedOutbox.Waiting::day)
                .containsExactlyElementsOf(today.minusDays(FeedSchedule.DAYS_COUNTED_AGAIN)
                        .datesUntil(today.plusDays(1))
                        .toList());
        assertThat(json.read(counted.get(counted.size() - 2).payload()).opds())
                .singleElement()
                .satisfies(opd -> assertThat(opd.checkedIn().total()).isEqualTo(1));
        assertThat(outbox.waiting(code))
                .as("the same figures, counted again: the same documents")
                .extracting(FeedOutbox.Waiting::signature)
                .containsExactlyElementsOf(
                        counted.stream().map(FeedOutbox.Waiting::signature).toList());
    }

    @Test
    void aDaySentAgainReplacesItsFiguresAndIsNeverCountedTwice() throws Exception {
        Tenant tenant = selfHosted();
        UUID unit = rows.unit("DISKOMINFO", "Dinas Komunikasi dan Informatika", null);
        rows.checkIn(rows.employee(unit, "ACTIVE", null), day, "IN", "WFO", 0, "", false);
        rows.checkIn(rows.employee(unit, "ACTIVE", null), day, "IN", "WFA", 5, "", false);
        FeedSender sender = sender(port);
        Instant first = Instant.now().minusSeconds(60);
        outbox.store(figures.of(tenant, day, first), first);
        FeedOutbox.Waiting firstDocument = outbox.waiting(code).get(0);
        assertThat(sender.sendDue(Instant.now()).sent()).hasSize(1);

        assertThat(outbox.store(figures.of(tenant, day, Instant.now()), Instant.now()))
                .as("same figures, nothing to send")
                .isFalse();
        assertThat(sender.sendDue(Instant.now()).sent()).isEmpty();
        rows.checkIn(rows.employee(unit, "ACTIVE", null), day, "IN", "WFO", 0, "", false); // a check-in counted later
        assertThat(outbox.store(figures.of(tenant, day, Instant.now()), Instant.now()))
                .isTrue();
        FeedOutbox.Waiting recount = outbox.waiting(code).get(0);
        assertThat(sender.sendDue(Instant.now()).sent()).hasSize(1);
        HttpResponse<String> again = post(recount.payload(), recount.signature(), instanceKeys.publicKey());
        HttpResponse<String> replayed =
                post(firstDocument.payload(), firstDocument.signature(), instanceKeys.publicKey());

        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("\"current\":true");
        assertThat(replayed.statusCode()).as("an older count, late or replayed").isEqualTo(200);
        assertThat(replayed.body()).contains("\"current\":false");
        assertThat(days.between(tenant.code(), day.minusDays(7), today))
                .singleElement()
                .satisfies(received -> {
                    assertThat(received.opds())
                            .singleElement()
                            .satisfies(opd -> assertThat(opd.checkedIn()).isEqualTo(checkIns(3, 2, 1, 0, 1)));
                    assertThat(received.totals().employees()).isEqualTo(3);
                });
        assertThat(count("feed_day")).isEqualTo(1);
        assertThat(count("feed_day_opd")).isEqualTo(1);
    }

    @Test
    void withTheLinkDownTheDaysWaitLongerEachTimeAndThenCatchUpInOrder() throws Exception {
        Tenant tenant = selfHosted();
        rows.unit("DISKOMINFO", "Dinas Komunikasi dan Informatika", null);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS); // as PostgreSQL keeps it
        List<LocalDate> stored = List.of(day.minusDays(2), day.minusDays(1), day);
        for (LocalDate each : List.of(day, day.minusDays(2), day.minusDays(1))) {
            outbox.store(figures.of(tenant, each, now), now);
        }
        FeedSender down = sender(closedPort());

        FeedSender.Round firstTry = down.sendDue(now);
        FeedSender.Round tooSoon = down.sendDue(now.plusSeconds(30));
        FeedSender.Round secondTry = down.sendDue(now.plus(Duration.ofMinutes(1)));

        assertThat(firstTry.sent()).isEmpty();
        assertThat(firstTry.failures())
                .singleElement()
                .asString()
                .contains(day.minusDays(2).toString(), "no answer");
        assertThat(tooSoon.failures())
                .as("the oldest day waits, and the later ones behind it")
                .isEmpty();
        assertThat(secondTry.failures()).hasSize(1);
        List<FeedOutbox.Waiting> waiting = outbox.waiting(code);
        assertThat(waiting).extracting(FeedOutbox.Waiting::day).containsExactlyElementsOf(stored);
        assertThat(waiting).extracting(FeedOutbox.Waiting::attempts).containsExactly(2, 0, 0);
        assertThat(waiting.get(0).nextAttemptAt()).isEqualTo(now.plus(Duration.ofMinutes(1 + 2)));
        assertThat(jdbc.sql("select last_error from platform.feed_outbox where tenant_code = ? and day = ?")
                        .params(code, day.minusDays(2))
                        .query(String.class)
                        .single())
                .contains("no answer from http://127.0.0.1:");
        assertThat(count("feed_day")).isZero();

        FeedSender up = sender(port);
        assertThat(up.sendDue(now.plus(Duration.ofMinutes(2))).sent())
                .as("not before its time")
                .isEmpty();
        FeedSender.Round caughtUp = up.sendDue(now.plus(Duration.ofMinutes(3)));

        assertThat(caughtUp.failures()).isEmpty();
        assertThat(caughtUp.sent()).extracting(FeedOutbox.Waiting::day).containsExactlyElementsOf(stored);
        assertThat(outbox.waiting(code)).isEmpty();
        assertThat(jdbc.sql("select day from platform.feed_day where tenant_code = ? order by received_at, day")
                        .param(code)
                        .query(LocalDate.class)
                        .list())
                .containsExactlyElementsOf(stored);
    }

    @Test
    void aDayTheProvinceRefusesWaitsAndTheDaysAfterItStillGo() {
        Tenant tenant = selfHosted();
        rows.unit("DISKOMINFO", "Dinas Komunikasi dan Informatika", null);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS); // as PostgreSQL keeps it
        for (LocalDate each : List.of(day.minusDays(2), day.minusDays(1), day)) {
            outbox.store(figures.of(tenant, each, now), now);
        }
        // The oldest day as a release the province does not read yet would write it: signed, but refused as it is.
        byte[] newer = json.write(new DailyFeed(2, code, day.minusDays(2), now, List.of()));
        jdbc.sql("update platform.feed_outbox set payload = ?, signature = ? where tenant_code = ? and day = ?")
                .params(
                        newer,
                        BundleSignatures.sign(instanceKeys.signingKey().getPrivate(), newer),
                        code,
                        day.minusDays(2))
                .update();

        FeedSender.Round round = sender(port).sendDue(now);

        assertThat(round.failures()).singleElement().asString().contains("422", "reads version 1");
        assertThat(round.sent()).extracting(FeedOutbox.Waiting::day).containsExactly(day.minusDays(1), day);
        assertThat(outbox.waiting(code)).singleElement().satisfies(refused -> {
            assertThat(refused.day()).isEqualTo(day.minusDays(2));
            assertThat(refused.attempts()).isEqualTo(1);
            assertThat(refused.nextAttemptAt()).isAfter(now);
        });
    }
}
