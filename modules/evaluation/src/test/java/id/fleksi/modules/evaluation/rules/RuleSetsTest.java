package id.fleksi.modules.evaluation.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

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

    @Autowired RuleSets rules;
    @Autowired AuditLog audit;
    @Autowired TestClock clock;
    @Autowired TenantRegistry registry;
    @Autowired TenantMigrator migrator;
    @Autowired JdbcClient jdbc;

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
        assertThat(RulePresets.all()).extracting(RuleSet::preset)
                .containsExactly(RulePresets.TEBO_2022, RulePresets.MUKOMUKO_2021, RulePresets.PPU_DRAFT_2018);
        for (RuleSet preset : RulePresets.all()) {
            RuleSetCheck.require(preset);
            assertThat(preset.source()).contains("Dari sumber:", "Diasumsikan");
        }
        assertThat(RulePresets.find("mukomuko-2021").orElseThrow().noApelPercent()).isEqualByComparingTo("2");
        assertThat(RuleSet.bandOf(RulePresets.find(RulePresets.TEBO_2022).orElseThrow().lateBands(), 91).code()).isEqualTo("TL4");
    }

    @Test
    void aNewVersionStartsFromAPresetOrTheCurrentOneAndNeverInThePast() {
        TenantContext.runAs(code, () -> {
            assertThatThrownBy(() -> rules.draft("current", LocalDate.of(2026, 3, 10))).isInstanceOf(Problem.class)
                    .hasMessageContaining("no deduction rules yet");
            RuleSet first = rules.add(rules.draft(RulePresets.TEBO_2022, LocalDate.of(2026, 3, 10)), "bkd");
            assertThat(first.version()).isEqualTo(1);
            assertThat(rules.current().version()).isEqualTo(1);

            assertThatThrownBy(() -> rules.add(rules.draft("current", LocalDate.of(2026, 3, 9)), "bkd"))
                    .isInstanceOfSatisfying(Problem.class, p -> {
                        assertThat(p.kind()).isEqualTo(Problem.Kind.UNPROCESSABLE);
                        assertThat(p.getMessage()).contains("2026-03-09 has passed", "Use 2026-03-10 or later");
                        assertThat(p.detailFor(PROBLEMS, TestMessages.INDONESIAN)).isEqualTo("effectiveFrom: 2026-03-09 sudah lewat;"
                                + " hari yang sudah lewat tetap dinilai dengan aturan yang berlaku saat itu. Gunakan 2026-03-10 atau"
                                + " sesudahnya. Tidak ada yang disimpan.");
                    });
            RuleSet second = rules.add(rules.draft("current", LocalDate.of(2026, 4, 1)), "bkd");
            assertThat(second.version()).isEqualTo(2);
            assertThat(second.lateBands()).isEqualTo(first.lateBands());
            assertThat(rules.versions()).extracting(RuleSet::version, RuleSet::effectiveFrom)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(1, LocalDate.of(2026, 3, 10)),
                            org.assertj.core.groups.Tuple.tuple(2, LocalDate.of(2026, 4, 1)));
            assertThat(RuleSet.inForce(rules.versions(), LocalDate.of(2026, 3, 31)).version()).isEqualTo(1);
            assertThat(RuleSet.inForce(rules.versions(), LocalDate.of(2026, 4, 1)).version()).isEqualTo(2);
            assertThatThrownBy(() -> rules.seedHistory(first.from(LocalDate.of(2020, 1, 1)), "bkd")).isInstanceOf(Problem.class);
        });
        assertThat(audit.latest(code, 5)).filteredOn(e -> e.action().equals("evaluation.rule-set")).hasSize(2);
    }

    @Test
    void bandsWithAGapOrAPercentOverAHundredAreRefusedAllAtOnceAndNothingIsSaved() {
        RuleSet tebo = RulePresets.find(RulePresets.TEBO_2022).orElseThrow();
        RuleSet wrong = new RuleSet(null, 0, LocalDate.of(2026, 3, 10), "Salah", null, "Perbup", List.of(
                new RuleSet.Band("TL1", 1, 30, new BigDecimal("0.5")), new RuleSet.Band("TL2", 35, null, new BigDecimal("1"))),
                tebo.earlyLeaveBands(), new BigDecimal("150"), BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal("100"), true, 0,
                null, null);
        TenantContext.runAs(code, () -> {
            assertThatThrownBy(() -> rules.add(wrong, "bkd")).isInstanceOfSatisfying(Problem.class, p -> {
                assertThat(p.kind()).isEqualTo(Problem.Kind.BAD_REQUEST);
                assertThat(p.getMessage()).contains("lateBands: band 2 starts at 31 minutes",
                        "unexcusedPercent: 0 to 100, at most two decimals", "Nothing was saved");
                assertThat(p.detailFor(PROBLEMS, TestMessages.INDONESIAN)).isEqualTo("lateBands: kelas 2 dimulai pada 31 menit;"
                        + " unexcusedPercent: 0 sampai 100, paling banyak dua desimal. Tidak ada yang disimpan.");
            });
            assertThat(rules.versions()).isEmpty();
        });
    }
}
