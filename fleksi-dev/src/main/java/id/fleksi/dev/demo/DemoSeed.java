package id.fleksi.dev.demo;

import id.fleksi.platform.security.IdentityProperties;
import id.fleksi.platform.security.Role;
import id.fleksi.platform.tenancy.RegionTimeZone;
import id.fleksi.platform.tenancy.TenantCode;
import id.fleksi.platform.tenancy.TenantKind;
import id.fleksi.platform.tenancy.TenantRegistry;
import id.fleksi.provisioning.onboarding.NewTenant;
import id.fleksi.provisioning.onboarding.TenantOnboarding;
import id.fleksi.provisioning.realm.RealmProvisioner;
import id.fleksi.provisioning.realm.RealmUser;
import id.fleksi.provisioning.realm.RealmUsers;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The demo of {@code fleksi up}: the platform realm with an operator, the province Sulawesi Barat and its
 * kabupaten Mamuju Tengah, each with an admin, a supervisor and an ASN (mateng also its Bupati, who sees monitoring,
 * and a Monday apel, and the history of its WFA trial and the months before it), and an organisation of OPD,
 * employees and offices; the ASN has four weeks of attendance behind her. Made once; a later run finds them
 * and changes nothing.
 */
@Component
public class DemoSeed {

    public static final String PASSWORD = "fleksi-demo";
    private static final Logger log = LoggerFactory.getLogger(DemoSeed.class);

    private final TenantRegistry registry;
    private final TenantOnboarding onboarding;
    private final RealmProvisioner realms;
    private final RealmUsers users;
    private final IdentityProperties identity;
    private final DemoOrganisation organisation;
    private final DemoFlexibleWork flexibleWork;
    private final DemoAttendance attendance;
    private final DemoMonitoring monitoring;
    private final DemoTrial trial;
    private final DemoEvaluation evaluation;

    public DemoSeed(
            TenantRegistry registry,
            TenantOnboarding onboarding,
            RealmProvisioner realms,
            RealmUsers users,
            IdentityProperties identity,
            DemoOrganisation organisation,
            DemoFlexibleWork flexibleWork,
            DemoAttendance attendance,
            DemoMonitoring monitoring,
            DemoTrial trial,
            DemoEvaluation evaluation) {
        this.monitoring = monitoring;
        this.trial = trial;
        this.evaluation = evaluation;
        this.flexibleWork = flexibleWork;
        this.attendance = attendance;
        this.registry = registry;
        this.onboarding = onboarding;
        this.realms = realms;
        this.users = users;
        this.identity = identity;
        this.organisation = organisation;
    }

    public void seed() {
        if (!realms.realmExists(identity.platformRealm())) {
            realms.createRealm(
                    identity.platformRealm(),
                    "Fleksi Platform (Diskominfo Sulbar)",
                    true,
                    List.of(new RealmUser(
                            "operator", "Operator", "Diskominfo", PASSWORD, false, Set.of(Role.PLATFORM_OPERATOR))));
            log.info("Demo: platform realm with user operator");
        }
        tenant(
                new NewTenant(
                        "sulbar", "Provinsi Sulawesi Barat", TenantKind.PROVINCE, null, "76", RegionTimeZone.WITA),
                "sulbar",
                80);
        boolean fresh = !registry.exists(TenantCode.of("mateng"));
        tenant(
                new NewTenant(
                        "mateng",
                        "Kabupaten Mamuju Tengah",
                        TenantKind.KABUPATEN,
                        "sulbar",
                        "76.06",
                        RegionTimeZone.WITA),
                "mateng",
                300);
        if (fresh) {
            trialHistory(TenantCode.of("mateng"));
        }
    }

    /**
     * Half a year of everyone's check-ins and reports behind a mateng tenant: its WFA trial and the baseline before it,
     * for the Sekda's verdict ({@link DemoTrial}), and everyone's last month and this one until yesterday, for BKD to
     * close. The demo's mateng gets it; a test's own mateng only when it asks, so
     * that tests of other things stay small.
     */
    public void trialHistory(TenantCode tenant) {
        trial.history(tenant);
    }

    /**
     * One demo tenant, unless it exists: users admin, atasan and asn (password {@link #PASSWORD}), the organisation of
     * {@code dataset} ({@code mateng} or {@code sulbar}), and four weeks of Siti's attendance; mateng's data also brings
     * its flexible-work policy. Tests seed it under codes of their own.
     */
    public void tenant(NewTenant request, String dataset, int employees) {
        if (registry.exists(TenantCode.of(request.code()))) {
            return;
        }
        onboarding.onboard(request);
        users.setPassword(request.code(), TenantOnboarding.FIRST_ADMIN, PASSWORD, false);
        String atasan = users.createUser(
                request.code(),
                new RealmUser("atasan", "Andi", "Atasan", PASSWORD, false, Set.of(Role.ATASAN, Role.ASN)));
        String asn = users.createUser(
                request.code(), new RealmUser("asn", "Siti", "Aparatur", PASSWORD, false, Set.of(Role.ASN)));
        TenantCode tenant = TenantCode.of(request.code());
        organisation.seed(tenant, dataset, employees);
        flexibleWork.demoEmployees(tenant, atasan, asn);
        if (dataset.equals("mateng")) {
            // BKD, who sets the TPP rules, closes the month and downloads the recaps.
            users.createUser(
                    request.code(), new RealmUser("bkd", "Bina", "Kepegawaian", PASSWORD, false, Set.of(Role.BKD)));
            flexibleWork.matengPolicy(tenant);
            monitoring.seed(tenant);
            evaluation.seed(tenant);
        }
        attendance.history(tenant);
        log.info(
                "Demo: tenant {} with users admin, atasan, asn{} and {} employees",
                request.code(),
                dataset.equals("mateng") ? ", bkd, bupati" : "",
                employees);
    }
}
