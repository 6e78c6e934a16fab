package id.fleksi.modules.attendance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import id.fleksi.platform.migration.TenantMigrator;
import id.fleksi.platform.modules.ModuleSwitches;
import id.fleksi.platform.tenancy.TenantCode;
import id.fleksi.platform.tenancy.TenantContext;
import id.fleksi.platform.tenancy.TenantRegistry;
import id.fleksi.platform.testing.TestDatabase;
import id.fleksi.platform.testing.TestTenants;
import id.fleksi.platform.web.Problem;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpStatus;
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

    @Autowired Absences absences;
    @Autowired TenantRegistry registry;
    @Autowired TenantMigrator migrator;
    @Autowired ModuleSwitches switches;
    @Autowired JdbcClient jdbc;

    TenantCode tenant;
    UUID unit;

    @BeforeEach
    void tenantWithTwoTeams() {
        tenant = TestTenants.migrated(registry, migrator, "abs");
        switches.change(tenant, AttendanceModule.ID, true, Map.of(), "test");
        unit = UUID.randomUUID();
        jdbc.sql("insert into " + tenant.schemaName() + ".org_unit (id, code, name, kind) values (?, 'BKD', 'BKD', 'BADAN')").param(unit)
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
        Absences.Absence leave = file("siti", Absences.Kind.CUTI, MONDAY.plusDays(14), MONDAY.plusDays(18), "Cuti tahunan");
        Absences.Absence rina = file("rina", Absences.Kind.IZIN, MONDAY.plusDays(1), MONDAY.plusDays(1), "Mengurus KTP");
        Absences.Absence tono = file("tono", Absences.Kind.IZIN, MONDAY, MONDAY, "Keluarga sakit");
        as(() -> absences.decide("andi", sick.id(), false, "Lampirkan surat dokter"));

        assertThat(as(() -> absences.mine("siti"))).extracting(Absences.Absence::id, Absences.Absence::status, Absences.Absence::comment)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(leave.id(), Absences.Status.PENDING, null),
                        org.assertj.core.groups.Tuple.tuple(sick.id(), Absences.Status.RETURNED, "Lampirkan surat dokter"));
        assertThat(as(() -> absences.mine("tono"))).extracting(Absences.Absence::id).containsExactly(tono.id());
        assertThat(as(() -> absences.awaiting("andi"))).extracting(Absences.Absence::id).containsExactly(rina.id(), leave.id());
        assertThat(as(() -> absences.awaiting("budi"))).extracting(Absences.Absence::id).containsExactly(tono.id());
        assertThat(as(() -> absences.awaiting("siti"))).isEmpty();
    }

    @Test
    void aDocumentThatIsRefusedLeavesNothingFiledAndOneThatIsAcceptedComesWithTheAbsence() {
        Absences.NewAbsence sick = new Absences.NewAbsence(Absences.Kind.SAKIT, MONDAY, MONDAY, "Demam", null, null, null);

        assertThatThrownBy(() -> as(() -> absences.fileWithDocument("siti", sick, "surat.exe", "MZ not a document".getBytes())))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE));
        assertThatThrownBy(() -> as(() -> absences.fileWithDocument("siti", new Absences.NewAbsence(Absences.Kind.SAKIT, MONDAY,
                MONDAY.minusDays(1), "Demam", null, null, null), "surat.pdf", PDF))).isInstanceOf(Problem.class);
        assertThat(count("attendance_absence")).isZero();
        assertThat(count("attendance_absence_document")).isZero();

        Absences.Absence filed = as(() -> absences.fileWithDocument("siti", sick, "surat.pdf", PDF));

        assertThat(filed.document()).isEqualTo("surat.pdf");
        assertThat(as(() -> absences.document("andi", false, filed.id())).content()).isEqualTo(PDF);
        assertThat(count("attendance_absence")).isEqualTo(1);
    }

    @Test
    void twoDecisionsSentAtOnceLeaveOneDecisionAndTellTheOtherItCameTooLate() throws Exception {
        for (int round = 0; round < 10; round++) {
            Absences.Absence absence = file("siti", Absences.Kind.IZIN, MONDAY.plusDays(round), MONDAY.plusDays(round), "Urusan keluarga");
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<Absences.Absence>> decisions = new ArrayList<>();
                for (boolean approve : new boolean[] {true, false}) {
                    decisions.add(pool.submit(() -> {
                        start.await();
                        return as(() -> absences.decide("andi", absence.id(), approve, approve ? null : "Tanggalnya salah"));
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
                assertThat(as(() -> absences.find(absence.id())).orElseThrow().status()).isEqualTo(won.get(0));
                assertThat(jdbc.sql("select count(*) from " + tenant.schemaName() + ".audit_event where target = ?")
                        .param(absence.id().toString()).query(Integer.class).single()).as("one decision audited").isEqualTo(1);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void theSameAbsenceSentAgainWhileItWaitsIsTheFirstOneEvenTenAtOnce() throws Exception {
        Absences.Absence first = file("siti", Absences.Kind.IZIN, MONDAY, MONDAY, "Mengurus KTP");
        assertThat(file("siti", Absences.Kind.IZIN, MONDAY, MONDAY, "Mengurus KTP (dikirim ulang)").id()).isEqualTo(first.id());
        assertThat(file("siti", Absences.Kind.SAKIT, MONDAY, MONDAY, "Demam").id()).isNotEqualTo(first.id());

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
        assertThat(file("siti", Absences.Kind.IZIN, MONDAY, MONDAY, "Mengurus KTP, dengan surat pengantar").id()).isNotEqualTo(first.id());
    }

    private Absences.Absence file(String username, Absences.Kind kind, LocalDate from, LocalDate to, String reason) {
        return as(() -> absences.file(username, new Absences.NewAbsence(kind, from, to, reason, null, null, null)));
    }

    private <T> T as(java.util.function.Supplier<T> work) {
        return TenantContext.callAs(tenant, work);
    }

    private int count(String table) {
        return jdbc.sql("select count(*) from " + tenant.schemaName() + "." + table).query(Integer.class).single();
    }

    private UUID employee(String username, String name, UUID supervisor) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into " + tenant.schemaName() + ".employee (id, name, employment_type, unit_id, supervisor_id, status, username,"
                        + " realm_user_id, created_at, updated_at) values (?, ?, 'PNS', ?, ?, 'ACTIVE', ?, ?, now(), now())")
                .params(id, name, unit, supervisor, username, UUID.randomUUID().toString()).update();
        return id;
    }
}
