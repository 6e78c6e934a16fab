package id.fleksi.platform.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import id.fleksi.platform.migration.TenantMigrator;
import id.fleksi.platform.tenancy.TenantCode;
import id.fleksi.platform.tenancy.TenantContext;
import id.fleksi.platform.tenancy.TenantRegistry;
import id.fleksi.platform.testing.TestDatabase;
import id.fleksi.platform.testing.TestTenants;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class WorkingCalendarTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @Autowired
    WorkingCalendar calendar;

    @Autowired
    TenantRegistry registry;

    @Autowired
    TenantMigrator migrator;

    @Autowired
    JdbcClient jdbc;

    TenantCode tenant;
    UUID dinkes;
    UUID puskesmas;
    UUID bappeda;

    @BeforeEach
    void tenantWithUnits() {
        tenant = TestTenants.migrated(registry, migrator, "cal");
        dinkes = unit(null, "DINKES");
        puskesmas = unit(dinkes, "PKM");
        bappeda = unit(null, "BAPPEDA");
    }

    @AfterEach
    void drop() {
        TestTenants.remove(jdbc, registry, tenant);
    }

    @Test
    void perpres21Of2023GivesThirtySevenAndAHalfHoursOverFiveDaysWithALongerFridayBreak() {
        WorkingDay monday = day(bappeda, "2026-01-05");
        WorkingDay friday = day(bappeda, "2026-01-09");

        assertThat(monday.kind()).isEqualTo(DayKind.WORKDAY);
        assertThat(monday.hours()).isEqualTo(DayHours.of("07:30", "16:00", 60));
        assertThat(friday.hours()).isEqualTo(DayHours.of("07:30", "16:30", 90));
        assertThat(friday.hours().workingMinutes())
                .isEqualTo(monday.hours().workingMinutes())
                .isEqualTo(450);
        assertThat(WeekSchedule.perpres21of2023().weeklyMinutes()).isEqualTo(37 * 60 + 30);
        assertThat(day(bappeda, "2026-01-10").kind()).isEqualTo(DayKind.WEEKEND);
        assertThat(monday.zone()).isEqualTo(ZoneId.of("Asia/Makassar"));
    }

    @Test
    void nationalHolidaysAndCutiBersamaFromTheDecreeAreNotWorkingDays() {
        assertThat(day(bappeda, "2026-01-01").kind()).isEqualTo(DayKind.NATIONAL_HOLIDAY);
        assertThat(day(bappeda, "2026-02-16")).satisfies(d -> {
            assertThat(d.kind()).isEqualTo(DayKind.CUTI_BERSAMA);
            assertThat(d.reason()).contains("Imlek");
        });
        // Idul Fitri 1447 H: cuti bersama on Friday 20 March, the holiday over the weekend, cuti bersama on 23-24.
        assertThat(day(bappeda, "2026-03-20").kind()).isEqualTo(DayKind.CUTI_BERSAMA);
        assertThat(day(bappeda, "2026-03-21").kind()).isEqualTo(DayKind.NATIONAL_HOLIDAY);
        assertThat(day(bappeda, "2026-03-24").kind()).isEqualTo(DayKind.CUTI_BERSAMA);
        assertThat(day(bappeda, "2026-03-25").kind()).isEqualTo(DayKind.WORKDAY);
        assertThat(jdbc.sql(
                                "select count(*) from platform.national_holiday where date between '2026-01-01' and '2026-12-31'")
                        .query(Integer.class)
                        .single())
                .isEqualTo(17 + 8);
    }

    @Test
    void ramadanHoursApplyInsideTheirDateRangeOnly() {
        schedule(null, "RAMADAN", "2026-02-19", "2026-03-19", WeekSchedule.ramadan());

        WorkingDay inRamadan = day(bappeda, "2026-02-23");
        assertThat(inRamadan.ramadan()).isTrue();
        assertThat(inRamadan.hours()).isEqualTo(DayHours.of("08:00", "15:00", 30));
        assertThat(day(bappeda, "2026-02-27").hours()).isEqualTo(DayHours.of("08:00", "15:30", 60));
        assertThat(WeekSchedule.ramadan().weeklyMinutes()).isEqualTo(32 * 60 + 30);
        assertThat(day(bappeda, "2026-02-18").hours().start()).isEqualTo(LocalTime.of(7, 30));
        assertThat(day(bappeda, "2026-03-25").ramadan()).isFalse();
    }

    @Test
    void aUnitsOwnScheduleAndHolidaysReachItsSubUnitsButNotOtherUnits() {
        Map<DayOfWeek, DayHours> sixDays = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day != DayOfWeek.SUNDAY) {
                sixDays.put(day, DayHours.of("07:00", "14:00", 30));
            }
        }
        schedule(dinkes, "REGULAR", null, null, new WeekSchedule(sixDays));
        jdbc.sql("insert into " + tenant.schemaName()
                        + ".local_holiday (id, date, name) values (?, '2026-02-14', 'Hari Jadi Kabupaten')")
                .param(UUID.randomUUID())
                .update();
        jdbc.sql("insert into " + tenant.schemaName()
                        + ".local_holiday (id, date, name, unit_id) values (?, '2026-01-14', 'HUT Dinkes', ?)")
                .param(UUID.randomUUID())
                .param(dinkes)
                .update();

        assertThat(day(puskesmas, "2026-01-10").kind()).isEqualTo(DayKind.WORKDAY);
        assertThat(day(puskesmas, "2026-01-10").hours().start()).isEqualTo(LocalTime.of(7, 0));
        assertThat(day(bappeda, "2026-01-10").kind()).isEqualTo(DayKind.WEEKEND);
        assertThat(day(puskesmas, "2026-01-14").kind()).isEqualTo(DayKind.LOCAL_HOLIDAY);
        assertThat(day(bappeda, "2026-01-14").kind()).isEqualTo(DayKind.WORKDAY);
        assertThat(day(puskesmas, "2026-02-14").kind()).isEqualTo(DayKind.LOCAL_HOLIDAY);
    }

    @Test
    void aShiftRotationRunsThroughWeekendsAndHolidaysWithNightShiftsPastMidnight() {
        DayHours morning = DayHours.of("07:00", "14:00", 30);
        DayHours night = DayHours.of("21:00", "07:00", 60);
        ShiftPattern rotation =
                new ShiftPattern(LocalDate.parse("2025-12-29"), java.util.Arrays.asList(morning, night, null, null));
        jdbc.sql("insert into " + tenant.schemaName() + ".work_schedule (id, unit_id, kind, valid_from, days)"
                        + " values (?, ?, 'SHIFT', '2025-12-29', cast(? as jsonb))")
                .param(UUID.randomUUID())
                .param(puskesmas)
                .param(StoredDays.json(rotation))
                .update();

        assertThat(day(puskesmas, "2025-12-29").hours()).isEqualTo(morning);
        assertThat(day(puskesmas, "2025-12-30").hours()).satisfies(h -> {
            assertThat(h.overnight()).isTrue();
            assertThat(h.workingMinutes()).isEqualTo(9 * 60);
        });
        assertThat(day(puskesmas, "2025-12-31").kind()).isEqualTo(DayKind.SHIFT_REST);
        assertThat(day(puskesmas, "2026-01-02").hours()).isEqualTo(morning);
        assertThat(day(puskesmas, "2026-01-03").hours()).isEqualTo(night);
        // Nyepi, a national holiday, is day 81 from the anchor, the first day of a cycle: the Puskesmas works it.
        assertThat(day(puskesmas, "2026-03-19").kind()).isEqualTo(DayKind.WORKDAY);
        assertThat(day(puskesmas, "2026-03-19").hours()).isEqualTo(morning);
        // The rest of Dinas Kesehatan keeps office hours and holidays.
        assertThat(day(dinkes, "2026-03-19").kind()).isEqualTo(DayKind.NATIONAL_HOLIDAY);
    }

    private WorkingDay day(UUID unit, String date) {
        return TenantContext.callAs(tenant, () -> calendar.of(unit, LocalDate.parse(date)));
    }

    private UUID unit(UUID parent, String code) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into " + tenant.schemaName()
                        + ".org_unit (id, parent_id, code, name, kind) values (?, ?, ?, ?, 'DINAS')")
                .param(id)
                .param(parent)
                .param(code)
                .param(code)
                .update();
        return id;
    }

    private void schedule(UUID unit, String kind, String from, String to, WeekSchedule week) {
        jdbc.sql("insert into " + tenant.schemaName() + ".work_schedule (id, unit_id, kind, valid_from, valid_to, days)"
                        + " values (?, ?, ?, ?, ?, cast(? as jsonb))")
                .param(UUID.randomUUID())
                .param(unit)
                .param(kind)
                .param(from == null ? null : LocalDate.parse(from))
                .param(to == null ? null : LocalDate.parse(to))
                .param(StoredDays.json(week))
                .update();
    }
}
