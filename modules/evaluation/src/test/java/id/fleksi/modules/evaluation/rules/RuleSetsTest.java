package id.fleksi.modules.evaluation.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.fleksi.platform.audit.AuditLog;
import id.fleksi.platform.migration.TenantMigrator;
import id.fleksi.platform.problem.Problem;
import id.fleksi.platform.tenancy.TenantCode;
import id.fleksi.platform.tenancy.TenantContext;
import id.fleksi.platform.tenancy.TenantRegistry;
import id.fleksi.platform.testing.TestClock;
import id.fleksi.platform.testing.TestDatabase;
import id.fleksi.platform.testing.TestMessages;
import id.fleksi.platform.testing.TestTenants;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Versions of the deduction rules: from a preset or the current version, in force from today or later, checked before
 * they are stored; each shipped preset names its source and passes the same checks.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class RuleSetsTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    static final MessageSource PROBLEMS = TestMessages.of("i18n/evaluation-deductions-problems");

    @Autowired
    RuleSets rules;

    @Autowired
    AuditLog audit;

    @Autowired
    TestClock clock;

    @Autowired
    TenantRegistry registry;

    @Autowired
    TenantMigrator migrator;

    @Autowired
    JdbcClient jdbc;

    TenantCode code;

    @BeforeEach
    void tenant() {
        code = TestTenants.migrated(registry, migrator, "evr");
        clock.set("2026-03-10T09:00:00+08:00");
    }

    @AfterEach
    void dropTenant() {
        TestTenants.remove(jdbc, registry, code);
    }

    @Test
    void everyPresetNamesItsSourceSaysWhatIsAssumedAndPassesTheChecks() {
        assertThat(RulePresets.all())
                .extracting(RuleSet::preset)
                .containsExactly(RulePresets.TEBO_2022, RulePresets.MUKOMUKO_2021, RulePresets.PPU_DRAFT_2018);
        for (RuleSet preset : RulePresets.all()) {
            RuleSetCheck.require(preset);
            assertThat(preset.source()).contains("Dari sumber:", "Diasumsikan");
        }
        assertThat(RulePresets.find("mukomuko-2021").orElseThrow().noApelPercent())
                .isEqualByComparingTo("2");
        assertThat(RuleSet.bandOf(
                                RulePresets.find(RulePresets.TEBO_2022)
                                        .orElseThrow()
                                        .lateBands(),
                                91)
                        .code())
                .isEqualTo("TL4");
    }

    @Test
    void aNewVersionStartsFromAPresetOrTheCurrentOneAndNeverInThePast() {
        TenantContext.runAs(code, () -> {
            assertThatThrownBy(() -> rules.draft("current", LocalDate.of(2026, 3, 10)))
                    .isInstanceOf(Problem.class)
                    .hasMessageContaining("no deduction rules yet");
            RuleSet first = rules.add(rules.draft(RulePresets.TEBO_2022, LocalDate.of(2026, 3, 10)), "bkd");
            assertThat(first.version()).isEqualTo(1);
            assertThat(rules.current().version()).isEqualTo(1);

            assertThatThrownBy(() -> rules.add(rules.draft("current", LocalDate.of(2026, 3, 9)), "bkd"))
                    .isInstanceOfSatisfying(Problem.class, p -> {
                        assertThat(p.kind()).isEqualTo(Problem.Kind.UNPROCESSABLE);
                        assertThat(p.getMessage()).contains("2026-03-09 has passed", "Use 2026-03-10 or later");
                        assertThat(p.detailFor(PROBLEMS, TestMessages.INDONESIAN))
                                .isEqualTo("Berlaku mulai 2026-03-09 sudah lewat;"
                                        + " hari yang sudah lewat tetap dinilai dengan aturan yang berlaku saat itu. Gunakan 2026-03-10 atau"
                                        + " sesudahnya. Tidak ada yang disimpan.");
                    });
            RuleSet second = rules.add(rules.draft("current", LocalDate.of(2026, 4, 1)), "bkd");
            assertThat(second.version()).isEqualTo(2);
            assertThat(second.lateBands()).isEqualTo(first.lateBands());
            assertThat(rules.versions())
                    .extracting(RuleSet::version, RuleSet::effectiveFrom)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(1, LocalDate.of(2026, 3, 10)),
                            org.assertj.core.groups.Tuple.tuple(2, LocalDate.of(2026, 4, 1)));
            assertThat(RuleSet.inForce(rules.versions(), LocalDate.of(2026, 3, 31))
                            .version())
                    .isEqualTo(1);
            assertThat(RuleSet.inForce(rules.versions(), LocalDate.of(2026, 4, 1))
                            .version())
                    .isEqualTo(2);
            assertThatThrownBy(() -> rules.seedHistory(first.from(LocalDate.of(2020, 1, 1)), "bkd"))
                    .isInstanceOf(Problem.class);
        });
        assertThat(audit.latest(code, 5))
                .filteredOn(e -> e.action().equals("evaluation.rule-set"))
                .hasSize(2);
    }

    @Test
    void bandsWithAGapOrAPercentOverAHundredAreRefusedAllAtOnceAndNothingIsSaved() {
        RuleSet tebo = RulePresets.find(RulePresets.TEBO_2022).orElseThrow();
        RuleSet wrong = new RuleSet(
                null,
                0,
                LocalDate.of(2026, 3, 10),
                "Salah",
                null,
                "Perbup",
                List.of(
                        new RuleSet.Band("TL1", 1, 30, new BigDecimal("0.5")),
                        new RuleSet.Band("TL2", 35, null, new BigDecimal("1"))),
                tebo.earlyLeaveBands(),
                new BigDecimal("150"),
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                new BigDecimal("100"),
                true,
                0,
                null,
                null);
        TenantContext.runAs(code, () -> {
            assertThatThrownBy(() -> rules.add(wrong, "bkd")).isInstanceOfSatisfying(InvalidRuleSet.class, p -> {
                assertThat(p.kind()).isEqualTo(Problem.Kind.BAD_REQUEST);
                assertThat(p.getMessage())
                        .isEqualTo(
                                "Lateness (TL), band 2 (TL2), from minute: a gap after the band before (up to"
                                        + " 30 minutes); make it 31; Unexcused, per day (%): 0 to 100, at most two decimals. Nothing was saved.");
                assertThat(p.detailFor(PROBLEMS, TestMessages.INDONESIAN))
                        .isEqualTo("Terlambat (TL), kelas 2 (TL2), menit awal:"
                                + " ada celah sesudah kelas sebelumnya (sampai 30 menit); isi 31; Tanpa keterangan, per hari (%): 0 sampai"
                                + " 100, paling banyak dua desimal. Tidak ada yang disimpan.");
                assertThat(p.properties().get("errors"))
                        .isEqualTo(List.of(
                                java.util.Map.of(
                                        "field",
                                        "lateBands[1].fromMinutes",
                                        "message",
                                        "Lateness (TL), band 2 (TL2), from minute:"
                                                + " a gap after the band before (up to 30 minutes); make it 31"),
                                java.util.Map.of(
                                        "field",
                                        "unexcusedPercent",
                                        "message",
                                        "Unexcused, per day (%): 0 to 100, at most two" + " decimals")));
            });
            assertThat(rules.versions()).isEmpty();
        });
    }

    @Test
    void everyBandFaultNamesTheBandAndItsFieldByTheLabelAPersonReads() {
        RuleSet tebo = RulePresets.find(RulePresets.TEBO_2022).orElseThrow();
        RuleSet wrong = new RuleSet(
                null,
                0,
                LocalDate.of(2026, 3, 10),
                " ",
                null,
                "Perbup",
                List.of(
                        new RuleSet.Band("TL1", 2, 30, new BigDecimal("0.5")),
                                new RuleSet.Band("TL1", 25, 20, new BigDecimal("1")),
                        new RuleSet.Band("", 21, null, new BigDecimal("100.5")),
                                new RuleSet.Band("TL4", 61, 90, new BigDecimal("1.5"))),
                List.of(
                        new RuleSet.Band("PSW1", 1, 30, new BigDecimal("0.5")),
                        new RuleSet.Band("PSW2", 31, null, null)),
                BigDecimal.ONE,
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                new BigDecimal("100"),
                true,
                300,
                null,
                null);
        assertThatThrownBy(() -> RuleSetCheck.require(wrong)).isInstanceOfSatisfying(InvalidRuleSet.class, p -> {
            assertThat(p.faults())
                    .extracting(InvalidRuleSet.Fault::field)
                    .containsExactly(
                            "name",
                            "lateBands[0].fromMinutes",
                            "lateBands[1].code",
                            "lateBands[1].fromMinutes",
                            "lateBands[1].toMinutes",
                            "lateBands[2].code",
                            "lateBands[2].toMinutes",
                            "lateBands[2].percent",
                            "lateBands[3].toMinutes",
                            "earlyLeaveBands[1].percent",
                            "makeUpMinutes");
            assertThat(p.faults())
                    .extracting(f -> PROBLEMS.getMessage(f.said(), TestMessages.INDONESIAN))
                    .containsExactly(
                            "Nama: 1 sampai 200 karakter",
                            "Terlambat (TL), kelas 1 (TL1), menit awal: kelas pertama mulai dari 1 menit",
                            "Terlambat (TL), kelas 2 (TL1), kode: TL1 sudah dipakai kelas 1",
                            "Terlambat (TL), kelas 2 (TL1), menit awal: 25 menit sudah termasuk kelas sebelumnya (sampai 30 menit); isi 31",
                            "Terlambat (TL), kelas 2 (TL1), menit akhir: tidak boleh kurang dari menit awal (25)",
                            "Terlambat (TL), kelas 3, kode: 1 sampai 10 huruf atau angka, misalnya TL1",
                            "Terlambat (TL), kelas 3, menit akhir: isi, hanya kelas terakhir yang tidak berbatas atas",
                            "Terlambat (TL), kelas 3, persen: 0 sampai 100, paling banyak dua desimal",
                            "Terlambat (TL), kelas 4 (TL4), menit akhir: kosongkan, kelas terakhir tidak berbatas atas",
                            "Pulang sebelum waktu (PSW), kelas 2 (PSW2), persen: 0 sampai 100, paling banyak dua desimal",
                            "Terlambat yang boleh diganti dengan pulang lebih lambat (menit): 0 sampai 240 menit");
            assertThat(p.faults())
                    .extracting(f -> PROBLEMS.getMessage(f.said(), java.util.Locale.ENGLISH))
                    .contains(
                            "Lateness (TL), band 2 (TL1), code: TL1 is already band 1's",
                            "Early leave (PSW), band 2 (PSW2), percent: 0 to 100, at most two decimals");
            assertThat(p.detailFor(PROBLEMS, java.util.Locale.ENGLISH))
                    .startsWith("Name: 1 to 200 characters; Lateness (TL), band 1")
                    .doesNotContain("lateBands", "fromMinutes");
            assertThat(p.detailFor(PROBLEMS, TestMessages.INDONESIAN))
                    .doesNotContain("lateBands", "fromMinutes", "Lateness");
        });
        // The band after one without an end is not judged by where it starts: that fault is the open band's alone.
        RuleSet open = new RuleSet(
                null,
                0,
                LocalDate.of(2026, 3, 10),
                "Terbuka",
                null,
                "Perbup",
                List.of(
                        new RuleSet.Band("TL1", 1, null, BigDecimal.ONE),
                        new RuleSet.Band("TL2", 31, 30, BigDecimal.ONE)),
                tebo.earlyLeaveBands(),
                BigDecimal.ONE,
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                BigDecimal.TEN,
                true,
                0,
                null,
                null);
        assertThatThrownBy(() -> RuleSetCheck.require(open))
                .isInstanceOfSatisfying(
                        InvalidRuleSet.class,
                        p -> assertThat(p.faults())
                                .extracting(InvalidRuleSet.Fault::field)
                                .containsExactly("lateBands[0].toMinutes", "lateBands[1].toMinutes"));
    }
}
