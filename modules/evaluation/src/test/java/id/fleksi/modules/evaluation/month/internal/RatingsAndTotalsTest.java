package id.fleksi.modules.evaluation.month.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.fleksi.modules.evaluation.EmployeeMonth;
import id.fleksi.modules.evaluation.EvaluationModule;
import id.fleksi.modules.evaluation.rules.RulePresets;
import id.fleksi.modules.evaluation.rules.RuleSets;
import id.fleksi.platform.audit.AuditEvent;
import id.fleksi.platform.audit.AuditLog;
import id.fleksi.platform.migration.TenantMigrator;
import id.fleksi.platform.modules.ModuleSwitches;
import id.fleksi.platform.problem.Problem;
import id.fleksi.platform.security.Caller;
import id.fleksi.platform.tenancy.Tenant;
import id.fleksi.platform.tenancy.TenantCode;
import id.fleksi.platform.tenancy.TenantContext;
import id.fleksi.platform.tenancy.TenantRegistry;
import id.fleksi.platform.tenancy.TenantSql;
import id.fleksi.platform.testing.TestClock;
import id.fleksi.platform.testing.TestDatabase;
import id.fleksi.platform.testing.TestTenants;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * November 2026 of a small pemda under Tebo's rules: two OPDs (Dinas Kesehatan with its Puskesmas, and Bappeda), late
 * arrivals and unexcused days spread over five people. The direct supervisor rates a month and nobody else may; every
 * OPD's totals are the sum of its employees, and the pemda's the sum of its OPDs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class RatingsAndTotalsTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    static final YearMonth NOVEMBER = YearMonth.of(2026, 11);

    @Autowired
    Evaluations evaluations;

    @Autowired
    MonthViews views;

    @Autowired
    Ratings ratings;

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
    ModuleSwitches switches;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    javax.sql.DataSource dataSource;

    @Autowired
    id.fleksi.platform.calendar.WorkingCalendar calendar;

    TenantCode code;
    Tenant tenant;
    UUID kadis;
    UUID siti;
    UUID bappeda;

    @BeforeEach
    void novemberOfTwoOpds() {
        code = TestTenants.migrated(registry, migrator, "evt");
        tenant = registry.require(code);
        for (String module : new String[] {"attendance", "activity-reports", "monitoring", EvaluationModule.ID}) {
            switches.change(code, module, true, Map.of(), "test");
        }
        clock.set("2026-12-03T10:00:00+08:00");
        TenantContext.runAs(code, () -> {
            rules.seedHistory(rules.draft(RulePresets.TEBO_2022, LocalDate.of(2026, 1, 1)), "bkd");
            UUID dinkes = EvaluationRows.unit(jdbc, "DINKES", "Dinas Kesehatan", null);
            UUID puskesmas = EvaluationRows.unit(jdbc, "PKM", "Puskesmas Tobadak", dinkes);
            bappeda = EvaluationRows.unit(jdbc, "BAPPEDA", "Bappeda", null);
            kadis = EvaluationRows.person(jdbc, "Kadis", dinkes, null);
            jdbc.sql(TenantSql.of("update {org_unit} set head_employee_id = ? where id = ?"))
                    .params(kadis, dinkes)
                    .update();
            siti = EvaluationRows.person(jdbc, "Siti", dinkes, kadis);
            UUID rina = EvaluationRows.person(jdbc, "Rina", puskesmas, kadis);
            UUID hadi = EvaluationRows.person(jdbc, "Hadi", bappeda, null);
            int n = 0;
            for (UUID e : List.of(kadis, siti, rina, hadi)) {
                n++;
                for (LocalDate d = NOVEMBER.atDay(1); !d.isAfter(NOVEMBER.atEndOfMonth()); d = d.plusDays(1)) {
                    if (d.getDayOfWeek().getValue() > 5 || d.getDayOfMonth() % (n + 3) == 0) {
                        continue; // a weekend, or one of this person's unexcused days
                    }
                    EvaluationRows.checkIn(
                            jdbc,
                            e,
                            d,
                            "IN",
                            d.getDayOfMonth() % 2 == 0 ? "WFO" : "WFA",
                            (d.getDayOfMonth() * n) % 100,
                            0);
                    EvaluationRows.checkIn(jdbc, e, d, "OUT", "WFO", 0, d.getDayOfMonth() % 7 == n ? 15 : 0);
                }
            }
        });
    }

    @AfterEach
    void dropTenant() {
        TestTenants.remove(jdbc, registry, code);
    }

    @Test
    void onlyTheDirectSupervisorRatesAMonthAndEveryChangeIsAudited() {
        TenantContext.runAs(code, () -> {
            assertThatThrownBy(
                            () -> ratings.rate(tenant, caller("hadi"), siti, NOVEMBER, new Ratings.Rating(5, "Bagus")))
                    .isInstanceOfSatisfying(Problem.class, p -> {
                        assertThat(p.kind()).isEqualTo(Problem.Kind.FORBIDDEN);
                        assertThat(p.getMessage()).contains("Only the direct supervisor of Siti");
                    });
            assertThatThrownBy(() -> ratings.rate(tenant, caller("siti"), siti, NOVEMBER, new Ratings.Rating(5, null)))
                    .isInstanceOfSatisfying(
                            Problem.class, p -> assertThat(p.kind()).isEqualTo(Problem.Kind.FORBIDDEN));
            assertThatThrownBy(() -> ratings.rate(tenant, caller("kadis"), siti, NOVEMBER, new Ratings.Rating(6, null)))
                    .isInstanceOfSatisfying(
                            Problem.class, p -> assertThat(p.kind()).isEqualTo(Problem.Kind.BAD_REQUEST));
            assertThatThrownBy(() -> ratings.rate(
                            tenant, caller("kadis"), siti, YearMonth.of(2027, 1), new Ratings.Rating(4, null)))
                    .isInstanceOfSatisfying(
                            Problem.class, p -> assertThat(p.kind()).isEqualTo(Problem.Kind.UNPROCESSABLE));
            assertThat(evaluations.employee(code, siti, NOVEMBER).rating()).isNull();

            ratings.rate(
                    tenant,
                    caller("kadis"),
                    siti,
                    NOVEMBER,
                    new Ratings.Rating(4, "  Laporan rapi, dua kali terlambat "));
            ratings.rate(tenant, caller("kadis"), siti, NOVEMBER, new Ratings.Rating(5, "Laporan rapi"));

            EmployeeMonth month = evaluations.employee(code, siti, NOVEMBER);
            assertThat(month.rating()).isEqualTo(5);
            assertThat(month.ratingNote()).isEqualTo("Laporan rapi");
            assertThat(views.team(tenant, caller("kadis"), NOVEMBER))
                    .extracting(EmployeeMonth::name, EmployeeMonth::rating)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("Rina", null),
                            org.assertj.core.groups.Tuple.tuple("Siti", 5));
        });
        List<AuditEvent> events = audit.latest(code, 10).stream()
                .filter(e -> e.action().equals("evaluation.rating"))
                .toList();
        assertThat(events).hasSize(2).allSatisfy(e -> {
            assertThat(e.actor()).isEqualTo("kadis");
            assertThat(e.target()).isEqualTo(siti + "@2026-11");
        });
        assertThat(events.get(0).before()).contains("\"rating\": 4").contains("dua kali terlambat");
        assertThat(events.get(0).after()).contains("\"rating\": 5");
    }

    @Test
    void everyOpdsTotalIsTheSumOfItsEmployeesAndThePemdasTheSumOfItsOpds() {
        TenantContext.runAs(code, () -> {
            MonthViews.PemdaView pemda = views.pemda(tenant, new Caller("r", "s", "bkd", Set.of("bkd")), NOVEMBER);

            assertThat(pemda.opds()).extracting(UnitTotals::code).containsExactly("BAPPEDA", "DINKES");
            for (UnitTotals opd : pemda.opds()) {
                List<EmployeeMonth> employees = new ArrayList<>();
                UUID opdId = jdbc.sql(TenantSql.of("select id from {org_unit} where code = ?"))
                        .param(opd.code())
                        .query(UUID.class)
                        .single();
                evaluations.each(code, NOVEMBER, opdId, employees::add);
                assertThat(opd.employees()).isEqualTo(employees.size());
                assertThat(opd.lateMinutes())
                        .isEqualTo(employees.stream()
                                .mapToInt(EmployeeMonth::lateMinutes)
                                .sum());
                assertThat(opd.unexcusedDays())
                        .isEqualTo(employees.stream()
                                .mapToInt(EmployeeMonth::unexcusedDays)
                                .sum());
                assertThat(opd.presentWfa())
                        .isEqualTo(employees.stream()
                                .mapToInt(EmployeeMonth::presentWfa)
                                .sum());
                assertThat(opd.earlyLeaveMinutes())
                        .isEqualTo(employees.stream()
                                .mapToInt(EmployeeMonth::earlyLeaveMinutes)
                                .sum());
                assertThat(opd.deductionPercentSum())
                        .isEqualByComparingTo(employees.stream()
                                .map(EmployeeMonth::deductionPercent)
                                .reduce(BigDecimal.ZERO, BigDecimal::add));
                assertThat(views.unit(tenant, new Caller("r", "s", "bkd", Set.of("bkd")), opd.code(), NOVEMBER)
                                .total())
                        .isEqualTo(opd);
            }
            assertThat(pemda.opds().get(1).employees()).isEqualTo(3); // the Puskesmas rolled into Dinas Kesehatan
            assertThat(pemda.total().employees()).isEqualTo(4);
            assertThat(pemda.total().lateMinutes())
                    .isEqualTo(pemda.opds().stream()
                            .mapToInt(UnitTotals::lateMinutes)
                            .sum());
            assertThat(pemda.total().deductionPercentSum())
                    .isEqualByComparingTo(pemda.opds().stream()
                            .map(UnitTotals::deductionPercentSum)
                            .reduce(BigDecimal.ZERO, BigDecimal::add));
            assertThat(pemda.total().deductionPercentSum()).isPositive();

            // The head of Dinas Kesehatan sees his OPD alone; someone who heads nothing sees none.
            assertThat(views.pemda(tenant, caller("kadis"), NOVEMBER).opds())
                    .extracting(UnitTotals::code)
                    .containsExactly("DINKES");
            assertThatThrownBy(() -> views.unit(tenant, caller("kadis"), "BAPPEDA", NOVEMBER))
                    .isInstanceOf(Problem.class);
            assertThatThrownBy(() -> views.pemda(tenant, caller("siti"), NOVEMBER))
                    .isInstanceOf(Problem.class);
            assertThatThrownBy(() -> views.employee(tenant, caller("hadi"), siti, NOVEMBER))
                    .isInstanceOf(Problem.class);
            assertThat(views.employee(tenant, caller("kadis"), siti, NOVEMBER).name())
                    .isEqualTo("Siti");
        });
    }

    @Test
    void aUnitsMonthTakesTheSameStatementsForOneEmployeeOrForty() {
        TenantContext.runAs(code, () -> {
            for (int i = 0; i < 40; i++) {
                UUID e = EvaluationRows.person(jdbc, "Staf " + i, bappeda, null);
                for (int d = 2; d <= 6; d++) {
                    EvaluationRows.checkIn(jdbc, e, NOVEMBER.atDay(d), "IN", "WFO", i, 0);
                }
            }
        });
        int[] statements = new int[1];
        Evaluations counted =
                new Evaluations(JdbcClient.create(counting(dataSource, statements)), calendar, rules, registry, clock);
        List<Integer> perRun = new ArrayList<>();
        for (String unit : new String[] {"PKM", "BAPPEDA", "DINKES"}) {
            UUID id = TenantContext.callAs(
                    code,
                    () -> jdbc.sql(TenantSql.of("select id from {org_unit} where code = ?"))
                            .param(unit)
                            .query(UUID.class)
                            .single());
            statements[0] = 0;
            List<EmployeeMonth> read = new ArrayList<>();
            counted.each(code, NOVEMBER, id, read::add);
            assertThat(read).isNotEmpty();
            perRun.add(statements[0]);
        }
        // The Puskesmas has one employee, Bappeda 41, Dinas Kesehatan three: the same statements for each.
        assertThat(perRun).containsOnly(perRun.get(0));
        assertThat(perRun.get(0))
                .isEqualTo(
                        9); // units, employees, apels; then check-ins, absences, apel presence, reports, plans, ratings
    }

    /** The data source, counting the statements prepared on its connections. */
    private static javax.sql.DataSource counting(javax.sql.DataSource real, int[] statements) {
        return (javax.sql.DataSource) java.lang.reflect.Proxy.newProxyInstance(
                RatingsAndTotalsTest.class.getClassLoader(),
                new Class<?>[] {javax.sql.DataSource.class},
                (proxy, method, args) -> {
                    Object result = invoke(real, method, args);
                    if (!(result instanceof java.sql.Connection connection)) {
                        return result;
                    }
                    return java.lang.reflect.Proxy.newProxyInstance(
                            RatingsAndTotalsTest.class.getClassLoader(),
                            new Class<?>[] {java.sql.Connection.class},
                            (p, m, a) -> {
                                if (m.getName().startsWith("prepare")
                                        || m.getName().equals("createStatement")) {
                                    statements[0]++;
                                }
                                return invoke(connection, m, a);
                            });
                });
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static Caller caller(String username) {
        return new Caller("realm", UUID.randomUUID().toString(), username, Set.of("asn"));
    }
}
