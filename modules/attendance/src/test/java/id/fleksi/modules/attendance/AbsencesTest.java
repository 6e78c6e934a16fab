package id.fleksi.modules.attendance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.fleksi.platform.migration.TenantMigrator;
import id.fleksi.platform.modules.ModuleSwitches;
import id.fleksi.platform.problem.Problem;
import id.fleksi.platform.tenancy.TenantCode;
import id.fleksi.platform.tenancy.TenantContext;
import id.fleksi.platform.tenancy.TenantRegistry;
import id.fleksi.platform.testing.TestDatabase;
import id.fleksi.platform.testing.TestTenants;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** What the absence pages and their API read: each person's own absences, a supervisor's queue, and the decisions. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class AbsencesTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    static final byte[] PDF = "%PDF-1.7 surat keterangan dokter".getBytes();
    static final LocalDate MONDAY = LocalDate.parse("2026-01-12");

    @Autowired
    Absences absences;

    @Autowired
    TenantRegistry registry;

    @Autowired
    TenantMigrator migrator;

    @Autowired
    ModuleSwitches switches;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactionManager;

    TenantCode tenant;
    UUID unit;

    @BeforeEach
    void tenantWithTwoTeams() {
        tenant = TestTenants.migrated(registry, migrator, "abs");
        switches.change(tenant, AttendanceModule.ID, true, Map.of(), "test");
        unit = UUID.randomUUID();
        jdbc.sql("insert into " + tenant.schemaName()
                        + ".org_unit (id, code, name, kind) values (?, 'BKD', 'BKD', 'BADAN')")
                .param(unit)
                .update();
        UUID andi = employee("andi", "Andi Atasan", null);
        UUID budi = employee("budi", "Budi Atasan", null);
        employee("siti", "Siti Aparatur", andi);
        employee("rina", "Rina Aparatur", andi);
        employee("tono", "Tono Aparatur", budi);
    }

    @AfterEach
    void dropTenant() {
        TestTenants.remove(jdbc, registry, tenant);
    }

    @Test
    void eachSeesTheirOwnLatestFirstAndASupervisorOnlyTheirDirectReportsStillPending() {
        Absences.Absence sick = file("siti", Absences.Kind.SAKIT, MONDAY, MONDAY, "Demam");
        Absences.Absence leave =
                file("siti", Absences.Kind.CUTI, MONDAY.plusDays(14), MONDAY.plusDays(18), "Cuti tahunan");
        Absences.Absence rina =
                file("rina", Absences.Kind.IZIN, MONDAY.plusDays(1), MONDAY.plusDays(1), "Mengurus KTP");
        Absences.Absence tono = file("tono", Absences.Kind.IZIN, MONDAY, MONDAY, "Keluarga sakit");
        as(() -> absences.decide("andi", sick.id(), false, "Lampirkan surat dokter"));

        assertThat(as(() -> absences.mine("siti")))
                .extracting(Absences.Absence::id, Absences.Absence::status, Absences.Absence::comment)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(leave.id(), Absences.Status.PENDING, null),
                        org.assertj.core.groups.Tuple.tuple(
                                sick.id(), Absences.Status.RETURNED, "Lampirkan surat dokter"));
        assertThat(as(() -> absences.mine("tono")))
                .extracting(Absences.Absence::id)
                .containsExactly(tono.id());
        assertThat(as(() -> absences.awaiting("andi")))
                .extracting(Absences.Absence::id)
                .containsExactly(rina.id(), leave.id());
        assertThat(as(() -> absences.awaiting("budi")))
                .extracting(Absences.Absence::id)
                .containsExactly(tono.id());
        assertThat(as(() -> absences.awaiting("siti"))).isEmpty();
    }

    @Test
    void aDocumentThatIsRefusedLeavesNothingFiledAndOneThatIsAcceptedComesWithTheAbsence() {
        Absences.NewAbsence sick =
                new Absences.NewAbsence(Absences.Kind.SAKIT, MONDAY, MONDAY, "Demam", null, null, null);

        assertThatThrownBy(() ->
                        as(() -> absences.fileWithDocument("siti", sick, "surat.exe", "MZ not a document".getBytes())))
                .isInstanceOfSatisfying(
                        Problem.class, p -> assertThat(p.kind()).isEqualTo(Problem.Kind.UNSUPPORTED_TYPE));
        assertThatThrownBy(() -> as(() -> absences.fileWithDocument(
                        "siti",
                        new Absences.NewAbsence(
                                Absences.Kind.SAKIT, MONDAY, MONDAY.minusDays(1), "Demam", null, null, null),
                        "surat.pdf",
                        PDF)))
                .isInstanceOf(Problem.class);
        assertThat(count("attendance_absence")).isZero();
        assertThat(count("attendance_absence_document")).isZero();

        Absences.Absence filed = as(() -> absences.fileWithDocument("siti", sick, "surat.pdf", PDF));

        assertThat(filed.document()).isEqualTo("surat.pdf");
        assertThat(as(() -> absences.document("andi", false, filed.id())).content())
                .isEqualTo(PDF);
        assertThat(count("attendance_absence")).isEqualTo(1);
    }

    @Test
    void twoDecisionsSentAtOnceLeaveOneDecisionAndTellTheOtherItCameTooLate() throws Exception {
        for (int round = 0; round < 10; round++) {
            Absences.Absence absence =
                    file("siti", Absences.Kind.IZIN, MONDAY.plusDays(round), MONDAY.plusDays(round), "Urusan keluarga");
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<Absences.Absence>> decisions = new ArrayList<>();
                for (boolean approve : new boolean[] {true, false}) {
                    decisions.add(pool.submit(() -> {
                        start.await();
                        return as(() ->
                                absences.decide("andi", absence.id(), approve, approve ? null : "Tanggalnya salah"));
                    }));
                }
                start.countDown();
                List<Absences.Status> won = new ArrayList<>();
                int tooLate = 0;
                for (Future<Absences.Absence> decision : decisions) {
                    try {
                        won.add(decision.get().status());
                    } catch (java.util.concurrent.ExecutionException e) {
                        assertThat(e.getCause()).isInstanceOf(Problem.class).hasMessageContaining("already");
                        tooLate++;
                    }
                }
                assertThat(won).hasSize(1);
                assertThat(tooLate).isEqualTo(1);
                assertThat(as(() -> absences.find(absence.id())).orElseThrow().status())
                        .isEqualTo(won.get(0));
                assertThat(jdbc.sql("select count(*) from " + tenant.schemaName() + ".audit_event where target = ?")
                                .param(absence.id().toString())
                                .query(Integer.class)
                                .single())
                        .as("one decision audited")
                        .isEqualTo(1);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void theSameAbsenceSentAgainWhileItWaitsIsTheFirstOneEvenTenAtOnce() throws Exception {
        Absences.Absence first = file("siti", Absences.Kind.IZIN, MONDAY, MONDAY, "Mengurus KTP");
        assertThat(file("siti", Absences.Kind.IZIN, MONDAY, MONDAY, "Mengurus KTP (dikirim ulang)")
                        .id())
                .isEqualTo(first.id());
        assertThat(file("siti", Absences.Kind.SAKIT, MONDAY, MONDAY, "Demam").id())
                .isNotEqualTo(first.id());

        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Absences.Absence>> sent = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                sent.add(pool.submit(() -> {
                    start.await();
                    return file("rina", Absences.Kind.CUTI, MONDAY.plusDays(7), MONDAY.plusDays(11), "Cuti tahunan");
                }));
            }
            start.countDown();
            java.util.Set<UUID> ids = new java.util.HashSet<>();
            for (Future<Absences.Absence> one : sent) {
                ids.add(one.get().id());
            }
            assertThat(ids).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(count("attendance_absence")).isEqualTo(3);

        // Once returned, the same days can be asked for again: a new request.
        as(() -> absences.decide("andi", first.id(), false, "Lampirkan surat pengantar"));
        assertThat(file("siti", Absences.Kind.IZIN, MONDAY, MONDAY, "Mengurus KTP, dengan surat pengantar")
                        .id())
                .isNotEqualTo(first.id());
    }

    @Test
    void aRetiredSupervisorDecidesNothingAndTheAbsenceKeepsWaiting() {
        Absences.Absence absence = file("siti", Absences.Kind.IZIN, MONDAY, MONDAY, "Mengurus KTP");
        jdbc.sql("update " + tenant.schemaName() + ".employee set status = 'RETIRED' where username = 'andi'")
                .update();
        int audited = count("audit_event");

        assertThatThrownBy(() -> as(() -> absences.decide("andi", absence.id(), true, null)))
                .isInstanceOfSatisfying(Problem.class, p -> {
                    assertThat(p.kind()).isEqualTo(Problem.Kind.FORBIDDEN);
                    assertThat(p.getMessage())
                            .isEqualTo("Your account is not an active employee of this pemda. Ask BKD.");
                });
        assertThat(as(() -> absences.find(absence.id())).orElseThrow().status()).isEqualTo(Absences.Status.PENDING);
        assertThat(count("audit_event")).as("nothing audited").isEqualTo(audited);
    }

    @Test
    void nobodyDecidesTheirOwnAbsenceEvenWhenTheDataNamesThemTheirOwnSupervisor() {
        // Data as an old import or a hand edit may have left it; the API refuses to make it (EmployeeRealmSyncTest).
        jdbc.sql("update " + tenant.schemaName() + ".employee set supervisor_id = id where username = 'siti'")
                .update();
        Absences.Absence absence = file("siti", Absences.Kind.CUTI, MONDAY, MONDAY.plusDays(2), "Cuti tahunan");

        assertThat(as(() -> absences.awaiting("siti")))
                .extracting(Absences.Absence::id)
                .containsExactly(absence.id());
        assertThatThrownBy(() -> as(() -> absences.decide("siti", absence.id(), true, null)))
                .isInstanceOfSatisfying(Problem.class, p -> {
                    assertThat(p.kind()).isEqualTo(Problem.Kind.FORBIDDEN);
                    assertThat(p.typeUri()).isEqualTo("urn:fleksi:problem:own-request");
                });
        assertThat(as(() -> absences.find(absence.id())).orElseThrow().status()).isEqualTo(Absences.Status.PENDING);
    }

    @Test
    void aRetirementAndADecisionSentTogetherNeverLeaveADecisionStoredAfterTheRetirement() throws Exception {
        for (int round = 0; round < 10; round++) {
            jdbc.sql("update " + tenant.schemaName() + ".employee set status = 'ACTIVE' where username = 'andi'")
                    .update();
            Absences.Absence absence =
                    file("siti", Absences.Kind.IZIN, MONDAY.plusDays(round), MONDAY.plusDays(round), "Urusan keluarga");
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Future<Long> retiredAt = pool.submit(() -> {
                    start.await();
                    return TenantContext.callAs(
                            tenant,
                            () -> new org.springframework.transaction.support.TransactionTemplate(transactionManager)
                                    .execute(tx -> {
                                        jdbc.sql("update " + tenant.schemaName()
                                                        + ".employee set status = 'RETIRED' where username = 'andi'")
                                                .update();
                                        return jdbc.sql("select clock_timestamp()")
                                                .query(java.sql.Timestamp.class)
                                                .single()
                                                .getTime();
                                    }));
                });
                Future<Absences.Absence> decision = pool.submit(() -> {
                    start.await();
                    return as(() -> absences.decide("andi", absence.id(), true, null));
                });
                start.countDown();
                long retirement = retiredAt.get();
                try {
                    decision.get();
                    java.sql.Timestamp decided = jdbc.sql("select decided_at from " + tenant.schemaName()
                                    + ".attendance_absence where id = ?")
                            .param(absence.id())
                            .query(java.sql.Timestamp.class)
                            .single();
                    assertThat(decided.getTime())
                            .as("a decision that went through was stored before the retirement")
                            .isLessThanOrEqualTo(retirement);
                } catch (java.util.concurrent.ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOf(Problem.class).hasMessageContaining("not an active employee");
                    assertThat(as(() -> absences.find(absence.id()))
                                    .orElseThrow()
                                    .status())
                            .isEqualTo(Absences.Status.PENDING);
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void anAbsenceMoreThanAYearAheadIsRefusedAndNothingWaitsInTheQueue() {
        LocalDate farAhead = LocalDate.now().plusYears(1).plusDays(7);
        assertThatThrownBy(() -> file("siti", Absences.Kind.CUTI, farAhead, farAhead, "Cuti tahunan"))
                .isInstanceOfSatisfying(
                        Problem.class, p -> assertThat(p.typeUri()).isEqualTo("urn:fleksi:problem:absence-too-far"));
        assertThat(as(() -> absences.awaiting("andi"))).isEmpty();
        assertThat(count("attendance_absence")).isZero();
    }

    private Absences.Absence file(String username, Absences.Kind kind, LocalDate from, LocalDate to, String reason) {
        return as(() -> absences.file(username, new Absences.NewAbsence(kind, from, to, reason, null, null, null)));
    }

    private <T> T as(java.util.function.Supplier<T> work) {
        return TenantContext.callAs(tenant, work);
    }

    private int count(String table) {
        return jdbc.sql("select count(*) from " + tenant.schemaName() + "." + table)
                .query(Integer.class)
                .single();
    }

    private UUID employee(String username, String name, UUID supervisor) {
        UUID id = UUID.randomUUID();
        jdbc.sql(
                        "insert into " + tenant.schemaName()
                                + ".employee (id, name, employment_type, unit_id, supervisor_id, status, username,"
                                + " realm_user_id, created_at, updated_at) values (?, ?, 'PNS', ?, ?, 'ACTIVE', ?, ?, now(), now())")
                .params(id, name, unit, supervisor, username, UUID.randomUUID().toString())
                .update();
        return id;
    }
}
