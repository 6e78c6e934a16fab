package id.fleksi.modules.evaluation.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import id.fleksi.modules.evaluation.ServiceRatings;
import id.fleksi.modules.evaluation.feedback.internal.FeedbackInbox;
import id.fleksi.modules.evaluation.feedback.internal.FeedbackSummaries;
import id.fleksi.modules.evaluation.feedback.internal.OpdServices;
import id.fleksi.platform.audit.AuditLog;
import id.fleksi.platform.migration.TenantMigrator;
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
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Ratings of two OPD's services (Disdukcapil with a sub-unit, and Dinkes): pending ones count nowhere; the head of
 * Disdukcapil accepts and rejects those of her OPD and no other, BKD those of every OPD, staff none; only what was
 * accepted reaches the summary (comment included) and {@link ServiceRatings}, per OPD and for the whole pemda, also
 * split by how the citizen was served; every
 * decision is audited.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class ModerationTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @Autowired
    OpdServices services;

    @Autowired
    FeedbackInbox inbox;

    @Autowired
    FeedbackSummaries summaries;

    @Autowired
    ServiceRatings ratings;

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
    Tenant tenant;
    UUID disdukcapil;
    UUID dinkes;
    final Caller admin = new Caller("r", "s1", "admin", Set.of("tenant-admin"));
    final Caller bkd = new Caller("r", "s2", "bkd", Set.of("bkd"));
    final Caller rina = new Caller("r", "s3", "rina", Set.of("asn", "atasan")); // heads Disdukcapil
    final Caller dodi = new Caller("r", "s4", "dodi", Set.of("asn", "atasan")); // heads Dinkes
    final Caller staff = new Caller("r", "s5", "sari", Set.of("asn"));

    @BeforeEach
    void twoOpds() {
        code = TestTenants.migrated(registry, migrator, "suara"); // WITA (UTC+8)
        tenant = registry.require(code);
        TenantContext.runAs(code, () -> {
            disdukcapil = unit("DUKCAPIL", "Dinas Kependudukan dan Pencatatan Sipil", null);
            UUID loket = unit("DUKCAPIL-LOKET", "Seksi Pelayanan", disdukcapil);
            dinkes = unit("DINKES", "Dinas Kesehatan", null);
            head(disdukcapil, person("rina", "Rina", disdukcapil));
            head(dinkes, person("dodi", "Dodi", dinkes));
            person("sari", "Sari", loket);
        });
    }

    @AfterEach
    void dropTenant() {
        TestTenants.remove(jdbc, registry, code);
    }

    @Test
    void aCommentCountsAndIsShownOnlyOnceTheHeadOrBkdAcceptsIt() {
        clock.set("2026-03-10T09:00:00+08:00");
        OpdServices.OpdService ktp = as(() -> services.define(
                tenant, rina, new OpdServices.NewService("DUKCAPIL-LOKET", "Pembuatan KTP-el", "ktp-el")));
        OpdServices.OpdService imunisasi = as(() ->
                services.define(tenant, admin, new OpdServices.NewService("DINKES", "Imunisasi anak", "imunisasi")));
        as(() -> {
            inbox.receive(tenant, ktp.id(), 5, "Cepat, 20 menit selesai", FeedbackInbox.ServedMode.OFFICE);
            inbox.receive(tenant, ktp.id(), 1, "Kata-kata kasar", null);
            inbox.receive(tenant, ktp.id(), 3, null, FeedbackInbox.ServedMode.REMOTE);
            inbox.receive(tenant, imunisasi.id(), 4, "Ramah", null);
            return null;
        });
        LocalDate from = LocalDate.parse("2026-03-01");
        LocalDate to = LocalDate.parse("2026-03-31");

        assertThat(ratings.between(code, null, from, to)).isEqualTo(ServiceRatings.Summary.NONE);
        FeedbackSummaries.ServiceSummary before = as(() -> summaries.summary(bkd, from, to))
                .opds()
                .get(0)
                .services()
                .get(0);
        assertThat(before.ratings()).isZero();
        assertThat(before.pending()).isEqualTo(3);
        assertThat(before.comments()).isEmpty();

        assertThat(as(() -> inbox.pending(rina)))
                .extracting(FeedbackInbox.Pending::score)
                .containsExactly(5, 1, 3);
        assertThat(as(() -> inbox.pending(bkd))).hasSize(4);
        assertProblem(() -> inbox.pending(staff), "by the head of the OPD");
        UUID fast = as(() -> inbox.pending(rina)).get(0).id();
        UUID rude = as(() -> inbox.pending(rina)).get(1).id();
        UUID plain = as(() -> inbox.pending(rina)).get(2).id();
        UUID friendly = as(() -> inbox.pending(dodi)).get(0).id();
        assertProblem(() -> inbox.decide(tenant, dodi, fast, FeedbackInbox.Decision.ACCEPT), "its head or BKD decides");

        as(() -> inbox.decide(tenant, rina, fast, FeedbackInbox.Decision.ACCEPT));
        as(() -> inbox.decide(tenant, rina, rude, FeedbackInbox.Decision.REJECT));
        as(() -> inbox.decide(tenant, bkd, plain, FeedbackInbox.Decision.ACCEPT));
        assertProblem(
                () -> inbox.decide(tenant, bkd, rude, FeedbackInbox.Decision.ACCEPT), "already decided (REJECTED)");

        FeedbackSummaries.Summary after = as(() -> summaries.summary(bkd, from, to));
        assertThat(after.opds())
                .extracting(
                        FeedbackSummaries.OpdSummary::unitCode,
                        FeedbackSummaries.OpdSummary::ratings,
                        FeedbackSummaries.OpdSummary::mean)
                .containsExactly(tuple("DUKCAPIL", 2L, 4.0), tuple("DINKES", 0L, null));
        FeedbackSummaries.ServiceSummary shown = after.opds().get(0).services().get(0);
        assertThat(shown.distribution()).containsExactly(0, 0, 1, 0, 1);
        assertThat(shown.pending()).isZero();
        assertThat(shown.comments()).containsExactly("Cepat, 20 menit selesai");
        assertThat(as(() -> summaries.summary(rina, from, to)).opds())
                .extracting(FeedbackSummaries.OpdSummary::unitCode)
                .containsExactly("DUKCAPIL");

        assertThat(ratings.between(code, disdukcapil, from, to)).isEqualTo(new ServiceRatings.Summary(2, 8, 34));
        assertThat(ratings.between(code, dinkes, from, to)).isEqualTo(ServiceRatings.Summary.NONE);
        as(() -> inbox.decide(tenant, dodi, friendly, FeedbackInbox.Decision.ACCEPT));
        assertThat(ratings.between(code, null, from, to)).isEqualTo(new ServiceRatings.Summary(3, 12, 50));
        assertThat(ratings.between(code, null, LocalDate.parse("2026-03-11"), to))
                .isEqualTo(ServiceRatings.Summary.NONE);
        assertThat(((ServedModeRatings) ratings).byServedMode(code, null, from, to))
                .containsExactly(
                        Map.entry("OFFICE", new ServiceRatings.Summary(1, 5, 25)),
                        Map.entry("REMOTE", new ServiceRatings.Summary(1, 3, 9)),
                        Map.entry("NOT_SAID", new ServiceRatings.Summary(1, 4, 16)));
        assertThat(((ServedModeRatings) ratings).byServedMode(code, dinkes, from, to))
                .containsEntry("OFFICE", ServiceRatings.Summary.NONE);

        assertThat(audit.latest(code, 10))
                .filteredOn(e -> e.action().startsWith("feedback."))
                .extracting(e -> e.actor(), e -> e.action(), e -> e.target())
                .contains(
                        tuple("rina", "feedback.accepted", "evaluation_feedback:" + fast),
                        tuple("rina", "feedback.rejected", "evaluation_feedback:" + rude),
                        tuple("bkd", "feedback.accepted", "evaluation_feedback:" + plain),
                        tuple("rina", "feedback.service.defined", "evaluation_service:" + ktp.id()));
    }

    @Test
    void onlyTheHeadOfTheUnitOrTheTenantAdminDefinesAServiceWithEveryMistakeNamed() {
        assertProblem(
                () -> services.define(tenant, dodi, new OpdServices.NewService("DUKCAPIL", "KTP", "ktp")),
                "DUKCAPIL is not one of them");
        assertProblem(
                () -> services.define(tenant, staff, new OpdServices.NewService("DUKCAPIL-LOKET", "KTP", "ktp")),
                "defined by the head of the OPD");
        assertProblem(
                () -> services.define(tenant, admin, new OpdServices.NewService("NOPE", " ", "KTP el")),
                "name: 1 to 200 characters; slug: 2 to 60 small letters, digits and single dashes, e.g. ktp-el; unit: the code"
                        + " of a unit of this pemda. Nothing was saved.");
        as(() -> services.define(tenant, admin, new OpdServices.NewService("DUKCAPIL", "Akta kelahiran", "akta")));
        assertProblem(
                () -> services.define(tenant, rina, new OpdServices.NewService("DUKCAPIL", "Akta lahir", "akta")),
                "already has the address akta");
        assertThat(as(() -> services.mine(rina)))
                .extracting(OpdServices.OpdService::slug)
                .containsExactly("akta");
        assertThat(as(() -> services.mine(dodi))).isEmpty();
    }

    private UUID unit(String unitCode, String name, UUID parent) {
        UUID id = UUID.randomUUID();
        jdbc.sql(TenantSql.of("insert into {org_unit} (id, parent_id, code, name, kind) values (?, ?, ?, ?, 'DINAS')"))
                .params(id, parent, unitCode, name)
                .update();
        return id;
    }

    private UUID person(String username, String name, UUID unit) {
        UUID id = UUID.randomUUID();
        jdbc.sql(TenantSql.of(
                        "insert into {employee} (id, name, employment_type, unit_id, status, username, realm_user_id,"
                                + " created_at, updated_at) values (?, ?, 'PNS', ?, 'ACTIVE', ?, ?, now(), now())"))
                .params(id, name, unit, username, UUID.randomUUID().toString())
                .update();
        return id;
    }

    private void head(UUID unit, UUID employee) {
        jdbc.sql(TenantSql.of("update {org_unit} set head_employee_id = ? where id = ?"))
                .params(employee, unit)
                .update();
    }

    private <T> T as(Supplier<T> work) {
        return TenantContext.callAs(code, work);
    }

    private void assertProblem(Supplier<?> work, String detail) {
        assertThatThrownBy(() -> as(work)).isInstanceOf(Problem.class).hasMessageContaining(detail);
    }
}
